from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("uitnodiging/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path(
        "uitnodiging/<str:token>/vernieuwen/",
        views.invitation_request_renewal,
        name="invitation-renewal",
    ),
]
