"""The errors services raise besides Django's PermissionDenied and ValidationError. They know
nothing of HTTP; the web kit's middleware turns them into answers."""


class NotFound(Exception):
    """The object does not exist, or the actor may not know that it does (another wijkraad's
    draft). Answered with 404."""


class LoginRequired(Exception):
    """The request needs a logged-in user. Answered with a redirect to the login page."""
