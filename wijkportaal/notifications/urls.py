from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
