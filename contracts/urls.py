"""The URLs of the four sub-apps, all in the one "contracts" namespace."""

from django.urls import include, path

app_name = "contracts"

urlpatterns = [
    path("", include("contracts.wijkcontracten.urls")),
    path("", include("contracts.uitdaagrecht.urls")),
    path("", include("contracts.beheerexperiment.urls")),
    path("", include("contracts.ondersteuning.urls")),
]
