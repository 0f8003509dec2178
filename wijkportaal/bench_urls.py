"""The bench's URLconf (wijkportaal.settings.bench only, never the product): the project's
URLs plus /__floor__/, a view that answers "ok" through the same middleware in the same
process. bench/pages.py measures every page against it: a page's requests per second over the
floor's is what the page itself costs, whatever the machine."""

from django.http import HttpResponse
from django.urls import path

from wijkportaal.urls import handler403, handler404, handler500  # noqa: F401
from wijkportaal.urls import urlpatterns as project_urlpatterns


def floor(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [path("__floor__/", floor, name="bench-floor"), *project_urlpatterns]
