import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wijkportaal.wijkraden.models import District, NeighbourhoodCouncil

from .models import ChannelKind, EntryKind, KnowHowEntry, Tag


class MatrixFilter(django_filters.FilterSet):
    """Rows by stadsdeel; the kind filter narrows the columns (see the view)."""

    district = django_filters.ModelChoiceFilter(
        queryset=District.objects.all(),
        field_name="district",
        to_field_name="slug",
        label=_("Stadsdeel"),
        empty_label=_("Alle stadsdelen"),
    )
    kind = django_filters.ModelChoiceFilter(
        queryset=ChannelKind.objects.all(),
        to_field_name="slug",
        label=_("Soort kanaal"),
        empty_label=_("Alle soorten"),
        method="keep_rows",
    )

    class Meta:
        model = NeighbourhoodCouncil
        fields = ["district"]

    def keep_rows(self, queryset, name, value):
        # Only wijkraden that use this kind.
        return queryset.filter(channels__kind=value).distinct() if value else queryset


class EntryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Zoeken"))
    kind = django_filters.ChoiceFilter(
        choices=EntryKind.choices, label=_("Soort"), empty_label=_("Alle soorten")
    )
    tag = django_filters.ModelChoiceFilter(
        queryset=Tag.objects.all(),
        field_name="tags",
        to_field_name="slug",
        label=_("Label"),
        empty_label=_("Alle labels"),
    )
    channel_kind = django_filters.ModelChoiceFilter(
        queryset=ChannelKind.objects.all(),
        field_name="channel_kinds",
        to_field_name="slug",
        label=_("Over kanaal"),
        empty_label=_("Alle kanalen"),
    )

    class Meta:
        model = KnowHowEntry
        fields = ["kind"]

    def search(self, queryset, name, value):
        value = value.strip()[:100]
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(summary__icontains=value)
            | Q(body__icontains=value)
            | Q(tags__name__icontains=value)
        ).distinct()
