"""A database from before the indicator framework upgrades with `migrate`: existing indicators
get a stable key, each recommendation's answer becomes its first (the letter's) version, and a
contract a wijkraad member requested is marked as the wijkraad's request."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from contracts.wijkcontracten.models import Contract, ContractOrigin
from recommendations.models import AnswerVersion, Indicator
from tests.factories import CouncilFactory, OfficerFactory, UserFactory

BEFORE = [("recommendations", "0001_initial"), ("contracts", "0002_transition_records_from_core")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_rows_move_into_the_new_shape():
    council = CouncilFactory()
    member = UserFactory(kind="wijkraadslid")
    officer = OfficerFactory()
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        Recommendation = old.get_model("recommendations", "Recommendation")
        OldIndicator = old.get_model("recommendations", "Indicator")
        OldContract = old.get_model("contracts", "Contract")
        recommendation = Recommendation.objects.create(
            number=9,
            title="Wijkcontracten",
            summary="Vraag",
            answer="Twee nieuwe.",
            stance="deels_overgenomen",
        )
        for title, source in [("Contracten", "contracts.started_this_year"), ("Met de hand", "")]:
            OldIndicator.objects.create(
                recommendation=recommendation, title=title, target=2, source=source
            )
        OldIndicator.objects.create(recommendation=recommendation, title="Met de hand", target=1)
        for who in (member, officer, None):
            OldContract.objects.create(
                council_id=council.pk,
                title=f"Contract {who}",
                description="Afspraken",
                theme_maintenance=True,
                requested_by_id=who.pk if who else None,
                requested_at=timezone.now(),
            )
    finally:
        _migrate(latest)
    keys = sorted(Indicator.objects.values_list("key", flat=True))
    assert keys[0] == "rec9-contracts-started_this_year"
    assert keys[1] == "rec9-met-de-hand" and keys[2].startswith("rec9-met-de-hand-")
    version = AnswerVersion.objects.get()
    assert (version.answer, version.stance) == ("Twee nieuwe.", "deels_overgenomen")
    origins = dict(Contract.objects.values_list("requested_by_id", "origin"))
    assert origins[member.pk] == ContractOrigin.COUNCIL_REQUEST
    assert origins[officer.pk] == ContractOrigin.MUNICIPALITY
    assert origins[None] == ContractOrigin.MUNICIPALITY
