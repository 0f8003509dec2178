"""Included by contracts/urls.py, in the "contracts" namespace."""

from django.urls import path

from . import views

urlpatterns = [
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
]
