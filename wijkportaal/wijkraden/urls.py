from django.urls import path

from . import role_views, views

app_name = "wijkraden"

urlpatterns = [
    path("", views.council_list, name="list"),
    # Before <slug:slug>/ so that "rollen" is never read as a wijkraad.
    path("rollen/", role_views.role_register, name="roledeclaration-list"),
    path("<slug:slug>/", views.council_detail, name="detail"),
    path("<slug:slug>/bewerken/", views.CouncilEditView.as_view(), name="edit"),
    path(
        "<slug:slug>/rollen/nieuw/",
        role_views.RoleDeclarationCreateView.as_view(),
        name="roledeclaration-create",
    ),
    path(
        "<slug:slug>/rollen/<int:pk>/beeindigen/",
        role_views.RoleDeclarationEndView.as_view(),
        name="roledeclaration-end",
    ),
]
