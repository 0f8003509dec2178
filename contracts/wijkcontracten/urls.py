"""Included by contracts/urls.py, in the "contracts" namespace."""

from django.urls import path

from . import views

urlpatterns = [
    # The main navigation links to contracts:index.
    path("wijkcontracten/", views.contract_list, name="index"),
    path("wijkcontracten/", views.contract_list, name="contract-list"),
    path("wijkcontracten/aanvragen/", views.contract_request, name="contract-request"),
    path("wijkcontracten/<int:pk>/", views.contract_detail, name="contract-detail"),
    path("wijkcontracten/<int:pk>/status/", views.contract_transition, name="contract-transition"),
    path(
        "wijkcontracten/<int:pk>/afspraken/nieuw/",
        views.commitment_create,
        name="commitment-create",
    ),
    path(
        "wijkcontracten/afspraken/<int:pk>/bijwerken/",
        views.commitment_update,
        name="commitment-update",
    ),
]
