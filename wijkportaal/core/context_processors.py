from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MAIN_NAVIGATION = [
    ("recommendations:index", _("Voortgang")),
    ("wijkraden:list", _("Wijkraden")),
    ("workgroups:index", _("Werkgroepen")),
    ("training:index", _("Scholing")),
    ("toolkit:index", _("Toolkit")),
    ("contracts:index", _("Wijkcontracten")),
]


def portal(request):
    path = request.path
    navigation = []
    for url_name, label in MAIN_NAVIGATION:
        url = reverse(url_name)
        navigation.append({"url": url, "label": label, "current": path.startswith(url)})
    return {
        "municipality_name": settings.MUNICIPALITY_NAME,
        "municipality_logo_text": settings.MUNICIPALITY_LOGO_TEXT,
        "municipality_contact_email": settings.MUNICIPALITY_CONTACT_EMAIL,
        "municipality_contact_phone": settings.MUNICIPALITY_CONTACT_PHONE,
        "main_navigation": navigation,
    }
