"""Included by contracts/urls.py, in the "contracts" namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("beheerexperiment/", views.pilot_list, name="pilot-list"),
    path("beheerexperiment/<int:pk>/", views.pilot_detail, name="pilot-detail"),
    path("beheerexperiment/<int:pk>/uitgaven.csv", views.pilot_csv, name="pilot-csv"),
    path(
        "beheerexperiment/<int:pk>/besluiten/nieuw/",
        views.decision_create,
        name="decision-create",
    ),
    path(
        "beheerexperiment/besluiten/<int:pk>/corrigeren/",
        views.decision_reverse,
        name="decision-reverse",
    ),
    path(
        "beheerexperiment/rondes/<int:pk>/aanmelden/",
        views.pilot_interest,
        name="pilot-interest",
    ),
    path(
        "beheerexperiment/aanmeldingen/<int:pk>/besluiten/",
        views.participation_decide,
        name="participation-decide",
    ),
    path(
        "beheerexperiment/besluiten/<int:pk>/document/",
        views.decision_document,
        name="decision-document",
    ),
]
