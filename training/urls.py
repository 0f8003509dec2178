from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("scholing/", views.programme, name="index"),
    path("scholing/agenda.ics", views.programme_ical, name="programme-ical"),
    path("scholing/modules/<slug:slug>/", views.module_detail, name="module-detail"),
    path("scholing/sessies/<int:pk>/", views.session_detail, name="session-detail"),
    path("scholing/sessies/<int:pk>/inschrijven/", views.session_enrol, name="session-enrol"),
    path("scholing/sessies/<int:pk>/afmelden/", views.session_cancel, name="session-cancel"),
    path("scholing/sessies/<int:pk>/agenda.ics", views.session_ical, name="session-ical"),
    path(
        "scholing/sessies/<int:pk>/aanwezigheid/",
        views.session_attendance,
        name="session-attendance",
    ),
    path("scholing/inventarisatie/<slug:slug>/", views.inventory, name="inventory-detail"),
    path("conferentie/", views.conference_index, name="conference-index"),
    path("conferentie/<slug:slug>/", views.conference_detail, name="conference-detail"),
    path(
        "conferentie/<slug:slug>/aanmelden/",
        views.conference_register,
        name="conference-register",
    ),
    path("conferentie/<slug:slug>/afmelden/", views.conference_cancel, name="conference-cancel"),
    path("conferentie/<slug:slug>/status/", views.conference_status, name="conference-status"),
    path("conferentie/<slug:slug>/agenda.ics", views.conference_ical, name="conference-ical"),
]
