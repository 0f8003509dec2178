"""The errors services raise besides Django's PermissionDenied and ValidationError. They know
nothing of HTTP; the web kit's middleware turns them into answers."""


class NotFound(Exception):
    """The object does not exist, or the actor may not know that it does (another wijkraad's
    draft). Answered with 404."""


class LoginRequired(Exception):
    """The request needs a logged-in user. Answered with a redirect to the login page, which
    leads back to `next_url` (default: the address asked for; a POST-only address gives the
    page the form was on instead, since coming back to it with GET would fail)."""

    def __init__(self, next_url: str | None = None):
        super().__init__(next_url or "")
        self.next_url = next_url
