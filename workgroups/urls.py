from django.urls import path

from . import views

app_name = "workgroups"

urlpatterns = [
    path("werkgroepen/", views.workgroup_list, name="index"),
    path("werkgroepen/<slug:slug>/", views.workgroup_detail, name="workgroup-detail"),
    path("werkgroepen/<slug:slug>/agenda.ics", views.workgroup_ical, name="workgroup-ical"),
    path(
        "werkgroepen/<slug:slug>/vergaderingen/<int:pk>/",
        views.meeting_manage,
        name="meeting-manage",
    ),
    path(
        "werkgroepen/<slug:slug>/opbrengsten/<int:pk>/opleveren/",
        views.deliverable_complete,
        name="deliverable-complete",
    ),
    path(
        "werkgroepen/<slug:slug>/opbrengsten/<int:pk>/download/",
        views.deliverable_download,
        name="deliverable-download",
    ),
    path("contactmomenten/", views.contactmoment_overview, name="contactmoment-overview"),
    # Before <slug:slug>/ so that "knelpunten" is never read as a wijkraad.
    path("contactmomenten/knelpunten/", views.bottleneck_list, name="bottleneck-list"),
    path(
        "contactmomenten/<slug:slug>/",
        views.contactmoment_calendar,
        name="contactmoment-calendar",
    ),
    path(
        "contactmomenten/<slug:slug>/agenda.ics",
        views.contactmoment_ical,
        name="contactmoment-ical",
    ),
]
