from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = f"Wijkportaal — {settings.MUNICIPALITY_NAME}"
admin.site.site_title = "Wijkportaal"
admin.site.index_title = "Dashboard"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("wijkportaal.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("wijkraden/", include("wijkportaal.wijkraden.urls")),
    path("voortgang/", include("recommendations.urls")),
    path("werkgroepen/", include("workgroups.urls")),
    path("scholing/", include("training.urls")),
    path("toolkit/", include("toolkit.urls")),
    path("wijkcontracten/", include("contracts.urls")),
    path("", include("wijkportaal.core.urls")),
]

handler403 = "wijkportaal.core.views.permission_denied"
handler404 = "wijkportaal.core.views.page_not_found"
handler500 = "wijkportaal.core.views.server_error"
