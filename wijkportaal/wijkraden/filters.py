import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import District, NeighbourhoodCouncil


class CouncilRegisterFilter(django_filters.FilterSet):
    district = django_filters.ModelChoiceFilter(
        queryset=District.objects.all(),
        field_name="district",
        to_field_name="slug",
        label=_("Stadsdeel"),
        empty_label=_("Alle stadsdelen"),
    )
    q = django_filters.CharFilter(method="search", label=_("Zoek op naam of buurt"))

    class Meta:
        model = NeighbourhoodCouncil
        fields = ["district"]

    def search(self, queryset, name, value):
        value = value.strip()[:100]
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(neighbourhoods__icontains=value))
