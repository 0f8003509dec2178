from django.urls import path

from . import views

app_name = "wijkraden"

urlpatterns = [
    path("", views.council_list, name="list"),
    path("<slug:slug>/", views.council_detail, name="detail"),
    path("<slug:slug>/bewerken/", views.CouncilEditView.as_view(), name="edit"),
]
