from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("toegankelijkheid/", views.accessibility_statement, name="accessibility"),
    path("gezondheid/", views.health, name="health"),
    path("privacy/", views.privacy_statement, name="privacy"),
    path("mijn/", views.my_page, name="my-page"),
    path("mijn/gegevens/", views.my_data, name="my-data"),
]
