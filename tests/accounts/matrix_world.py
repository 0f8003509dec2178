from allauth.mfa.models import Authenticator

from tests.factories import InvitationFactory


def extend_world(values, *, council_a, council_b, users):
    values["user_board"] = users["board"].pk
    values["invitation"] = InvitationFactory(council=council_a, invited_by=users["officer"]).pk
    values["officer_totp"] = Authenticator.objects.get(user=users["officer"]).pk
