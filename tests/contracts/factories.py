import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from contracts.beheerexperiment.models import (
    BudgetLine,
    BudgetLineKind,
    BudgetPilot,
    PilotParticipation,
    PilotRound,
)
from contracts.ondersteuning.models import SupportKind, SupportOffer, SupportRequest
from contracts.uitdaagrecht.models import ChallengeField, ChallengeProposal, ChallengeTerrain
from contracts.wijkcontracten.models import (
    Commitment,
    Contract,
    ContractParty,
    ContractStatus,
    ContractTransition,
    PartyKind,
)
from tests.factories import CouncilFactory, DepartmentFactory


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    council = factory.SubFactory(CouncilFactory)
    title = factory.Sequence(lambda n: f"Wijkcontract {n}")
    description = "Afspraken over groenonderhoud en het buurtplein."
    theme_maintenance = True


class SignedContractFactory(ContractFactory):
    class Meta:
        model = Contract
        skip_postgeneration_save = True

    status = ContractStatus.SIGNED
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=700))

    @factory.post_generation
    def signed(obj, create, extracted, **kwargs):
        if create:
            ContractTransition.objects.create(
                contract=obj, from_status="voorbereiding", to_status=ContractStatus.SIGNED
            )


class CouncilPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContractParty

    contract = factory.SubFactory(ContractFactory)
    kind = PartyKind.COUNCIL
    council = factory.SelfAttribute("contract.council")


class DepartmentPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContractParty

    contract = factory.SubFactory(ContractFactory)
    kind = PartyKind.DEPARTMENT
    department = factory.SubFactory(DepartmentFactory)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    contract = factory.SubFactory(SignedContractFactory)
    party = factory.SubFactory(CouncilPartyFactory, contract=factory.SelfAttribute("..contract"))
    what = factory.Sequence(lambda n: f"Twee keer per jaar een wijkschouw ({n})")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class PilotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetPilot

    council = factory.SubFactory(CouncilFactory)
    year = factory.LazyFunction(lambda: timezone.localdate().year)


class LineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    pilot = factory.SubFactory(PilotFactory)
    kind = BudgetLineKind.SOCIAL
    amount = Decimal("1000.00")


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PilotRound

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    title = factory.Sequence(lambda n: f"Beheerexperiment ronde {n}")
    description = "Wijkraden beheren een jaar lang zelf een budget."


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PilotParticipation

    round = factory.SubFactory(RoundFactory)
    council = factory.SubFactory(CouncilFactory)
    motivation = "Wij willen het groen in de wijk zelf beheren."


class TerrainFactory(factory.django.DjangoModelFactory):
    """By default the terrain open from the programme's start (one row, whatever the test
    creates first)."""

    class Meta:
        model = ChallengeTerrain
        django_get_or_create = ("slug",)

    slug = "maatschappelijke-ondersteuning"
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    opens_on = datetime.date(2019, 1, 1)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChallengeProposal

    group_name = "Bewonersgroep Groene Hof"
    contact_name = "Fatima de Wit"
    contact_email = factory.Sequence(lambda n: f"groep{n}@example.test")
    verified_at = factory.LazyFunction(timezone.now)
    task = factory.Sequence(lambda n: f"Onderhoud van de speeltuin ({n})")
    terrain = factory.SubFactory(TerrainFactory)
    field = ChallengeField.PUBLIC_SPACE
    current_provider = "Afdeling Openbare Ruimte"
    plan = "Wij onderhouden de speeltuin met vrijwilligers."
    support_evidence = "120 handtekeningen van omwonenden."
    cost_comparison = "Gemeente: € 8.000 per jaar; wij: € 6.500."
    quality = "Wekelijkse controle volgens de keuringseisen."


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportOffer

    kind = SupportKind.COMMUNITY_WORK
    title = factory.Sequence(lambda n: f"Opbouwwerk {n}")
    provider = "Welzijn Noord"
    description = "Een opbouwwerker helpt bij het organiseren van bewoners."


class SupportRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportRequest

    council = factory.SubFactory(CouncilFactory)
    offer = factory.SubFactory(OfferFactory)
    subject = factory.Sequence(lambda n: f"Hulp bij een bewonersavond {n}")
    question = "Kan een opbouwwerker helpen bij onze bewonersavond?"
