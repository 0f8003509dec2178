from django.urls import path

from . import views

app_name = "council"

urlpatterns = [
    path("", views.decision_list, name="index"),
    path("nieuw/", views.decision_create, name="decision-create"),
    path("bezoeken/", views.visit_list, name="visit-list"),
    path("bezoeken/<int:pk>/bevestigen/", views.visit_confirm, name="visit-confirm"),
    path("<int:pk>/", views.decision_detail, name="decision-detail"),
    path("<int:pk>/bewerken/", views.decision_edit, name="decision-edit"),
    path("<int:pk>/zienswijze/", views.viewpoint_give, name="viewpoint-give"),
    path("<int:pk>/volgen/", views.decision_follow, name="decision-follow"),
    path("zienswijzen/<int:pk>/reactie/", views.reply_give, name="reply-give"),
]
