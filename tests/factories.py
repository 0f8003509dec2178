import datetime
import time

import factory
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.utils import timezone

from wijkportaal.accounts.models import Invitation, User, UserKind
from wijkportaal.wijkraden.models import (
    Department,
    District,
    Function,
    Membership,
    NeighbourhoodCouncil,
)

PASSWORD = "correct-horse-battery"
# The authenticator app every test officer and administrator "has" (base32).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(at: float | None = None) -> str:
    """The code the staff member's authenticator app shows now (or at `at`)."""
    return format_hotp_value(hotp_value(TOTP_SECRET, int(at or time.time()) // 30))


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Stadsdeel {n}")
    slug = factory.Sequence(lambda n: f"stadsdeel-{n}")


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    name = factory.Sequence(lambda n: f"Afdeling {n}")
    slug = factory.Sequence(lambda n: f"afdeling-{n}")


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NeighbourhoodCouncil

    name = factory.Sequence(lambda n: f"Wijkraad {n}")
    slug = factory.Sequence(lambda n: f"wijkraad-{n}")
    district = factory.SubFactory(DistrictFactory)
    neighbourhoods = "Buurt A\nBuurt B"
    contact_email = factory.LazyAttribute(lambda o: f"info@{o.slug}.test")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.test")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Achternaam{n}")
    kind = UserKind.COUNCIL_MEMBER
    password = factory.django.Password(PASSWORD)


class StaffFactory(UserFactory):
    """Officers and administrators must have TOTP (the portal sends them to MFA set-up
    otherwise), so by default they have set it up, as in real life. `totp=False` makes the
    one who has not yet."""

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        if create and extracted is not False:
            TOTP.activate(self, TOTP_SECRET)


class OfficerFactory(StaffFactory):
    kind = UserKind.OFFICER
    department = factory.SubFactory(DepartmentFactory)
    is_staff = True


class AdministratorFactory(StaffFactory):
    """A functioneel beheerder: staff, not a superuser — the rights come from `rules`."""

    kind = UserKind.ADMINISTRATOR
    is_staff = True
    is_superuser = False


class BreakGlassFactory(StaffFactory):
    """The break-glass account `createsuperuser` makes (SECURITY.md): a superuser, with TOTP
    like all staff. Not a daily administrator."""

    kind = UserKind.ADMINISTRATOR
    is_staff = True
    is_superuser = True


class CouncillorFactory(UserFactory):
    kind = UserKind.CITY_COUNCILLOR
    party = "Stadsbelang"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(UserFactory)
    council = factory.SubFactory(CouncilFactory)
    function = Function.MEMBER
    start = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"uitgenodigd{n}@example.test")
    kind = UserKind.COUNCIL_MEMBER
    council = factory.SubFactory(CouncilFactory)
    function = Function.CHAIR
    invited_by = factory.SubFactory(OfficerFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
