from django.http import Http404
from rules.contrib.views import PermissionRequiredMixin


class PermissionRequired404Mixin(PermissionRequiredMixin):
    """Ask the permission layer; a logged-in user without the permission gets 404, so objects
    of another wijkraad do not even reveal that they exist. Anonymous users go to the login."""

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise Http404
        return super().handle_no_permission()
