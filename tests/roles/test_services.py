import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from roles.models import Role, RoleDeclaration
from roles.services import role_declaration_create, role_declaration_end
from tests.factories import MembershipFactory, OfficerFactory
from tests.recommendations.factories import ActionItemFactory
from tests.roles.factories import RoleDeclarationFactory
from wijkportaal.desk.models import Case
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db


def declare(actor, council, **kwargs):
    values = {"role": Role.NETWORK, "start": timezone.localdate()}
    values.update(kwargs)
    return role_declaration_create(actor=actor, council=council, **values)


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_chair_can_declare_a_general_network_role(council, chair):
    declaration = declare(chair, council, start=days(3), reason="Wij verbinden.")
    assert declaration.is_general
    assert declaration.state() == "upcoming"
    assert declaration.declared_by == chair


@pytest.mark.parametrize("function", ["secretaris", "penningmeester"])
def test_other_board_members_can_declare(council, function):
    person = MembershipFactory(council=council, function=function).person
    assert declare(person, council).pk


def test_member_cannot_declare(council, member):
    with pytest.raises(PermissionDenied):
        declare(member, council)
    assert not RoleDeclaration.objects.exists()


def test_other_councils_chair_cannot_declare(council, other_chair):
    with pytest.raises(PermissionDenied):
        declare(other_chair, council)
    assert not RoleDeclaration.objects.exists()


def test_officer_cannot_declare_on_behalf_of_a_council(council, officer):
    with pytest.raises(PermissionDenied):
        declare(officer, council)


def test_chair_cannot_declare_a_start_in_the_past(council, chair):
    with pytest.raises(ValidationError) as error:
        declare(chair, council, start=days(-1))
    assert "vooraf bekendgemaakt" in error.value.message_dict["start"][0]
    assert not RoleDeclaration.objects.exists()


def test_chair_cannot_declare_an_end_before_the_start(council, chair):
    with pytest.raises(ValidationError) as error:
        declare(chair, council, start=days(5), end=days(4))
    assert error.value.message_dict["end"] == ["De einddatum ligt niet vóór de startdatum."]
    assert not RoleDeclaration.objects.exists()


def test_self_organisation_needs_the_acknowledgement(council, chair):
    with pytest.raises(ValidationError) as error:
        declare(chair, council, role=Role.SELF)
    assert "kaders" in error.value.message_dict["frameworks_acknowledged"][0]
    assert not RoleDeclaration.objects.exists()
    declaration = declare(chair, council, role=Role.SELF, frameworks_acknowledged=True)
    assert declaration.frameworks_acknowledged


def test_overlapping_general_declarations_are_refused(council, chair):
    declare(chair, council, start=days(0), end=days(30))
    with pytest.raises(ValidationError) as error:
        declare(chair, council, role=Role.SELF, frameworks_acknowledged=True, start=days(10))
    assert "geldt al een rolkeuze" in error.value.message_dict["start"][0]
    assert RoleDeclaration.objects.count() == 1


def test_overlapping_subject_is_refused_case_insensitively(council, chair):
    declare(chair, council, subject="Herinrichting Marktplein")
    with pytest.raises(ValidationError):
        declare(chair, council, subject="herinrichting  marktplein", start=days(2))
    # Another subject, or general, is another scope.
    declare(chair, council, subject="Speeltuin")
    declare(chair, council)
    assert RoleDeclaration.objects.count() == 3


def test_overlapping_linked_object_is_refused(council, chair):
    action = ActionItemFactory()
    declare(chair, council, scope_object=action)
    with pytest.raises(ValidationError):
        declare(chair, council, scope_object=action, start=days(1))
    assert RoleDeclaration.objects.get().scope_object == action


def test_other_councils_may_declare_for_the_same_scope(council, chair, other_council, other_chair):
    declare(chair, council)
    declare(other_chair, other_council)
    assert RoleDeclaration.objects.count() == 2


def test_a_new_declaration_can_succeed_the_running_one(council, chair):
    running = RoleDeclarationFactory(council=council, start=days(-20))
    successor = declare(
        chair,
        council,
        role=Role.SELF,
        frameworks_acknowledged=True,
        start=days(7),
        succeed_current=True,
    )
    running.refresh_from_db()
    assert running.end == days(6)
    assert running.ended_by == chair
    assert successor.supersedes == running
    # The running one keeps its history: the change is recorded.
    assert running.history.count() >= 1


def test_an_upcoming_declaration_cannot_be_succeeded_before_it_starts(council, chair):
    declare(chair, council, start=days(10))
    with pytest.raises(ValidationError):
        declare(chair, council, start=days(5), succeed_current=True)


def test_declaring_opens_one_case_and_tells_the_other_members(
    council, chair, member, participation
):
    officer = OfficerFactory(department=participation)
    other_officer = OfficerFactory()
    declaration = declare(chair, council, start=days(2))
    case = Case.objects.get()
    assert (case.kind, case.subject, case.council, case.submitted_by, case.department) == (
        "roles.declaration",
        declaration,
        council,
        chair,
        participation,
    )
    assert council.name in case.title and "netwerkorganisatie" in case.title
    rows = Notification.objects.order_by("kind", "recipient_key")
    # Each mail once: the declarer's receipt and the department's new case come from the desk;
    # the other members get the announcement (the participation officers no longer a second one).
    assert sorted((row.kind, row.recipient_key) for row in rows) == sorted(
        [
            ("desk.receipt", f"u:{chair.pk}"),
            ("desk.new_case", f"u:{officer.pk}"),
            ("desk.new_case", "a:participatie@gemeente.test"),
            ("role_declared", f"u:{member.pk}"),
        ]
    )
    assert other_officer.pk not in {row.recipient_id for row in rows}
    row = Notification.objects.filter(recipient=member).get()
    assert council.name in row.subject
    assert "netwerkorganisatie" in row.subject
    assert f"/wijkraden/{council.slug}/#rollen" in row.body_text
    assert row.occasion == f"role:{declaration.pk}:declared"


def test_a_refused_declaration_opens_no_case(council, chair):
    with pytest.raises(ValidationError):
        declare(chair, council, start=days(-1))
    assert not Case.objects.exists() and not Notification.objects.exists()


def test_reminder_when_a_declaration_takes_effect_is_sent_once(council, member, time_machine):
    from wijkportaal.notifications.services import reminders_queue

    declaration = RoleDeclarationFactory(council=council, start=days(3))
    time_machine.move_to(timezone.now() + datetime.timedelta(days=3))
    reminders_queue(timezone.now())
    reminders_queue(timezone.now())
    rows = Notification.objects.filter(kind="role_effective")
    assert [(r.recipient_id, r.occasion) for r in rows] == [
        (member.pk, f"role:{declaration.pk}:effective")
    ]


def test_reminder_finder_uses_constant_queries(django_assert_max_num_queries):
    from roles.reminders import role_effective_due

    for _ in range(2):
        for _ in range(3):
            declaration = RoleDeclarationFactory(start=days(0))
            MembershipFactory(council=declaration.council)
        with django_assert_max_num_queries(5):
            dues = list(role_effective_due(timezone.now()))
        assert dues


def test_chair_can_end_a_running_declaration_but_not_backdated(council, chair):
    declaration = RoleDeclarationFactory(council=council, start=days(-10))
    with pytest.raises(ValidationError) as error:
        role_declaration_end(actor=chair, declaration=declaration, end=days(-1))
    assert "niet achteraf" in error.value.message_dict["end"][0]
    role_declaration_end(actor=chair, declaration=declaration, end=days(0))
    declaration.refresh_from_db()
    assert declaration.end == days(0)


def test_member_cannot_end_a_declaration(council, member):
    declaration = RoleDeclarationFactory(council=council)
    with pytest.raises(PermissionDenied):
        role_declaration_end(actor=member, declaration=declaration, end=days(1))
