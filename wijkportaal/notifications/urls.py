from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.preference_edit, name="preference-edit"),
    path("verzonden/", views.notification_list, name="notification-list"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
