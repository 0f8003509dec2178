"""Demo data for the toolkit (seed order 60): the kinds of channel, a realistic inventory for the
demo wijkraden, a running inventory round and a few know-how entries. Idempotent; `--scale N`
also gives the generated wijkraden a small inventory."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.wijkraden.models import Function, InventoryRound, Membership, NeighbourhoodCouncil

from .markdown import clean_markdown_source
from .models import (
    ROUND_KIND,
    Channel,
    ChannelKind,
    EntryKind,
    InventoryStatus,
    KnowHowEntry,
    ReachUnit,
    Tag,
)

# (name, slug, usual unit of reach, description)
KINDS = [
    (
        "Wijkkrant (papier)",
        "wijkkrant",
        ReachUnit.PRINT_RUN,
        "Een gedrukte krant die huis aan huis wordt bezorgd; bereikt ook wie niet online is.",
    ),
    (
        "Website",
        "website",
        ReachUnit.FOLLOWERS,
        "De eigen website van de wijkraad: agenda, verslagen en contactgegevens.",
    ),
    (
        "Facebook",
        "facebook",
        ReachUnit.FOLLOWERS,
        "Een pagina of groep; geschikt voor snelle berichten en foto's van activiteiten.",
    ),
    (
        "Twitter/X",
        "twitter-x",
        ReachUnit.FOLLOWERS,
        "Korte berichten, vooral om pers, politiek en gemeente te bereiken.",
    ),
    (
        "Nextdoor",
        "nextdoor",
        ReachUnit.MEMBERS,
        "Het buurtplatform waarop bewoners van dezelfde buurt elkaar vinden.",
    ),
    ("WhatsApp", "whatsapp", ReachUnit.MEMBERS, "Buurtgroepen en een kanaal voor korte meldingen."),
    ("Buurboek", "buurboek", ReachUnit.MEMBERS, "Besloten buurtnetwerk per straat of buurt."),
    (
        "Instagram",
        "instagram",
        ReachUnit.FOLLOWERS,
        "Beeld en korte video's; bereikt vaak jongere bewoners.",
    ),
    (
        "E-mailnieuwsbrief",
        "e-mailnieuwsbrief",
        ReachUnit.MEMBERS,
        "Een nieuwsbrief per e-mail voor abonnees.",
    ),
    (
        "Bewonersavond",
        "bewonersavond",
        ReachUnit.MEMBERS,
        "Een openbare avond in het buurthuis: informeren, ophalen en ontmoeten.",
    ),
]

# Per demo wijkraad the kinds it uses; a paper wijkkrant and a website are common, social
# media differ per neighbourhood.
PROFILES = {
    "bloemenbuurt": ["wijkkrant", "website", "facebook", "whatsapp", "bewonersavond"],
    "havenkwartier": ["website", "instagram", "twitter-x", "e-mailnieuwsbrief"],
    "molenwijk": ["wijkkrant", "website", "buurboek", "bewonersavond"],
    "parkzoom": ["website", "facebook", "nextdoor", "instagram"],
    "oude-dorp": ["wijkkrant", "bewonersavond", "whatsapp"],
    "stationsbuurt": ["website", "twitter-x", "instagram", "e-mailnieuwsbrief"],
    "beekdal": ["wijkkrant", "website", "facebook", "nextdoor"],
    "kastanjehof": ["wijkkrant", "website", "buurboek", "whatsapp"],
    "zuiderveld": ["wijkkrant", "facebook", "bewonersavond"],
    "vogelwijk": ["wijkkrant", "website", "facebook", "nextdoor", "e-mailnieuwsbrief"],
    "polderrand": ["website", "whatsapp", "facebook"],
    "singelkwartier": ["wijkkrant", "website", "instagram", "twitter-x", "e-mailnieuwsbrief"],
}

# kind → (name pattern, audience, frequency, base reach, yearly cost, hours a month, results)
DETAILS = {
    "wijkkrant": (
        "De {name}er",
        "alle huishoudens in de wijk",
        "vier keer per jaar",
        2400,
        "3200.00",
        "16",
        "Wordt gelezen door ouderen die online niet te bereiken zijn. Na een oproep in "
        "de krant meldden zich zes nieuwe vrijwilligers voor de wijkschouw.",
    ),
    "website": (
        "www.{slug}.wijkraad.test",
        "bewoners en partners",
        "doorlopend",
        None,
        "180.00",
        "4",
        "Vaste plek voor agenda en verslagen; de gemeente verwijst ernaar bij wijkgesprekken.",
    ),
    "facebook": (
        "Wijkraad {name} op Facebook",
        "bewoners van 30 tot 65",
        "twee à drie keer per week",
        850,
        "0.00",
        "6",
        "Foto's van activiteiten krijgen de meeste reacties. Een betaalde promotie voor "
        "de bewonersavond (25 euro) bracht veertig extra bezoekers.",
    ),
    "twitter-x": (
        "@wr{short}",
        "pers, gemeenteraad en ambtenaren",
        "wekelijks",
        430,
        "0.00",
        "2",
        "Handig om raadsleden op een signaal te wijzen; weinig bewoners volgen het.",
    ),
    "nextdoor": (
        "{name} op Nextdoor",
        "buren in de hele wijk",
        "wanneer er nieuws is",
        1300,
        "0.00",
        "2",
        "Goede plek voor oproepen rond de openbare ruimte; berichten worden veel gedeeld.",
    ),
    "whatsapp": (
        "Buurtapp {name}",
        "bewoners die snel op de hoogte willen zijn",
        "dagelijks",
        210,
        "0.00",
        "5",
        "Snel, maar vraagt moderatie: spreek huisregels af en wijs twee beheerders aan.",
    ),
    "buurboek": (
        "Buurboek {name}",
        "bewoners per straat",
        "wekelijks",
        540,
        "0.00",
        "3",
        "Bewoners vinden elkaar voor klusjes en spullen; de wijkraad plaatst er de "
        "agenda van het buurthuis.",
    ),
    "instagram": (
        "@{short}wijkraad",
        "jongere bewoners en gezinnen",
        "wekelijks",
        610,
        "0.00",
        "4",
        "Korte filmpjes van buurtacties trekken nieuwe, jongere vrijwilligers.",
    ),
    "e-mailnieuwsbrief": (
        "Nieuwsbrief {name}",
        "abonnees",
        "maandelijks",
        720,
        "120.00",
        "5",
        "Hoge openratio (ongeveer 55 procent); geschikt voor verslagen en uitnodigingen.",
    ),
    "bewonersavond": (
        "Bewonersavond {name}",
        "alle bewoners",
        "twee keer per jaar",
        90,
        "450.00",
        "10",
        "Persoonlijk contact levert de meeste signalen op; zorg voor een "
        "aansprekend thema en koffie.",
    ),
}

# Other experiences, so the per-kind pages read like several wijkraden speaking.
MORE_RESULTS = {
    "wijkkrant": [
        "Adverteerders uit de winkelstraat dekken de helft van de drukkosten.",
        "Een vaste rubriek 'buren in beeld' levert de meeste reacties op.",
    ],
    "website": [
        "Sinds de agenda op de website staat, komen er meer bewoners naar de openbare vergadering.",
        "Een eenvoudige sitebouwer volstaat; één vrijwilliger houdt hem bij.",
    ],
    "facebook": [
        "Een vaste vrijdagse post met het weekoverzicht werkt beter dan losse berichten.",
        "Reacties beantwoorden binnen een dag houdt de toon vriendelijk.",
    ],
    "twitter-x": ["We gebruiken het steeds minder; de volgers stappen over naar andere kanalen."],
    "nextdoor": ["Oproepen voor de wijkschouw leveren hier de meeste aanmeldingen op."],
    "whatsapp": [
        "Een aparte meldingengroep zonder chat voorkomt dat belangrijke berichten ondersneeuwen."
    ],
    "buurboek": ["Goed voor straatgerichte acties zoals een opschoondag."],
    "instagram": ["Stories van de buurtmoestuin bereiken vooral gezinnen met jonge kinderen."],
    "e-mailnieuwsbrief": ["Met een aanmeldformulier bij de bewonersavond groeide de lijst snel."],
    "bewonersavond": [
        "Een avond in het buurthuis samen met de wijkagent trok dubbel zoveel bezoekers."
    ],
}

ENTRIES = [
    {
        "title": "Zo maak je een wijkkrant die gelezen wordt",
        "slug": "wijkkrant-die-gelezen-wordt",
        "kind": EntryKind.GUIDE,
        "summary": "Redactie, planning, drukwerk en bezorging: lessen van wijkraden met een "
        "papieren krant.",
        "kinds": ["wijkkrant"],
        "tags": ["wijkkrant", "vrijwilligers", "drukwerk"],
        "council": "molenwijk",
        "body": (
            "## Begin bij de lezer\n\nEen wijkkrant wordt gelezen als bewoners er hun buren, "
            "hun straat en hun vragen in terugzien. Zet op de voorpagina een bewoner, niet de "
            "vergadering.\n\n## Planning\n\n- Vier nummers per jaar is haalbaar met een "
            "redactie van drie tot vijf mensen.\n- Leg de sluitingsdatum zes weken voor de "
            "bezorging vast.\n- Vraag drie offertes voor het drukwerk; de prijs per exemplaar "
            "daalt sterk boven de 2000.\n\n## Bezorging\n\nWerk met vaste wijken per bezorger "
            "en een reservelijst. Een bedankje in elk nummer houdt bezorgers betrokken."
        ),
    },
    {
        "title": "Huisregels voor een buurt-WhatsAppgroep",
        "slug": "huisregels-buurt-whatsappgroep",
        "kind": EntryKind.TEMPLATE,
        "summary": "Een sjabloon met huisregels dat je kunt aanpassen en vastzetten in de groep.",
        "kinds": ["whatsapp", "buurboek"],
        "tags": ["sociale media", "moderatie"],
        "council": "bloemenbuurt",
        "body": (
            "## Huisregels (sjabloon)\n\n1. Deze groep is voor berichten over de buurt.\n"
            "2. Geen reclame, geen politiek, geen kettingberichten.\n3. Meldingen over "
            "verdachte situaties? Bel eerst 112.\n4. De beheerders mogen berichten verwijderen "
            "en deelnemers verwijderen na een waarschuwing.\n\n**Tip:** wijs altijd twee "
            "beheerders aan, zodat de groep niet stilvalt tijdens een vakantie."
        ),
    },
    {
        "title": "Voorbeeld: een bewonersavond met een thema",
        "slug": "voorbeeld-bewonersavond-met-thema",
        "kind": EntryKind.EXAMPLE,
        "summary": "Hoe Zuiderveld met een avond over groen in de wijk negentig bewoners trok.",
        "kinds": ["bewonersavond", "wijkkrant", "facebook"],
        "tags": ["bewonersavond", "participatie"],
        "council": "zuiderveld",
        "body": (
            "## Aanpak\n\nDe wijkraad koos één thema dat veel bewoners raakte: meer groen en "
            "minder tegels. De uitnodiging stond in de wijkkrant, op Facebook en op posters in "
            "de supermarkt.\n\n## Wat werkte\n\n- Een korte opening, daarna tafels per straat.\n"
            "- Een ambtenaar van Openbare Ruimte die vragen direct beantwoordde.\n- Een "
            "verslag binnen een week, met wat er met de ideeën gebeurt.\n\n## Wat we anders "
            "zouden doen\n\nStart eerder met werven: de meeste aanmeldingen kwamen in de "
            "laatste drie dagen."
        ),
    },
    {
        "title": "Sociale media kiezen: welk kanaal voor wie",
        "slug": "sociale-media-kiezen",
        "kind": EntryKind.GUIDE,
        "summary": "Facebook, Instagram, Nextdoor of X: een overzicht voor wijkraden die willen "
        "beginnen.",
        "kinds": ["facebook", "instagram", "nextdoor", "twitter-x"],
        "tags": ["sociale media", "beginnen"],
        "council": None,
        "body": (
            "## Kies naar doelgroep\n\n| kanaal | bereikt vooral | tijd per maand |\n"
            "|---|---|---|\n| Facebook | 30 tot 65 jaar | 4 tot 8 uur |\n| Instagram | "
            "jonger dan 35 | 4 uur |\n| Nextdoor | buren, alle leeftijden | 2 uur |\n"
            "| X | pers en politiek | 2 uur |\n\n## Begin klein\n\nKies één kanaal, plaats "
            "vast twee keer per week en kijk na drie maanden in de toolkit wat andere "
            "wijkraden met hetzelfde kanaal bereiken."
        ),
    },
]

ROUND_SLUG = "toolkit-inventarisatie-communicatiemiddelen"
# Days ago each demo wijkraad last confirmed its inventory (None: never).
CHECKED_DAYS_AGO = [2, 3, 5, 7, 9, 10, 11, 12, 40, 200, None, None]


def _short(slug: str) -> str:
    return slug.replace("-", "")[:10]


def seed_toolkit(*, scale: int = 1, progress=None) -> None:
    kinds = {}
    for order, (name, slug, unit, description) in enumerate(KINDS):
        kinds[slug], _created = ChannelKind.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "default_reach_unit": unit,
                "description": description,
                "order": (order + 1) * 10,
            },
        )
    today = timezone.localdate()
    councils = {c.slug: c for c in NeighbourhoodCouncil.objects.filter(slug__in=PROFILES)}
    secretaries = dict(
        Membership.objects.current()
        .filter(council__in=councils.values(), function=Function.SECRETARY)
        .order_by("council_id", "pk")
        .values_list("council_id", "person_id")
    )
    existing = set(Channel.objects.values_list("council_id", "kind_id", "name"))
    new = []

    def plan(council, kind_slug, index, full: bool) -> None:
        pattern, audience, frequency, reach, cost, hours, results = DETAILS[kind_slug]
        short_name = council.name.removeprefix("Wijkraad ")
        name = pattern.format(name=short_name, slug=council.slug, short=_short(council.slug))
        kind = kinds[kind_slug]
        if (council.pk, kind.pk, name) in existing:
            return
        contact = secretaries.get(council.pk) if full and index % 2 == 0 else None
        variants = [results, *MORE_RESULTS.get(kind_slug, [])]
        url = ""
        if kind_slug == "website":
            url = f"https://{council.slug}.wijkraad.test/"
        elif kind_slug in {"facebook", "instagram", "twitter-x", "nextdoor"}:
            url = f"https://{kind_slug.replace('-', '')}.example/{_short(council.slug)}"
        new.append(
            Channel(
                council=council,
                kind=kind,
                name=name,
                url=url,
                audience=audience,
                frequency=frequency,
                reach=None if reach is None else reach + (council.pk * 37 + index * 53) % 400,
                reach_unit="" if reach is None else kind.default_reach_unit,
                reach_measured_on=None
                if reach is None
                else today - datetime.timedelta(days=20 + index * 11),
                yearly_cost=Decimal(cost),
                effort_hours=Decimal(hours),
                results=variants[index % len(variants)] if full else "",
                contact_person_id=contact,
                contact_opt_in=contact is not None,
                last_checked=today - datetime.timedelta(days=5 + index * 3),
            )
        )
        existing.add((council.pk, kind.pk, name))

    for index, (slug, used) in enumerate(PROFILES.items()):
        council = councils.get(slug)
        if council is None:
            continue
        for position, kind_slug in enumerate(used):
            plan(council, kind_slug, index + position, full=True)
    # --scale: generated wijkraden get a wijkkrant and one social medium each.
    socials = ["facebook", "whatsapp", "instagram", "nextdoor", "buurboek"]
    extra = NeighbourhoodCouncil.objects.filter(slug__startswith="extra-").order_by("pk")
    for index, council in enumerate(extra):
        plan(council, "wijkkrant", index, full=False)
        plan(council, socials[index % len(socials)], index + 1, full=False)
    Channel.objects.bulk_create(new, batch_size=500)

    # A running inventory round, and who has confirmed since.
    InventoryRound.objects.get_or_create(
        slug=ROUND_SLUG,
        defaults={
            "kind": ROUND_KIND,
            "title": f"Inventarisatie communicatiemiddelen {today.year}",
            "introduction": "Werk de kanalen van uw wijkraad bij: bereik, kosten en ervaringen.",
            "opens_on": today - datetime.timedelta(days=14),
            "deadline": today + datetime.timedelta(days=21),
        },
    )
    have_status = set(InventoryStatus.objects.values_list("council_id", flat=True))
    now = timezone.now()
    statuses = []
    for (slug, _used), days in zip(PROFILES.items(), CHECKED_DAYS_AGO, strict=True):
        council = councils.get(slug)
        if council is None or days is None or council.pk in have_status:
            continue
        statuses.append(
            InventoryStatus(
                council=council,
                checked_at=now - datetime.timedelta(days=days),
                checked_by_id=secretaries.get(council.pk),
            )
        )
    InventoryStatus.objects.bulk_create(statuses)

    author = User.objects.filter(kind=UserKind.OFFICER).order_by("pk").first()
    for data in ENTRIES:
        body, _changed = clean_markdown_source(data["body"])
        entry, created = KnowHowEntry.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "kind": data["kind"],
                "summary": data["summary"],
                "body": body,
                "author": author,
                "council": councils.get(data["council"]) if data["council"] else None,
            },
        )
        if created:
            tags = [
                Tag.objects.get_or_create(slug=name.replace(" ", "-"), defaults={"name": name})[0]
                for name in data["tags"]
            ]
            entry.tags.set(tags)
            entry.channel_kinds.set([kinds[slug] for slug in data["kinds"]])
    if progress:
        progress(len(new))
