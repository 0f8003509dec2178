from django import template

from recommendations import selectors

register = template.Library()


@register.inclusion_tag("recommendations/admin_dashboard.html", takes_context=True)
def progress_dashboard(context):
    """The progress part of the admin index, for officers and administrators."""
    request = context["request"]
    user = request.user
    if not (user.is_authenticated and user.has_perm("recommendations.view_actionitem")):
        return {"show": False}
    return {"show": True, **selectors.admin_dashboard(user)}
