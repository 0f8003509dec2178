"""Included by contracts/urls.py, in the "contracts" namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("ondersteuning/", views.support_index, name="support-index"),
    path("ondersteuning/aanvragen/", views.support_request_create, name="supportrequest-create"),
    path(
        "ondersteuning/budget/aanvragen/",
        views.support_budget_request_create,
        name="supportrequest-budget-create",
    ),
    path(
        "ondersteuning/aanvragen/<int:pk>/",
        views.supportrequest_detail,
        name="supportrequest-detail",
    ),
]
