from django.urls import path

from . import views

app_name = "desk"

# Included at the root, before the progress pages: /voortgang/reactietijd/ is the desk's.
urlpatterns = [
    path("mijn/verzoeken/", views.case_list, name="case-list"),
    path("mijn/verzoeken/<int:pk>/", views.case_detail, name="case-detail"),
    path("mijn/gegevens/verwijderen/", views.removal_request, name="removal-request"),
    path("voortgang/reactietijd/", views.response_times, name="response-times"),
]
