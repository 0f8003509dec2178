from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkportaal.core.exports import csv_response
from wijkportaal.core.pagecache import public_page
from wijkportaal.core.uploads import download_response
from wijkportaal.core.web import (
    apply_errors,
    authorize,
    paginate,
    permission_required_or_404,
    query_with,
)
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from . import selectors, services
from .filters import EntryFilter, MatrixFilter
from .forms import AskForm, ChannelForm, EntryForm, RoundForm
from .models import Attachment, Channel

# The data behind these public pages, for the page cache (besides the core's own scopes).
SCOPES = ("toolkit", "roles")


def _inventory_council(request, slug) -> NeighbourhoodCouncil:
    """The wijkraad whose inventory is asked for, if the user may keep it; 404 otherwise.
    The views ask for the login first, so an unknown wijkraad does not answer differently."""
    council = get_object_or_404(NeighbourhoodCouncil, slug=slug)
    authorize(request, "toolkit.change_inventory", council)
    return council


@public_page(SCOPES)
def matrix(request):
    kinds_all = selectors.channel_kinds()
    matrix_filter = MatrixFilter(request.GET or None, queryset=selectors.matrix_councils())
    councils = selectors.matrix_councils()
    kinds = kinds_all
    if matrix_filter.is_bound and matrix_filter.is_valid():
        councils = matrix_filter.qs
        chosen = matrix_filter.form.cleaned_data.get("kind")
        if chosen:
            kinds = kinds_all.filter(pk=chosen.pk)
    # Per stadsdeel: the totals of every stadsdeel, or (?district=) the wijkraden × channel
    # table of one stadsdeel, a page of wijkraden at a time with the stadsdeel's totals below.
    overview = selectors.matrix_by_district(councils=councils, kinds=kinds)
    district = matrix_filter.form.cleaned_data.get("district") if matrix_filter.is_bound else None
    page = None
    if district is not None:
        page = paginate(request, councils.select_related("district"))
        overview.update(selectors.matrix(councils=page.object_list, kinds=kinds))
    for row in overview["district_rows"]:
        row["href"] = "?" + query_with(request, district=row["district"].slug)
    return render(
        request,
        "toolkit/channel_matrix.html",
        {
            "filter": matrix_filter,
            "district": district,
            "page": page,
            "overview_href": _href(request, query_with(request, district="")),
            **overview,
            "current_round": selectors.current_round(),
            "can_open_round": request.user.has_perm("toolkit.open_round"),
            "own_councils": selectors.board_councils(request.user),
        },
    )


def _href(request, query: str) -> str:
    return f"{request.path}?{query}" if query else request.path


@public_page(SCOPES)
def channelkind_detail(request, kind):
    overview = selectors.kind_overview(kind)
    page = paginate(request, overview["channels"])
    return render(
        request,
        "toolkit/channelkind_detail.html",
        {**overview, "page": page, "channels": page.object_list},
    )


def _inventory_context(request, council, form, status=200):
    return render(
        request,
        "toolkit/inventory_detail.html",
        {
            "council": council,
            "channels": selectors.inventory(council),
            "status": selectors.inventory_status(council),
            "current_round": selectors.current_round(),
            "form": form,
        },
        status=status,
    )


@login_required
def inventory_detail(request, slug):
    council = _inventory_council(request, slug)
    if request.method == "POST":
        form = ChannelForm(request.POST, council=council)
        if form.is_valid():
            try:
                services.channel_save(actor=request.user, council=council, data=form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Het kanaal is toegevoegd aan de inventaris."))
                return redirect("toolkit:inventory-detail", slug=council.slug)
        return _inventory_context(request, council, form)
    return _inventory_context(request, council, ChannelForm(council=council))


@login_required
def channel_edit(request, slug, pk):
    council = _inventory_council(request, slug)
    channel = get_object_or_404(Channel, pk=pk, council=council)
    if request.method == "POST":
        form = ChannelForm(request.POST, instance=Channel.objects.get(pk=pk), council=council)
        if form.is_valid():
            try:
                services.channel_save(
                    actor=request.user,
                    council=council,
                    channel=Channel.objects.get(pk=pk),
                    data=form.cleaned_data,
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Het kanaal is bijgewerkt."))
                return redirect("toolkit:inventory-detail", slug=council.slug)
    else:
        form = ChannelForm(instance=channel, council=council)
    return render(
        request, "toolkit/channel_edit.html", {"council": council, "channel": channel, "form": form}
    )


@login_required
def channel_delete(request, slug, pk):
    council = _inventory_council(request, slug)
    channel = get_object_or_404(Channel, pk=pk, council=council)
    if request.method == "POST":
        services.channel_delete(actor=request.user, channel=channel)
        messages.success(request, _("Het kanaal is uit de inventaris gehaald."))
        return redirect("toolkit:inventory-detail", slug=council.slug)
    return render(request, "toolkit/channel_delete.html", {"council": council, "channel": channel})


@login_required
@require_POST
def inventory_confirm(request, slug):
    council = _inventory_council(request, slug)
    services.inventory_confirm(actor=request.user, council=council)
    messages.success(request, _("Bedankt: de inventaris is bevestigd als actueel."))
    return redirect("toolkit:inventory-detail", slug=council.slug)


@permission_required_or_404("toolkit.open_round")
def round_create(request):
    form = RoundForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.inventory_round_open(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De inventarisatieronde is geopend."))
            return redirect("toolkit:index")
    return render(request, "toolkit/round_create.html", {"form": form})


@public_page(SCOPES)
def entry_list(request):
    entry_filter = EntryFilter(request.GET or None, queryset=selectors.entries())
    entries = (
        entry_filter.qs
        if entry_filter.is_bound and entry_filter.is_valid()
        else selectors.entries()
    )
    page = paginate(request, entries)
    return render(
        request,
        "toolkit/knowhowentry_list.html",
        {
            "filter": entry_filter,
            "page": page,
            "entries": page.object_list,
            "can_add": request.user.has_perm("toolkit.add_knowhowentry"),
        },
    )


@public_page(SCOPES)
def entry_detail(request, slug):
    entry = selectors.entry_detail(slug)
    return render(
        request,
        "toolkit/knowhowentry_detail.html",
        {"entry": entry, "can_edit": request.user.has_perm("toolkit.change_knowhowentry", entry)},
    )


def _entry_form_view(request, entry=None):
    bound = request.method == "POST"
    form = EntryForm(
        request.POST if bound else None,
        request.FILES if bound else None,
        instance=entry,
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            saved, stripped = services.entry_save(
                actor=request.user,
                data=data,
                entry=entry,
                upload=data.get("attachment"),
                upload_title=data.get("attachment_title", ""),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if stripped:
                messages.warning(
                    request,
                    _(
                        "Scripts, event-attributen en andere niet-toegestane HTML zijn uit de "
                        "tekst verwijderd."
                    ),
                )
            messages.success(request, _("De kennisbijdrage is opgeslagen."))
            return redirect(saved.get_absolute_url())
    return render(request, "toolkit/knowhowentry_form.html", {"form": form, "entry": entry})


@permission_required_or_404("toolkit.add_knowhowentry")
def entry_create(request):
    return _entry_form_view(request)


@login_required
def entry_edit(request, slug):
    entry = selectors.entry_detail(slug)
    authorize(request, "toolkit.change_knowhowentry", entry)
    return _entry_form_view(request, entry)


def attachment_download(request, slug, pk):
    attachment = get_object_or_404(
        Attachment.objects.select_related("entry"), pk=pk, entry__slug=slug
    )
    return download_response(attachment.file)


@login_required
def channel_ask(request, pk):
    # Only a contact person who opted in (and still sits in the wijkraad) can be asked;
    # anyone else answers 404, so nothing reveals who they are.
    channel = get_object_or_404(
        Channel.objects.with_contact_available().select_related("council", "kind"),
        pk=pk,
        contact_available=True,
        council__active=True,
    )
    authorize(request, "toolkit.ask_contact", channel)
    form = AskForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.contact_request_send(
                actor=request.user, channel=channel, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied as error:
            # The contact person withdrew since the page was shown: as if never offered.
            raise Http404 from error
        else:
            if sent:
                messages.success(
                    request,
                    _("Uw vraag is verstuurd naar het aanspreekpunt van %(council)s.")
                    % {"council": channel.council.name},
                )
            else:
                messages.warning(
                    request,
                    _(
                        "U heeft vandaag al een vraag over dit kanaal gesteld. Wacht op het "
                        "antwoord, of probeer het morgen opnieuw."
                    ),
                )
            return redirect(channel.kind.get_absolute_url())
    return render(request, "toolkit/channel_ask.html", {"channel": channel, "form": form})


CSV_HEADER = [
    "wijkraad",
    "stadsdeel",
    "soort",
    "naam",
    "link",
    "doelgroep",
    "frequentie",
    "bereik",
    "eenheid",
    "bereik_gemeten_op",
    "kosten_per_jaar_euro",
    "inzet_uren_per_maand",
    "opbrengst",
    "aanspreekpunt_beschikbaar",
    "laatst_gecontroleerd",
]


def _export_row(channel: Channel) -> list:
    return [
        channel.council.name,
        channel.council.district.name,
        channel.kind.name,
        channel.name,
        channel.url,
        channel.audience,
        channel.frequency,
        channel.reach,
        channel.reach_unit,
        channel.reach_measured_on.isoformat() if channel.reach_measured_on else "",
        channel.yearly_cost,
        channel.effort_hours,
        channel.results,
        channel.accepts_questions,
        channel.last_checked.isoformat(),
    ]


@public_page(SCOPES)
def export_csv(request):
    rows = (_export_row(channel) for channel in selectors.export_rows().iterator(chunk_size=500))
    return csv_response("toolkit-inventaris.csv", CSV_HEADER, rows)


def inventory_url(council) -> str:
    return reverse("toolkit:inventory-detail", kwargs={"slug": council.slug})
