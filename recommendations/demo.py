"""Demo data: the ten recommendations with the municipality's answer (in our own words, the
letter's version of it), the actions tied to them with owners, dates around today, updates,
the indicators (live where the portal holds the data) and the programme's own history.

Idempotent: recommendations by number, actions by key, updates only for actions that have none
yet. `scale` adds (scale - 1) generated actions per seeded action, each with updates."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.wijkraden.models import Department, Membership, NeighbourhoodCouncil

from . import services
from .cache import monitor_cache_invalidate
from .models import (
    ActionItem,
    ActionStatus,
    Indicator,
    PeriodKind,
    ProgrammeEvent,
    ProgrammeEventKind,
    ProgressUpdate,
    Reaction,
    Recommendation,
    Stance,
)
from .services import reaction_create

DEMO_DOMAIN = "wijkportaal.test"

# number: (title, what the wijkraden asked, the answer, stance)
RECOMMENDATIONS = {
    1: (
        "Twee rollen voor de wijkraad",
        "Laat een wijkraad kiezen tussen twee rollen: als netwerkorganisatie die onpartijdig "
        "informeert, verbindt en signaleert, of als zelforganisatie die zelf standpunten inneemt "
        "en keuzes maakt voor de wijk. De rol mag per onderwerp verschillen, maar moet vooraf "
        "bekend zijn.",
        "De gemeente vindt dit een goed vertrekpunt dat nog uitwerking vraagt. Een werkgroep van "
        "wijkraden en gemeente werkt de rollen uit. Kiest een wijkraad voor zelforganisatie, dan "
        "blijft dat binnen de kaders van het actieprogramma.",
        Stance.TO_ELABORATE,
    ),
    2: (
        "De wijkraad als beheerder van budget",
        "Geef wijkraden zeggenschap over geld voor onderhoud en inrichting van de buitenruimte en "
        "voor sociale initiatieven in de wijk, en probeer dat eerst uit met één of twee "
        "wijkraden die dat willen.",
        "Het actieprogramma kent het uitdaagrecht: bewoners kunnen de gemeente vragen een taak "
        "over te nemen. Dat begon in het sociale domein en wordt nu ook op andere terreinen "
        "beproefd. Wijkraden en andere bewonersgroepen worden uitgenodigd een voorstel in te "
        "dienen.",
        Stance.PARTLY_ADOPTED,
    ),
    3: (
        "Inwerken en scholing",
        "Wijkraadsleden hebben kennis nodig, over de onderwerpen in hun wijk én over hoe de "
        "gemeente werkt en besluit.",
        "Overgenomen. Onduidelijke politieke, bestuurlijke en ambtelijke processen staan goede "
        "samenwerking in de weg. Eerst vragen we de wijkraden wat zij willen leren; die uitkomst "
        "bepaalt het inwerk- en scholingsprogramma.",
        Stance.ADOPTED,
    ),
    4: (
        "Stadsbrede wervingscampagne",
        "Voer een campagne in de hele stad om nieuwe wijkraadsleden te vinden.",
        "De gemeente wil dat, maar de boodschap hangt af van de rol die wijkraden kiezen: een "
        "zelforganisatie werft anders dan een netwerkorganisatie. De campagne wacht daarom op de "
        "uitkomst van de werkgroep over de rollen (aanbeveling 1).",
        Stance.DEFERRED,
    ),
    5: (
        "Een toolkit voor communicatie",
        "Help wijkraden met een gereedschapskist voor hun communicatie met de wijk.",
        "Wijkraden gebruiken al veel middelen, van een papieren wijkkrant en een website tot "
        "allerlei sociale media. We brengen in kaart wie wat gebruikt en met welk resultaat, en "
        "bundelen dat in een toolkit, zodat wijkraden van elkaar kunnen leren.",
        Stance.ADOPTED,
    ),
    6: (
        "Serieus genomen worden: een vast overlegformat",
        "Zorg voor een vaste, ingebedde manier van overleg tussen wijkraad en gemeente, en voor "
        "betere afstemming tussen de afdelingen onderling.",
        "Er zijn al veel contactmomenten, elk bij een andere afdeling: stadsdeeloverleg, "
        "wijkschouw, wijkgesprek, meldingen openbare ruimte, meedoen bij onderhouds- en "
        "ontwikkelprojecten en het collegespreekuur in de wijk. Een werkgroep van wijkraden en "
        "afdelingen brengt die in kaart en verbetert ze; de uitkomst komt ook in de scholing.",
        Stance.PARTLY_ADOPTED,
    ),
    7: (
        "Een ondersteuningsconvenant",
        "Leg de ondersteuning van wijkraden vast in een convenant.",
        "Een apart convenant komt er niet: de ondersteuning bestaat al uit de acties bij de "
        "aanbevelingen 3, 5, 6, 8 en 9, het opbouwwerk van de welzijnsorganisaties en geld uit het "
        "Leefbaarheid & initiatiefbudget. We maken die ondersteuning vindbaar in één overzicht.",
        Stance.NOT_ADOPTED,
    ),
    8: (
        "Regelmatig stadsbreed uitwisselen",
        "Breng de wijkraden van de hele stad geregeld bij elkaar.",
        "Volledig mee eens. De gemeente organiseert minstens één keer per jaar een "
        "wijkradenconferentie rond een thema, samen met een delegatie van wijkraden, en nodigt "
        "daar ook raadsleden voor uit.",
        Stance.ADOPTED,
    ),
    9: (
        "Een wijkcontract voor elke wijkraad",
        "Maak met iedere wijkraad heldere afspraken over beheer en ontwikkeling van de wijk, "
        "inclusief de rol van de wijkraad.",
        "Wijkcontracten werken goed, maar niet elke wijkraad wil er een en ze kosten onderzoek en "
        "begeleiding. Het doel: voor het eind van het jaar twee nieuwe wijkcontracten gestart, "
        "steeds op verzoek van de wijkraad zelf.",
        Stance.PARTLY_ADOPTED,
    ),
    10: (
        "Raadsleden vaker in de wijk",
        "Laat gemeenteraadsleden vaker wijkraden en bewoners ontmoeten en open het gesprek "
        "aangaan over belangrijke keuzes.",
        "De aanbevelingen maken deel uit van het uitvoeringsprogramma dat aan de raad wordt "
        "aangeboden. De wijkradenconferentie van aanbeveling 8 is de plek waar raadsleden en "
        "wijkraadsleden elkaar treffen.",
        Stance.ADOPTED,
    ),
}

# key: (title, recommendations, department slug, status, progress, start offset, due offset,
#       amount, source, dependency keys, uses the demo officer)
ACTIONS = {
    "werkgroep-rollen": (
        "Werkgroep rollen van de wijkraad",
        [1],
        "wijkzaken-en-participatie",
        ActionStatus.RUNNING,
        60,
        -200,
        -10,
        Decimal("15000"),
        "Programma Nieuwe Democratie",
        [],
        True,
    ),
    "uitdaagrecht-experiment": (
        "Experiment uitdaagrecht met wijkraden",
        [2],
        "maatschappelijke-ontwikkeling",
        ActionStatus.RUNNING,
        35,
        -120,
        120,
        Decimal("40000"),
        "Leefbaarheid & initiatiefbudget",
        [],
        False,
    ),
    "scholingsprogramma": (
        "Wensen inventariseren en scholingsprogramma opzetten",
        [3, 6, 8],
        "opleiding-en-ontwikkeling",
        ActionStatus.RUNNING,
        45,
        -150,
        5,
        Decimal("25000"),
        "Programma Nieuwe Democratie",
        [],
        False,
    ),
    "promotiecampagne": (
        "Stadsbrede campagne om wijkraadsleden te werven",
        [4],
        "communicatie",
        ActionStatus.BLOCKED,
        0,
        30,
        240,
        Decimal("12500"),
        "Communicatiebudget",
        ["werkgroep-rollen"],
        False,
    ),
    "toolkit-communicatie": (
        "Inventaris communicatiemiddelen en toolkit",
        [5],
        "communicatie",
        ActionStatus.DONE,
        100,
        -240,
        -30,
        Decimal("8000"),
        "Communicatiebudget",
        [],
        False,
    ),
    "werkgroep-contactmomenten": (
        "Werkgroep contactmomenten wijkraad en gemeente",
        [6],
        "wijkzaken-en-participatie",
        ActionStatus.RUNNING,
        40,
        -90,
        25,
        None,
        "",
        [],
        True,
    ),
    "ondersteuningscatalogus": (
        "Overzicht van ondersteuning voor wijkraden",
        [7],
        "maatschappelijke-ontwikkeling",
        ActionStatus.PLANNED,
        10,
        -20,
        -3,
        None,
        "Leefbaarheid & initiatiefbudget",
        [],
        False,
    ),
    "wijkradenconferentie": (
        "Jaarlijkse wijkradenconferentie",
        [8, 10],
        "opleiding-en-ontwikkeling",
        ActionStatus.DONE,
        100,
        -180,
        -45,
        Decimal("18000"),
        "Programma Nieuwe Democratie",
        [],
        False,
    ),
    "wijkcontracten": (
        "Twee nieuwe wijkcontracten dit jaar",
        [9],
        "stedelijke-ontwikkeling",
        ActionStatus.RUNNING,
        50,
        -300,
        33,
        Decimal("30000"),
        "Wijkbudgetten",
        [],
        False,
    ),
    "uitvoeringsprogramma": (
        "Uitvoeringsprogramma aanbieden aan de raad",
        [10],
        "bestuursondersteuning",
        ActionStatus.DONE,
        100,
        -330,
        -200,
        None,
        "",
        [],
        False,
    ),
}

DESCRIPTIONS = {
    "werkgroep-rollen": "Wijkraden en gemeente beschrijven samen wat de rol van netwerkorganisatie "
    "en die van zelforganisatie inhoudt, en hoe een wijkraad zijn keuze vooraf bekendmaakt.",
    "uitdaagrecht-experiment": "Wijkraden dienen voorstellen in om een taak van de gemeente over "
    "te nemen; één of twee daarvan worden als experiment uitgevoerd en gevolgd.",
    "scholingsprogramma": "Eerst een uitvraag naar wat wijkraden willen leren, daarna een inwerk- "
    "en scholingsprogramma dat daarop aansluit, ook over contactmomenten en de conferentie.",
    "promotiecampagne": "Een campagne in de hele stad om nieuwe wijkraadsleden te vinden. De "
    "boodschap volgt uit de rolkeuze, dus deze actie start na de werkgroep rollen.",
    "toolkit-communicatie": "Een overzicht van de communicatiemiddelen die wijkraden gebruiken en "
    "wat ze opleveren, gebundeld in een toolkit om van elkaar te leren.",
    "werkgroep-contactmomenten": "Wijkraden en afdelingen brengen de vaste contactmomenten in "
    "kaart en spreken af hoe die beter kunnen.",
    "ondersteuningscatalogus": "Eén vindbaar overzicht van alle ondersteuning voor wijkraden: "
    "scholing, toolkit, opbouwwerk en het Leefbaarheid & initiatiefbudget.",
    "wijkradenconferentie": "Minstens eens per jaar een conferentie rond een thema, voorbereid met "
    "een delegatie van wijkraden en met raadsleden als gasten.",
    "wijkcontracten": "Voor het eind van het jaar twee nieuwe wijkcontracten gestart, telkens op "
    "verzoek van de wijkraad zelf.",
    "uitvoeringsprogramma": "Het uitvoeringsprogramma met alle acties bij de aanbevelingen, "
    "aangeboden aan de gemeenteraad met een raadsnotitie.",
}

# Updates per seeded action: (days ago, text, status after, progress after).
UPDATES = {
    "werkgroep-rollen": [
        (190, "Werkgroep samengesteld: zes wijkraden en twee afdelingen doen mee.", "lopend", 10),
        (
            120,
            "Twee bijeenkomsten gehouden; de kenmerken van beide rollen staan op papier.",
            "lopend",
            35,
        ),
        (40, "Conceptnotitie over de rollen besproken met het stadsdeeloverleg.", "lopend", 60),
    ],
    "uitdaagrecht-experiment": [
        (110, "Wijkraden uitgenodigd om een voorstel in te dienen.", "lopend", 15),
        (30, "Twee voorstellen binnen; de beoordeling loopt.", "lopend", 35),
    ],
    "scholingsprogramma": [
        (140, "Vragenlijst over scholingswensen naar alle wijkraden gestuurd.", "lopend", 15),
        (70, "Ruim de helft van de wijkraden heeft de vragenlijst ingevuld.", "lopend", 30),
        (14, "Eerste modules op basis van de wensen in concept klaar.", "lopend", 45),
    ],
    "promotiecampagne": [
        (60, "De campagne wacht op de uitkomst van de werkgroep rollen.", "geblokkeerd", 0),
    ],
    "toolkit-communicatie": [
        (220, "Inventaris van communicatiemiddelen uitgezet bij de wijkraden.", "lopend", 20),
        (120, "Resultaten verwerkt; de toolkit krijgt vorm.", "lopend", 70),
        (35, "Toolkit online gezet en gepresenteerd aan de wijkraden.", "afgerond", 100),
    ],
    "werkgroep-contactmomenten": [
        (85, "Overzicht gemaakt van de zeven soorten contactmomenten.", "lopend", 20),
        (20, "Knelpunten per contactmoment opgehaald bij wijkraden.", "lopend", 40),
    ],
    "ondersteuningscatalogus": [
        (15, "Inventarisatie van bestaande ondersteuning gestart.", "gepland", 10),
    ],
    "wijkradenconferentie": [
        (170, "Thema gekozen samen met een delegatie van wijkraden.", "lopend", 30),
        (90, "Locatie vastgelegd en raadsleden uitgenodigd.", "lopend", 70),
        (50, "Conferentie gehouden met ruim honderd deelnemers.", "afgerond", 100),
    ],
    "wijkcontracten": [
        (280, "Drie wijkraden toonden belangstelling voor een wijkcontract.", "lopend", 20),
        (100, "Eerste wijkcontract getekend.", "lopend", 50),
    ],
    "uitvoeringsprogramma": [
        (300, "Concept uitvoeringsprogramma besproken met de wethouder.", "lopend", 60),
        (210, "Uitvoeringsprogramma met raadsnotitie aangeboden aan de raad.", "afgerond", 100),
    ],
}

# key: (recommendation, title, target or None, unit, source or "" (handmatig), definition of a
# handmatig one). Live ones are computed from the other apps' demo data: nothing here sets a
# value that makes a target look met.
INDICATORS = {
    "rec1-rolkeuze": (
        1,
        "Wijkraden met een geldende rolkeuze",
        100,
        "%",
        "roles.current_declaration_share",
        "",
    ),
    "rec3-scholing-bereik": (
        3,
        "Wijkraden die dit programmajaar scholing volgden",
        100,
        "%",
        "training.attended_share",
        "",
    ),
    "rec3-respons-scholingswensen": (
        3,
        "Respons op de inventarisatie van scholingswensen",
        80,
        "%",
        "training.inventory_response_rate",
        "",
    ),
    "rec5-kanaleninventaris": (
        5,
        "Wijkraden met een actuele inventaris van communicatiemiddelen",
        75,
        "%",
        "toolkit.inventory_up_to_date_share",
        "",
    ),
    "rec6-contactmomenten-werkwijze": (
        6,
        "Soorten contactmoment met een afgesproken werkwijze",
        100,
        "%",
        "workgroups.agreed_format_share",
        "",
    ),
    "rec6-verzoeken-binnen-termijn": (
        6,
        "Verzoeken van wijkraden binnen de termijn beantwoord",
        90,
        "%",
        "desk.answered_in_term_share",
        "",
    ),
    "rec7-ondersteuning-binnen-termijn": (
        7,
        "Ondersteuningsvragen binnen de termijn beantwoord",
        90,
        "%",
        "ondersteuning.answered_in_term_share",
        "",
    ),
    "rec8-conferentie-gehouden": (
        8,
        "Wijkradenconferenties gehouden dit programmajaar",
        1,
        "",
        "training.conferences_this_year",
        "",
    ),
    "rec9-wijkcontracten-op-verzoek": (
        9,
        "Nieuwe wijkcontracten gestart op verzoek van een wijkraad",
        2,
        "",
        "contracts.started_this_year",
        "",
    ),
    "rec10-ontmoetingen-raadsleden": (
        10,
        "Ontmoetingen van raadsleden met wijkraden",
        None,
        "bijeenkomsten",
        "council.meetings_this_year",
        "",
    ),
}
# Indicators that count up to a target date rather than over the programme year.
TARGET_DATE_INDICATORS = {"rec9-wijkcontracten-op-verzoek"}
# The value the griffie reported for the handmatig indicator (not a target: there is none).
MANUAL_VALUES: dict[str, Decimal] = {}


def programme_dates(today: datetime.date) -> dict[str, datetime.date]:
    """The programme's own history, relative to today: the city conversations and the final
    report last year, then the letter, then the uitvoeringsprogramma in the council."""
    year = today.year - 1
    return {
        "conversation-1": datetime.date(year, 2, 11),
        "conversation-2": datetime.date(year, 3, 11),
        "report": datetime.date(year, 4, 22),
        "letter": datetime.date(year, 6, 30),
        "council": today - datetime.timedelta(days=210),
    }


def _programme_events(today: datetime.date) -> None:
    if ProgrammeEvent.objects.exists():
        return
    dates = programme_dates(today)
    ProgrammeEvent.objects.bulk_create(
        [
            ProgrammeEvent(
                date=dates["conversation-1"],
                kind=ProgrammeEventKind.CONVERSATION,
                title="Eerste stadsgesprek",
                description="Wijkraden en gemeente spraken over de rollen die een wijkraad kan "
                "spelen en wat daarvoor nodig is.",
            ),
            ProgrammeEvent(
                date=dates["conversation-2"],
                kind=ProgrammeEventKind.CONVERSATION,
                title="Tweede stadsgesprek",
                description="De opbrengst van het eerste gesprek werd aangescherpt tot "
                "aanbevelingen.",
            ),
            ProgrammeEvent(
                date=dates["report"],
                kind=ProgrammeEventKind.REPORT,
                title="Eindrapport van de wijkraden",
                description="Het eindrapport met de aanbevelingen over de rol van de wijkraden.",
            ),
            ProgrammeEvent(
                date=dates["letter"],
                kind=ProgrammeEventKind.LETTER,
                title="Brief van de wethouder met de reactie op de aanbevelingen",
                description="De gemeente reageert op elke aanbeveling en koppelt er acties aan. "
                "De brief spreekt in één zin van negen aanbevelingen, maar beantwoordt er tien.",
            ),
            ProgrammeEvent(
                date=dates["council"],
                kind=ProgrammeEventKind.COUNCIL,
                title="Uitvoeringsprogramma aangeboden aan de gemeenteraad",
                description="Met een raadsnotitie; de acties krijgen planning en geld.",
            ),
        ]
    )


# The titles of the indicators of an older demo (before they were computed from the data): a
# second seed turns such a row into its live successor instead of adding one beside it, and
# drops the value that was typed in.
LEGACY_TITLES = {
    "rec1-rolkeuze": "Wijkraden die hun rol vooraf bekendmaakten",
    "rec3-respons-scholingswensen": "Respons op de inventarisatie van scholingswensen",
    "rec5-kanaleninventaris": "Wijkraden met een actuele inventaris van communicatiemiddelen",
    "rec6-contactmomenten-werkwijze": "Contactmomenten met een vaste afspraak over terugkoppeling",
    "rec8-conferentie-gehouden": "Wijkradenconferenties dit jaar",
    "rec9-wijkcontracten-op-verzoek": "Nieuwe wijkcontracten gestart dit jaar",
}


def _indicators(today: datetime.date, recommendations: dict, officer: User | None) -> None:
    existing = set(Indicator.objects.values_list("key", flat=True))
    for order, (key, spec) in enumerate(INDICATORS.items()):
        number, title, target, unit, source, definition = spec
        if key in existing or number not in recommendations:
            continue
        target_date = key in TARGET_DATE_INDICATORS
        fields = {
            "key": key,
            "title": title,
            "definition": definition,
            "target": Decimal(target) if target is not None else None,
            "unit": unit,
            "source": source,
            "order": order,
            "period_kind": PeriodKind.TARGET_DATE if target_date else PeriodKind.PROGRAMME_YEAR,
            # "Two new contracts by the end of this year."
            "period_start": datetime.date(today.year, 1, 1) if target_date else None,
            "period_end": datetime.date(today.year, 12, 31) if target_date else None,
            "manual_value": None,
        }
        legacy = Indicator.objects.filter(
            recommendation=recommendations[number], title=LEGACY_TITLES.get(key, "")
        ).first()
        if legacy is not None:
            for name, value in fields.items():
                setattr(legacy, name, value)
            legacy.save()
            continue
        indicator = Indicator.objects.create(recommendation=recommendations[number], **fields)
        if key in MANUAL_VALUES and officer is not None:
            services.indicator_manual_set(
                actor=officer, indicator=indicator, value=MANUAL_VALUES[key]
            )


# One later version, added by an administrator with its reason: (number, days ago, answer, reason)
REVISIONS = [
    (
        2,
        90,
        "Het uitdaagrecht begint bij de maatschappelijke ondersteuning; daarna gaan andere "
        "terreinen open, zoals het beheer van de openbare ruimte. Het portaal toont per terrein "
        "vanaf wanneer wijkraden en andere bewonersgroepen een voorstel kunnen indienen.",
        "Het college heeft besloten welke terreinen na de maatschappelijke ondersteuning volgen, "
        "zoals de brief aankondigde.",
    )
]


def _answer_versions(today: datetime.date, recommendations: dict) -> None:
    letter = programme_dates(today)["letter"]
    for recommendation in recommendations.values():
        services.answer_letter_version(recommendation=recommendation, valid_from=letter)
    administrator = (
        User.objects.filter(kind=UserKind.ADMINISTRATOR, is_active=True).order_by("pk").first()
    )
    if administrator is None:
        return
    for number, days_ago, answer, reason in REVISIONS:
        recommendation = recommendations.get(number)
        if recommendation is None or recommendation.answer_versions.count() > 1:
            continue
        services.answer_revise(
            actor=administrator,
            recommendation=recommendation,
            stance=recommendation.stance,
            answer=answer,
            reason=reason,
            valid_from=today - datetime.timedelta(days=days_ago),
        )


def _officers() -> dict[str, User]:
    """One seed officer per department (no usable password) to sign the updates."""
    officers = {}
    for department in Department.objects.all():
        email = f"{department.slug}@ambtenaren.{DEMO_DOMAIN}"
        officer, _created = User.objects.get_or_create(
            email=email,
            defaults={
                "kind": UserKind.OFFICER,
                "department": department,
                "first_name": "Team",
                "last_name": department.name,
                "password": make_password(None),
                "is_staff": True,
            },
        )
        officers[department.slug] = officer
    return officers


def _moment(days_ago: int, index: int) -> datetime.datetime:
    return timezone.now().replace(hour=10, minute=0, second=0, microsecond=0) - datetime.timedelta(
        days=days_ago, minutes=index
    )


def _updates_for(action, author, plan) -> list[ProgressUpdate]:
    status, progress = ActionStatus.PLANNED, 0
    rows = []
    for index, (days_ago, text, new_status, new_progress) in enumerate(plan):
        rows.append(
            ProgressUpdate(
                action=action,
                author=author,
                created_at=_moment(days_ago, index),
                text=text,
                status_before=status,
                status_after=new_status,
                progress_before=progress,
                progress_after=new_progress,
            )
        )
        status, progress = new_status, new_progress
    return rows


def seed_recommendations(*, scale: int = 1, progress=None) -> None:
    today = timezone.localdate()
    recommendations = {}
    for number, (title, summary, answer, stance) in RECOMMENDATIONS.items():
        recommendations[number], _created = Recommendation.objects.get_or_create(
            number=number,
            defaults={"title": title, "summary": summary, "answer": answer, "stance": stance},
        )
    officers = _officers()
    departments = {d.slug: d for d in Department.objects.all()}
    demo_officer = None
    if getattr(settings, "DEMO_ACCOUNTS_ENABLED", False):
        demo_officer = User.objects.filter(email=f"ambtenaar@{DEMO_DOMAIN}").first()

    actions = {}
    new_updates = []
    for key, spec in ACTIONS.items():
        (
            title,
            numbers,
            department_slug,
            status,
            pct,
            start,
            due,
            amount,
            source,
            _deps,
            use_demo,
        ) = spec
        department = departments[department_slug]
        responsible = demo_officer if use_demo and demo_officer else officers[department_slug]
        action, created = ActionItem.objects.get_or_create(
            key=key,
            defaults={
                "title": title,
                "description": DESCRIPTIONS[key],
                "department": department,
                "responsible": responsible,
                "status": status,
                "progress": pct,
                "start_date": today + datetime.timedelta(days=start),
                "due_date": today + datetime.timedelta(days=due),
                "planning": _planning(start, due, today),
                "financing_amount": amount,
                "financing_source": source,
            },
        )
        actions[key] = action
        if created:
            action.recommendations.set([recommendations[n] for n in numbers])
            updates = _updates_for(action, officers[department_slug], UPDATES.get(key, []))
            new_updates.extend(updates)
            if updates:
                action.last_progress_at = updates[-1].created_at
                action.save(update_fields=["last_progress_at"])
    for key, spec in ACTIONS.items():
        have = set(actions[key].dependencies.values_list("key", flat=True))
        missing = [actions[k] for k in spec[9] if k not in have]
        if missing:
            actions[key].dependencies.add(*missing)
    ProgressUpdate.objects.bulk_create(new_updates, batch_size=500)

    _answer_versions(today, recommendations)
    _programme_events(today)
    _indicators(
        today,
        recommendations,
        officers.get("wijkzaken-en-participatie") or next(iter(officers.values()), None),
    )
    _seed_scaled(scale, today, recommendations, departments, officers)
    seed_reactions(scale=scale)
    monitor_cache_invalidate()
    if progress:
        progress(len(ACTIONS) * scale)


REACTIONS = [
    "Fijn dat dit loopt. Kunnen wij als wijkraad meedenken over de planning?",
    "Bij ons in de wijk merken we hier nog weinig van. Wanneer komt de eerste stap?",
    "Wij hebben ervaring met dit onderwerp en delen die graag met de gemeente.",
    "De bewoners vragen ons wie hun aanspreekpunt is bij deze actie.",
    "Graag horen we hoe de wijkraden bij de uitwerking betrokken worden.",
    "De termijn lijkt ons krap; is er ruimte als het later wordt?",
]


def seed_reactions(*, scale: int = 1) -> int:
    """Reactions of wijkraad members on open actions, through the service, so each is a case
    at the desk (the desk's demo step moves the cases along). The demo account wijkraad2@
    reacts for its wijkraad, so it finds its own case on /mijn/verzoeken/. Idempotent: a
    wijkraad that reacted already is left alone."""
    actions = list(ActionItem.objects.open().order_by("due_date", "pk")[:12])
    if not actions:
        return 0
    reacted = set(Reaction.objects.values_list("council_id", flat=True).distinct())
    councils = list(NeighbourhoodCouncil.objects.order_by("pk")[: len(REACTIONS) * scale])
    demo_member = User.objects.filter(email=f"wijkraad2@{DEMO_DOMAIN}").first()
    made = 0
    for index, council in enumerate(councils):
        if council.pk in reacted:
            continue
        members = [
            seat.person
            for seat in Membership.objects.current()
            .filter(council=council, person__is_active=True)
            .select_related("person")
            .order_by("pk")
        ]
        if not members:
            continue
        person = demo_member if demo_member in members else members[0]
        reaction_create(
            actor=person,
            action=actions[index % len(actions)],
            text=REACTIONS[index % len(REACTIONS)],
            council=council,
        )
        made += 1
    return made


def _planning(start: int, due: int, today: datetime.date) -> str:
    begin = today + datetime.timedelta(days=start)
    end = today + datetime.timedelta(days=due)
    return f"Van {begin:%d-%m-%Y} tot {end:%d-%m-%Y}, met een tussenstand halverwege."


GENERATED_STATUSES = [
    (ActionStatus.RUNNING, 40),
    (ActionStatus.PLANNED, 0),
    (ActionStatus.DONE, 100),
    (ActionStatus.RUNNING, 70),
    (ActionStatus.BLOCKED, 20),
]


def _seed_scaled(scale, today, recommendations, departments, officers) -> None:
    """(scale - 1) generated actions per seeded action, three updates each, in bulk."""
    if scale <= 1:
        return
    wanted = {f"extra-{copy}-{key}": (copy, key) for copy in range(1, scale) for key in ACTIONS}
    existing = set(ActionItem.objects.filter(key__in=wanted).values_list("key", flat=True))
    new_actions = []
    for index, (generated_key, (copy, key)) in enumerate(sorted(wanted.items())):
        if generated_key in existing:
            continue
        spec = ACTIONS[key]
        status, pct = GENERATED_STATUSES[index % len(GENERATED_STATUSES)]
        due = today + datetime.timedelta(days=(index * 11) % 200 - 60)
        new_actions.append(
            ActionItem(
                key=generated_key,
                title=f"{spec[0]} — deelproject {copy + 1}",
                description="Gegenereerd deelproject voor demo en meting.",
                department=departments[spec[2]],
                responsible=officers[spec[2]],
                status=status,
                progress=pct,
                start_date=due - datetime.timedelta(days=120),
                due_date=due,
                financing_amount=Decimal(1000 * (index % 9 + 1)),
                financing_source="Wijkbudgetten",
                last_progress_at=_moment(index % 30 + 1, 0),
            )
        )
    ActionItem.objects.bulk_create(new_actions, batch_size=500)
    created = {
        action.key: action
        for action in ActionItem.objects.filter(key__in=[a.key for a in new_actions])
    }
    through = ActionItem.recommendations.through
    links, updates = [], []
    for generated_key, action in created.items():
        _copy, key = wanted[generated_key]
        for number in ACTIONS[key][1]:
            links.append(
                through(actionitem_id=action.pk, recommendation_id=recommendations[number].pk)
            )
        author = officers[ACTIONS[key][2]]
        final = 100 if action.status == ActionStatus.DONE else action.progress
        plan = [
            (40, ActionStatus.RUNNING, min(10, final)),
            (20, ActionStatus.RUNNING, final // 2),
            (0, action.status, final),
        ]
        before = (ActionStatus.PLANNED, 0)
        for step, (days_before, status_after, progress_after) in enumerate(plan):
            updates.append(
                ProgressUpdate(
                    action=action,
                    author=author,
                    created_at=action.last_progress_at - datetime.timedelta(days=days_before),
                    text=f"Tussenstand {step + 1}: {action.title.lower()}.",
                    status_before=before[0],
                    status_after=status_after,
                    progress_before=before[1],
                    progress_after=progress_after,
                )
            )
            before = (status_after, progress_after)
    through.objects.bulk_create(links, batch_size=500)
    ProgressUpdate.objects.bulk_create(updates, batch_size=500)
