from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from wijkportaal.accounts.views import language_switch
from wijkportaal.core.admin import admin_i18n_javascript, app_list_once_per_request

admin.site.login = secure_admin_login(admin.site.login)
# Django's Dutch admin catalogue misses a few widget strings; the core adds them.
admin.site.i18n_javascript = admin_i18n_javascript
# The app list asks the rules about every model: once per request, not twice.
admin.site.get_app_list = app_list_once_per_request(admin.site.get_app_list)
admin.site.site_header = f"Wijkportaal — {settings.MUNICIPALITY_NAME}"
admin.site.site_title = "Wijkportaal"
admin.site.index_title = "Dashboard"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("wijkportaal.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    # Django's language switch, which also stores the choice for a logged-in user's mails.
    path("i18n/setlang/", language_switch, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    # The role choice lives under /wijkraden/ too; it comes first so that /wijkraden/rollen/
    # is the register of role declarations, not a wijkraad called "rollen".
    path("wijkraden/", include("roles.urls")),
    path("wijkraden/", include("wijkportaal.wijkraden.urls")),
    path("mijn/meldingen/", include("wijkportaal.notifications.urls")),
    # Before the progress pages: the desk owns /voortgang/reactietijd/ (and /mijn/verzoeken/).
    path("", include("wijkportaal.desk.urls")),
    path("voortgang/", include("recommendations.urls")),
    # These apps own several top-level Dutch paths (e.g. /werkgroepen/ and /contactmomenten/),
    # so they are included at the root and spell out their own prefixes.
    path("", include("workgroups.urls")),
    path("", include("training.urls")),
    path("toolkit/", include("toolkit.urls")),
    path("", include("contracts.urls")),
    path("raad/", include("council.urls")),
    path("", include("wijkportaal.core.urls")),
]

handler403 = "wijkportaal.core.views.permission_denied"
handler404 = "wijkportaal.core.views.page_not_found"
handler500 = "wijkportaal.core.views.server_error"
