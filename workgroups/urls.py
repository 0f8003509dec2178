from django.urls import path
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.views import coming_soon

app_name = "workgroups"

urlpatterns = [
    path("werkgroepen/", coming_soon, {"title": _("Werkgroepen")}, name="index"),
]
