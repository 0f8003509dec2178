"""The filters of the register of role declarations (/wijkraden/rollen/)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import RoleScope, registry
from wijkportaal.wijkraden.models import District

from .models import Role, RoleDeclaration


def scope_filter_choices():
    choices = [("algemeen", _("algemeen")), ("onderwerp", _("onderwerp of dossier"))]
    choices += [(kind.key, kind.label) for kind in registry.all(RoleScope)]
    return choices


class RoleRegisterFilter(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(
        choices=Role.choices, label=_("Rol"), empty_label=_("Beide rollen")
    )
    district = django_filters.ModelChoiceFilter(
        queryset=District.objects.all(),
        field_name="council__district",
        to_field_name="slug",
        label=_("Stadsdeel"),
        empty_label=_("Alle stadsdelen"),
    )
    scope = django_filters.ChoiceFilter(
        choices=scope_filter_choices,
        method="filter_scope",
        label=_("Reikwijdte"),
        empty_label=_("Alle"),
    )

    class Meta:
        model = RoleDeclaration
        fields = ["role", "district"]

    def filter_scope(self, queryset, name, value):
        if value == "algemeen":
            return queryset.filter(content_type__isnull=True, subject="")
        if value == "onderwerp":
            return queryset.filter(content_type__isnull=True).exclude(subject="")
        kind = registry.get(RoleScope, value)
        if kind is None:
            return queryset
        return queryset.filter(
            Q(content_type__app_label=kind.model._meta.app_label)
            & Q(content_type__model=kind.model._meta.model_name)
        )
