from django.urls import path

from . import views

app_name = "toolkit"

urlpatterns = [
    path("", views.matrix, name="index"),
    path("export.csv", views.export_csv, name="export-csv"),
    path("kanalen/<slug:kind>/", views.channelkind_detail, name="channelkind-detail"),
    path("kanalen/vraag/<int:pk>/", views.channel_ask, name="channel-ask"),
    path("kennis/", views.entry_list, name="entry-list"),
    path("kennis/nieuw/", views.entry_create, name="entry-create"),
    path("kennis/<slug:slug>/", views.entry_detail, name="entry-detail"),
    path("kennis/<slug:slug>/bewerken/", views.entry_edit, name="entry-edit"),
    path(
        "kennis/<slug:slug>/bijlagen/<int:pk>/",
        views.attachment_download,
        name="attachment-download",
    ),
    path("inventaris/<slug:slug>/", views.inventory_detail, name="inventory-detail"),
    path("inventaris/<slug:slug>/bevestigen/", views.inventory_confirm, name="inventory-confirm"),
    path("inventaris/<slug:slug>/kanalen/<int:pk>/", views.channel_edit, name="channel-edit"),
    path(
        "inventaris/<slug:slug>/kanalen/<int:pk>/verwijderen/",
        views.channel_delete,
        name="channel-delete",
    ),
    path("rondes/nieuw/", views.round_create, name="round-create"),
]
