from django.urls import path

from wijkportaal.core.pagecache import public_page

from . import views
from .feeds import ProgressFeed, RecommendationFeed

# The feeds show progress updates only (the shared scopes).
FEED_SCOPES = ("recommendations",)

app_name = "recommendations"

urlpatterns = [
    path("", views.monitor, name="index"),
    path("aanbevelingen/<int:number>/", views.recommendation_detail, name="recommendation-detail"),
    path(
        "aanbevelingen/<int:number>/volgen/",
        views.recommendation_follow,
        name="recommendation-follow",
    ),
    path(
        "aanbevelingen/<int:number>/feed/",
        public_page(FEED_SCOPES)(RecommendationFeed()),
        name="recommendation-feed",
    ),
    path("acties/", views.action_list, name="action-list"),
    path("acties/<int:pk>/", views.action_detail, name="action-detail"),
    path("acties/<int:pk>/volgen/", views.action_follow, name="action-follow"),
    path("reacties/<int:pk>/verbergen/", views.reaction_hide, name="reaction-hide"),
    path("gelezen/", views.my_changes_read, name="my-changes-read"),
    path("feed/", public_page(FEED_SCOPES)(ProgressFeed()), name="feed"),
    path("export.csv", views.export_csv, name="export-csv"),
    path("export.json", views.export_json, name="export-json"),
    path("export.schema.json", views.export_schema, name="export-schema"),
    path("open-data/", views.export_columns, name="export-columns"),
    path("ping/", views.ping, name="ping"),
]
