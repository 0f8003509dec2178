from django.conf import settings
from django.urls import reverse

from .registry import NavItem, registry


def portal(request):
    path = request.path
    navigation = []
    for item in registry.all(NavItem):
        url = reverse(item.url_name)
        navigation.append({"url": url, "label": item.label, "current": path.startswith(url)})
    return {
        "municipality_name": settings.MUNICIPALITY_NAME,
        "municipality_logo_text": settings.MUNICIPALITY_LOGO_TEXT,
        "municipality_contact_email": settings.MUNICIPALITY_CONTACT_EMAIL,
        "municipality_contact_phone": settings.MUNICIPALITY_CONTACT_PHONE,
        "main_navigation": navigation,
        "theme_css": settings.WIJKPORTAAL_THEME_CSS,
    }
