from django.urls import path
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.views import coming_soon

app_name = "contracts"

urlpatterns = [
    path("wijkcontracten/", coming_soon, {"title": _("Wijkcontracten")}, name="index"),
]
