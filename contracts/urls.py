from django.urls import path

from . import views

app_name = "contracts"

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
    path("uitdaagrecht/", views.proposal_list, name="proposal-list"),
    path("uitdaagrecht/voorstel/", views.proposal_create_group, name="proposal-create"),
    path(
        "uitdaagrecht/voorstel/wijkraad/",
        views.proposal_create_council,
        name="proposal-create-council",
    ),
    path("uitdaagrecht/voorstel/verstuurd/", views.proposal_sent, name="proposal-sent"),
    path("uitdaagrecht/bevestigen/<str:token>/", views.proposal_verify, name="proposal-verify"),
    path("uitdaagrecht/<int:pk>/", views.proposal_detail, name="proposal-detail"),
    path("uitdaagrecht/<int:pk>/beoordelen/", views.proposal_assess, name="proposal-assess"),
    path("beheerexperiment/", views.pilot_list, name="pilot-list"),
    path("beheerexperiment/<int:pk>/", views.pilot_detail, name="pilot-detail"),
    path("beheerexperiment/<int:pk>/uitgaven.csv", views.pilot_csv, name="pilot-csv"),
    path(
        "beheerexperiment/<int:pk>/besluiten/nieuw/",
        views.decision_create,
        name="decision-create",
    ),
    path(
        "beheerexperiment/besluiten/<int:pk>/document/",
        views.decision_document,
        name="decision-document",
    ),
    path("ondersteuning/", views.support_index, name="support-index"),
    path("ondersteuning/aanvragen/", views.support_request_create, name="supportrequest-create"),
    path(
        "ondersteuning/aanvragen/<int:pk>/",
        views.supportrequest_detail,
        name="supportrequest-detail",
    ),
]
