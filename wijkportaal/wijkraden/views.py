from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import FormView

from wijkportaal.core.pagecache import ALL, public_page
from wijkportaal.core.registry import registry
from wijkportaal.core.web import PermissionRequired404Mixin, apply_errors, paginate

from . import selectors, services
from .filters import CouncilRegisterFilter
from .forms import CouncilProfileForm
from .models import NeighbourhoodCouncil


@public_page(ALL)
def council_list(request):
    council_filter = CouncilRegisterFilter(
        request.GET or None, queryset=selectors.council_register()
    )
    councils = (
        council_filter.qs
        if council_filter.is_bound and council_filter.is_valid()
        else selectors.council_register()
    )
    page = paginate(request, councils)
    return render(
        request,
        "wijkraden/council_list.html",
        {"filter": council_filter, "page": page, "councils": page.object_list},
    )


@public_page(ALL)
def council_detail(request, slug):
    council = selectors.council_detail(slug)
    return render(
        request,
        "wijkraden/council_detail.html",
        {
            "council": council,
            "can_edit": request.user.has_perm("wijkraden.change_neighbourhoodcouncil", council),
            "sections": registry.render_sections("council_detail", request, council),
        },
    )


class CouncilEditView(PermissionRequired404Mixin, FormView):
    permission_required = "wijkraden.change_neighbourhoodcouncil"
    template_name = "wijkraden/council_edit.html"
    form_class = CouncilProfileForm

    def get_permission_object(self):
        if not hasattr(self, "council"):
            self.council = get_object_or_404(NeighbourhoodCouncil, slug=self.kwargs["slug"])
        return self.council

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_permission_object()
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.council, **kwargs)

    def form_valid(self, form):
        # The ModelForm already wrote its data onto the instance; reload so the service
        # starts from the stored row and is the only place that saves.
        council = NeighbourhoodCouncil.objects.get(pk=self.council.pk)
        try:
            services.council_profile_update(
                actor=self.request.user, council=council, data=form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Het profiel van de wijkraad is opgeslagen."))
        return redirect(council.get_absolute_url())
