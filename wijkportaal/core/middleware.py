from django.conf import settings
from django.utils import translation


class DutchFirstLocaleMiddleware:
    """The portal speaks Dutch unless the visitor chose another language with the language
    switch (a cookie). The browser's Accept-Language is ignored on purpose: a Dutch
    municipality's site is Dutch by default, whatever the browser says."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response
