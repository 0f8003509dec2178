"""Submissions made before the desk existed get their case when the database upgrades: the
data migrations of workgroups, recommendations and roles open one case per open submission of
the last 90 days, dated as submitted, without mail; what is already late shows as overdue but
sends no burst of escalations."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from tests.factories import DepartmentFactory, UserFactory
from tests.recommendations.factories import ActionItemFactory, ReactionFactory
from tests.roles.factories import RoleDeclarationFactory
from tests.workgroups.factories import ContactMomentFactory
from wijkportaal.desk.models import Case, CaseEvent
from wijkportaal.notifications.models import Notification
from workgroups.models import ContactFeedback

# The data migrations themselves, run on today's schema: moving the whole database back to
# the schema before them would break as soon as a later migration adds a column to a model a
# factory fills (the migrations themselves run on every test database).
MIGRATIONS = [
    "workgroups.migrations.0002_open_cases_for_feedback",
    "recommendations.migrations.0003_open_cases_for_reactions",
    "roles.migrations.0003_open_cases_for_declarations",
]


def _upgrade():
    for name in MIGRATIONS:
        importlib.import_module(name).open_cases(apps, None)


def _ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.mark.django_db
def test_open_submissions_of_the_last_90_days_get_a_case_on_upgrade():
    participation = DepartmentFactory(slug="wijkzaken-en-participatie")
    moment = ContactMomentFactory()
    recent_bottleneck = ContactFeedback.objects.create(
        kind=moment.kind,
        occurrence=moment,
        council=moment.council,
        author=UserFactory(),
        type="knelpunt",
        text="Te laat uitgenodigd.",
    )
    old_feedback = ContactFeedback.objects.create(
        kind=moment.kind,
        council=moment.council,
        author=recent_bottleneck.author,
        text="Lang geleden.",
    )
    ContactFeedback.objects.filter(pk=recent_bottleneck.pk).update(created_at=_ago(30))
    ContactFeedback.objects.filter(pk=old_feedback.pk).update(created_at=_ago(200))
    department = DepartmentFactory()
    reaction = ReactionFactory(action=ActionItemFactory(department=department))
    hidden = ReactionFactory(hidden_at=timezone.now(), hidden_reason="Kwetsend")
    declaration = RoleDeclarationFactory(start=timezone.localdate())
    ended = RoleDeclarationFactory(
        start=timezone.localdate() - datetime.timedelta(days=20),
        end=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert not Case.objects.exists()

    _upgrade()

    assert Case.objects.count() == 3
    bottleneck_case = Case.objects.get(kind="workgroups.bottleneck")
    assert bottleneck_case.object_id == recent_bottleneck.pk
    assert bottleneck_case.department_id == moment.kind.department_id
    assert bottleneck_case.received_at.date() == _ago(30).date()
    # Thirty days ago plus fifteen working days is past: overdue, but no escalation mail.
    assert bottleneck_case.escalated_at is not None
    reaction_case = Case.objects.get(kind="recommendations.reaction")
    assert (reaction_case.object_id, reaction_case.department_id) == (
        reaction.pk,
        department.pk,
    )
    assert (reaction_case.council_id, reaction_case.submitted_by_id) == (
        reaction.council_id,
        reaction.author_id,
    )
    assert reaction_case.escalated_at is None and reaction_case.answer_by >= (timezone.localdate())
    role_case = Case.objects.get(kind="roles.declaration")
    assert role_case.object_id == declaration.pk
    assert role_case.department_id == participation.pk
    assert not Case.objects.filter(kind="workgroups.feedback")
    assert not Case.objects.filter(kind="recommendations.reaction", object_id=hidden.pk)
    assert not Case.objects.filter(kind="roles.declaration", object_id=ended.pk)
    assert CaseEvent.objects.filter(event="received").count() == 3
    assert not Notification.objects.exists()
    # Running again opens nothing twice.
    _upgrade()
    assert Case.objects.count() == 3
