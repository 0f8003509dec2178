"""Demo wijkraden, districts and departments for the fictional municipality in the demo."""

from __future__ import annotations

from django.utils.text import slugify

from .models import Department, District, NeighbourhoodCouncil

DISTRICTS = ["Noord", "Oost", "Zuid", "West"]

# (name, district, neighbourhoods, founded)
COUNCILS = [
    ("Bloemenbuurt", "Noord", ["Rozenhof", "Tulpenveld"], 1994),
    ("Havenkwartier", "Noord", ["Kade-oost", "Pakhuizen"], 2003),
    ("Molenwijk", "Noord", ["Molenpad", "Korenveld", "De Maalderij"], 1988),
    ("Parkzoom", "Oost", ["Parkrand", "Vijverhof"], 2010),
    ("Oude Dorp", "Oost", ["Dorpsstraat", "Kerkhof"], 1979),
    ("Stationsbuurt", "Oost", ["Spoorzijde", "Emplacement"], 2015),
    ("Beekdal", "Zuid", ["Beekoever", "Watermolen"], 1999),
    ("Kastanjehof", "Zuid", ["Lanen", "Hofjes"], 2007),
    ("Zuiderveld", "Zuid", ["Zuiderakker", "Veldzicht", "Boerderijbuurt"], 1985),
    ("Vogelwijk", "West", ["Merelhof", "Spreeuwenpark"], 1991),
    ("Polderrand", "West", ["Dijkzicht", "Slotenbuurt"], 2012),
    ("Singelkwartier", "West", ["Binnensingel", "Buitensingel"], 2001),
]

# Departments that own actions and run the seven kinds of contact moment.
DEPARTMENTS = [
    (
        "Wijkzaken en Participatie",
        "Stadsdeeloverleg, wijkgesprekken en het programma Nieuwe Democratie.",
    ),
    ("Openbare Ruimte", "Wijkschouwen en meldingen over de openbare ruimte."),
    ("Beheer en Onderhoud", "Grote onderhoudsprojecten in de openbare ruimte."),
    ("Stedelijke Ontwikkeling", "Ontwikkelprojecten en gebiedsvisies."),
    (
        "Bestuursondersteuning",
        "Het collegespreekuur in de wijk en de ondersteuning van het college.",
    ),
    ("Communicatie", "Campagnes, de toolkit communicatiemiddelen en het contact met de pers."),
    (
        "Maatschappelijke Ontwikkeling",
        "Het uitdaagrecht, het opbouwwerk en het Leefbaarheid & initiatiefbudget.",
    ),
    ("Opleiding en Ontwikkeling", "Het inwerk- en scholingsprogramma en de wijkradenconferentie."),
]


def seed_wijkraden(*, scale: int = 1, progress=None) -> None:
    districts = {}
    for name in DISTRICTS:
        districts[name], _ = District.objects.get_or_create(
            slug=slugify(name), defaults={"name": name}
        )
    for name, description in DEPARTMENTS:
        Department.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "description": description}
        )
    for name, district, neighbourhoods, founded in COUNCILS:
        full_name = f"Wijkraad {name}"
        NeighbourhoodCouncil.objects.get_or_create(
            slug=slugify(name),
            defaults={
                "name": full_name,
                "district": districts[district],
                "neighbourhoods": "\n".join(neighbourhoods),
                "founded_year": founded,
                "contact_email": f"info@{slugify(name)}.wijkraad.test",
                "description": (
                    f"{full_name} komt op voor de bewoners van "
                    f"{' en '.join(neighbourhoods)}. De wijkraad overlegt maandelijks in het "
                    "buurthuis; iedereen is welkom bij het openbare deel."
                ),
            },
        )
    # --scale N adds generated wijkraden: (N-1) extra copies of the list, idempotently.
    district_list = list(districts.values())
    existing = set(
        NeighbourhoodCouncil.objects.filter(slug__startswith="extra-").values_list(
            "slug", flat=True
        )
    )
    new = []
    for copy in range(1, scale):
        for index, (name, *_rest) in enumerate(COUNCILS):
            slug = f"extra-{copy}-{slugify(name)}"
            if slug in existing:
                continue
            new.append(
                NeighbourhoodCouncil(
                    slug=slug,
                    name=f"Wijkraad {name} {copy + 1}",
                    district=district_list[index % len(district_list)],
                    neighbourhoods=f"{name} {copy + 1}",
                    founded_year=2000,
                )
            )
    NeighbourhoodCouncil.objects.bulk_create(new, batch_size=500)
    if progress:
        progress(len(COUNCILS) * scale)
