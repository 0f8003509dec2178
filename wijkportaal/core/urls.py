from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", views.search, name="search"),
    path("toegankelijkheid/", views.accessibility_statement, name="accessibility"),
    path("gezondheid/", views.health, name="health"),
    # The stable address of the open data catalogue (DCAT-AP-NL), next to /voortgang/open-data/.
    path(
        "voortgang/open-data/catalogus.jsonld",
        views.open_data_catalogue,
        name="open-data-catalogue",
    ),
    path("privacy/", views.privacy_statement, name="privacy"),
    path("mijn/", views.my_page, name="my-page"),
    path("mijn/gegevens/", views.my_data, name="my-data"),
]
