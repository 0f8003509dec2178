from django.urls import path

from . import views

app_name = "roles"

# Included under /wijkraden/ before the wijkraden app (wijkportaal/urls.py), so that "rollen"
# is never read as a wijkraad's slug.
urlpatterns = [
    path("rollen/", views.role_register, name="roledeclaration-list"),
    path(
        "<slug:slug>/rollen/nieuw/",
        views.RoleDeclarationCreateView.as_view(),
        name="roledeclaration-create",
    ),
    path(
        "<slug:slug>/rollen/<int:pk>/beeindigen/",
        views.RoleDeclarationEndView.as_view(),
        name="roledeclaration-end",
    ),
]
