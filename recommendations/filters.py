import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkportaal.wijkraden.models import Department

from .models import CLOSED_STATUSES, ActionItem, ActionStatus

OVERDUE_CHOICES = [("ja", _("Alleen acties over tijd")), ("nee", _("Alleen acties op schema"))]


class ActionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=ActionStatus.choices, label=_("Status"), empty_label=_("Alle statussen")
    )
    afdeling = django_filters.ModelChoiceFilter(
        queryset=Department.objects.order_by("name"),
        field_name="department",
        to_field_name="slug",
        label=_("Afdeling"),
        empty_label=_("Alle afdelingen"),
    )
    over_tijd = django_filters.ChoiceFilter(
        choices=OVERDUE_CHOICES,
        method="filter_overdue",
        label=_("Over tijd"),
        empty_label=_("Alle acties"),
    )

    class Meta:
        model = ActionItem
        fields = ["status"]

    def filter_overdue(self, queryset, name, value):
        today = timezone.localdate()
        if value == "ja":
            return queryset.overdue(today)
        if value == "nee":
            return queryset.exclude(pk__in=ActionItem.objects.overdue(today).values("pk"))
        return queryset

    def cache_key_part(self) -> str:
        data = self.form.cleaned_data
        department = data.get("afdeling")
        return "|".join(
            [
                data.get("status") or "",
                department.slug if department else "",
                data.get("over_tijd") or "",
            ]
        )


__all__ = ["ActionFilter", "CLOSED_STATUSES"]
