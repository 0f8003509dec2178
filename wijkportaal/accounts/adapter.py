from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Wijkraden are known organisations: nobody signs up, everyone is invited."""

    def is_open_for_signup(self, request) -> bool:
        return False
