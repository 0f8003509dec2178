import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import MembershipFactory
from tests.toolkit.factories import (
    ChannelFactory,
    ChannelKindFactory,
    EntryFactory,
    InventoryStatusFactory,
)
from toolkit import selectors, services
from toolkit.models import Channel, InventoryStatus, KnowHowEntry
from toolkit.reminders import REMINDER_KIND, find_due
from wijkportaal.notifications.models import Notification
from wijkportaal.notifications.services import reminders_queue
from wijkportaal.wijkraden.models import Function

pytestmark = pytest.mark.django_db


def channel_data(kind, **extra):
    return {
        "kind": kind,
        "name": "De Wijkkoerier",
        "url": "https://koerier.example/",
        "audience": "alle huishoudens",
        "frequency": "vier keer per jaar",
        "reach": 2400,
        "reach_unit": "oplage",
        "reach_measured_on": timezone.localdate(),
        "yearly_cost": Decimal("3200.00"),
        "effort_hours": Decimal("16"),
        "results": "Zes nieuwe vrijwilligers.",
        "contact_person": None,
        "contact_opt_in": False,
        **extra,
    }


def test_board_can_add_channel_and_inventory_counts_as_checked(council, chair):
    kind = ChannelKindFactory()
    channel = services.channel_save(actor=chair, council=council, data=channel_data(kind))
    assert channel.council == council
    assert channel.last_checked == timezone.localdate()
    assert InventoryStatus.objects.get(council=council).checked_by == chair


def test_member_of_other_council_cannot_save_channel(council, other_chair):
    with pytest.raises(PermissionDenied):
        services.channel_save(
            actor=other_chair, council=council, data=channel_data(ChannelKindFactory())
        )
    assert not Channel.objects.exists()


def test_board_cannot_change_channel_of_other_council_through_its_own(
    council, chair, other_council
):
    foreign = ChannelFactory(council=other_council)
    with pytest.raises(PermissionDenied):
        services.channel_save(
            actor=chair, council=council, channel=foreign, data={"name": "Overgenomen"}
        )
    foreign.refresh_from_db()
    assert foreign.name != "Overgenomen"


@pytest.mark.parametrize(
    ("field", "value"), [("reach", -1), ("yearly_cost", Decimal("-5")), ("effort_hours", -1)]
)
def test_negative_numbers_are_refused_by_the_service(council, chair, field, value):
    with pytest.raises(ValidationError) as error:
        services.channel_save(
            actor=chair, council=council, data=channel_data(ChannelKindFactory(), **{field: value})
        )
    assert field in error.value.message_dict
    assert not Channel.objects.exists()


def test_contact_person_must_be_member_of_that_council(council, chair, other_chair):
    with pytest.raises(ValidationError) as error:
        services.channel_save(
            actor=chair,
            council=council,
            data=channel_data(
                ChannelKindFactory(), contact_person=other_chair, contact_opt_in=True
            ),
        )
    assert "contact_person" in error.value.message_dict
    assert not Channel.objects.exists()


def test_board_confirms_inventory_and_all_channels_are_checked_today(council, chair):
    channel = ChannelFactory(council=council, last_checked=datetime.date(2020, 1, 1))
    services.inventory_confirm(actor=chair, council=council)
    channel.refresh_from_db()
    assert channel.last_checked == timezone.localdate()
    assert InventoryStatus.objects.filter(council=council).exists()


def test_officer_can_open_round_and_member_cannot(officer, member):
    deadline = timezone.localdate() + datetime.timedelta(days=30)
    round_ = services.inventory_round_open(actor=officer, title="Ronde 2027", deadline=deadline)
    assert round_.kind == "toolkit"
    with pytest.raises(PermissionDenied):
        services.inventory_round_open(actor=member, title="Eigen ronde", deadline=deadline)


def test_round_with_deadline_in_the_past_is_refused(officer):
    with pytest.raises(ValidationError) as error:
        services.inventory_round_open(
            actor=officer, title="Te laat", deadline=timezone.localdate() - datetime.timedelta(1)
        )
    assert "deadline" in error.value.message_dict


def test_up_to_date_share_counts_checks_since_the_running_round(council, other_council, officer):
    InventoryStatusFactory(council=council, checked_at=timezone.now())
    InventoryStatusFactory(
        council=other_council, checked_at=timezone.now() - datetime.timedelta(days=20)
    )
    assert selectors.inventory_up_to_date_share() == 100.0
    services.inventory_round_open(
        actor=officer, title="Ronde", deadline=timezone.localdate() + datetime.timedelta(days=9)
    )
    assert selectors.inventory_up_to_date_share() == 50.0


def test_up_to_date_share_without_round_is_twelve_months(council, other_council):
    InventoryStatusFactory(
        council=other_council, checked_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert selectors.inventory_up_to_date_share() == 0.0
    InventoryStatusFactory(council=council, checked_at=timezone.now())
    assert selectors.inventory_up_to_date_share() == 50.0


def test_indicator_source_is_registered():
    from wijkportaal.core.registry import IndicatorSource, registry

    source = registry.get(IndicatorSource, "toolkit.inventory_up_to_date_share")
    assert source.compute() == 0.0


def test_round_reminder_reaches_boards_of_councils_that_did_not_update(
    council,
    chair,
    member,
    other_council,
    other_chair,
    officer,
    eager,
    django_capture_on_commit_callbacks,
):
    today = timezone.localdate()
    round_ = services.inventory_round_open(
        actor=officer, title="Ronde", deadline=today + datetime.timedelta(days=12)
    )
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        services.inventory_confirm(actor=other_chair, council=other_council)
    # Not yet five days before the deadline.
    assert list(find_due(timezone.now())) == []
    later = timezone.now() + datetime.timedelta(days=8)
    dues = list(find_due(later))
    assert [(due.recipient_id, due.occasion) for due in dues] == [
        (chair.pk, f"toolkit-round:{round_.pk}:{council.pk}:5d")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_queue(later) == 1
        assert reminders_queue(later) == 0  # exactly once
    assert Notification.objects.filter(kind=REMINDER_KIND).count() == 1
    assert len(mail.outbox) == 1
    assert "kanaleninventaris" in mail.outbox[0].subject.lower()
    assert f"/toolkit/inventaris/{council.slug}/" in mail.outbox[0].body


def test_round_reminder_finder_runs_in_constant_queries(officer, django_assert_max_num_queries):
    today = timezone.localdate()
    services.inventory_round_open(
        actor=officer, title="Ronde", deadline=today + datetime.timedelta(days=3)
    )
    for _ in range(6):
        MembershipFactory(function=Function.CHAIR)
    with django_assert_max_num_queries(3):
        assert len(list(find_due(timezone.now()))) == 6


def test_contact_request_goes_through_outbox_without_revealing_address(
    council, member, other_chair, eager, django_capture_on_commit_callbacks
):
    channel = ChannelFactory(council=council, contact_person=member, contact_opt_in=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.contact_request_send(
            actor=other_chair, channel=channel, message="Hoe houden jullie de groep rustig?"
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    assert "Hoe houden jullie de groep rustig?" in mail.outbox[0].body
    assert other_chair.email in mail.outbox[0].body


def test_second_contact_request_on_the_same_day_is_not_sent(
    council, member, other_chair, eager, django_capture_on_commit_callbacks
):
    channel = ChannelFactory(council=council, contact_person=member, contact_opt_in=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.contact_request_send(actor=other_chair, channel=channel, message="Een")
        assert not services.contact_request_send(actor=other_chair, channel=channel, message="Twee")
    assert len(mail.outbox) == 1


def test_contact_request_to_someone_who_did_not_opt_in_is_refused(council, member, other_chair):
    channel = ChannelFactory(council=council, contact_person=member, contact_opt_in=False)
    with pytest.raises(PermissionDenied):
        services.contact_request_send(actor=other_chair, channel=channel, message="Vraag")
    assert not Notification.objects.exists()


def test_entry_body_is_stored_without_script_or_event_handlers(officer):
    entry, stripped = services.entry_save(
        actor=officer,
        data={
            "title": "Gevaarlijk",
            "kind": "handleiding",
            "summary": "Test",
            "body": '## Kop\n\n<script>alert(1)</script><a href="#" onclick="steel()">x</a>'
            "<img src=x onerror=alert(1)>\n\n> citaat",
            "tags": "veiligheid, Veiligheid, html",
        },
    )
    assert stripped
    entry.refresh_from_db()
    assert "<script" not in entry.body
    assert "onclick" not in entry.body
    assert "onerror" not in entry.body
    assert "> citaat" in entry.body
    assert sorted(entry.tags.values_list("name", flat=True)) == ["html", "veiligheid"]


def test_member_without_board_seat_cannot_write_entry(member):
    with pytest.raises(PermissionDenied):
        services.entry_save(
            actor=member, data={"title": "T", "kind": "handleiding", "summary": "S", "body": "B"}
        )
    assert not KnowHowEntry.objects.exists()


def test_board_cannot_write_on_behalf_of_another_council(chair, other_council):
    with pytest.raises(ValidationError) as error:
        services.entry_save(
            actor=chair,
            data={
                "title": "T",
                "kind": "handleiding",
                "summary": "S",
                "body": "B",
                "council": other_council,
            },
        )
    assert "council" in error.value.message_dict
    assert not KnowHowEntry.objects.exists()


def test_author_can_change_own_entry_and_other_board_cannot(chair, other_chair, council):
    entry = EntryFactory(author=chair, council=council)
    services.entry_save(
        actor=chair,
        entry=entry,
        data={
            "title": "Nieuwe titel",
            "kind": "sjabloon",
            "summary": "S",
            "body": "B",
            "council": council,
        },
    )
    assert KnowHowEntry.objects.get(pk=entry.pk).title == "Nieuwe titel"
    with pytest.raises(PermissionDenied):
        services.entry_save(
            actor=other_chair,
            entry=entry,
            data={"title": "Gekaapt", "kind": "sjabloon", "summary": "S", "body": "B"},
        )


def test_matrix_groups_channels_per_council_and_kind(council, other_council):
    kind_a, kind_b = ChannelKindFactory(), ChannelKindFactory()
    ChannelFactory(council=council, kind=kind_a, reach=100)
    ChannelFactory(council=council, kind=kind_a, reach=50)
    ChannelFactory(council=other_council, kind=kind_b, reach=None)
    data = selectors.matrix(councils=selectors.matrix_councils(), kinds=[kind_a, kind_b])
    cells = {row["council"].pk: [len(c["channels"]) for c in row["cells"]] for row in data["rows"]}
    assert cells[council.pk] == [2, 0] and cells[other_council.pk] == [0, 1]
    overview = selectors.matrix_by_district(
        councils=selectors.matrix_councils(), kinds=[kind_a, kind_b]
    )
    totals = {t["kind"].pk: t for t in overview["totals"]}
    assert totals[kind_a.pk]["councils"] == 1
    assert totals[kind_a.pk]["reach"] == 150
    assert totals[kind_b.pk]["councils"] == 1
    assert totals[kind_b.pk]["reach"] == 0
    assert overview["council_total"] == 2


def test_kind_overview_has_total_and_median_reach(council, other_council):
    kind = ChannelKindFactory()
    ChannelFactory(council=council, kind=kind, reach=100, yearly_cost=Decimal("10"))
    ChannelFactory(council=other_council, kind=kind, reach=300, yearly_cost=Decimal("30"))
    ChannelFactory(council=other_council, kind=kind, reach=None, yearly_cost=Decimal("0"))
    overview = selectors.kind_overview(kind.slug)
    assert overview["council_count"] == 2
    assert overview["reach_total"] == 400
    assert overview["reach_median"] == 200
    assert overview["cost_total"] == Decimal("40")
