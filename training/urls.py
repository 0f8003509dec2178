from django.urls import path
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.views import coming_soon

app_name = "training"

urlpatterns = [
    path("scholing/", coming_soon, {"title": _("Scholing")}, name="index"),
]
