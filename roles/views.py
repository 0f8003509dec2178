"""Pages of the role declarations (rolkeuzes): the city-wide register, the form to declare a
role and the form to end one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView

from wijkportaal.core.pagecache import ALL, public_page
from wijkportaal.core.web import PermissionRequired404Mixin, apply_errors, paginate
from wijkportaal.desk.promise import case_promise_message
from wijkportaal.desk.selectors import answer_promise, case_for_subject
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from . import selectors, services
from .filters import RoleRegisterFilter
from .forms import RoleDeclarationForm, RoleEndForm, resolve_scope
from .models import RoleDeclaration


@public_page(ALL)
def role_register(request):
    role_filter = RoleRegisterFilter(request.GET or None, queryset=selectors.role_register())
    declarations = (
        role_filter.qs
        if role_filter.is_bound and role_filter.is_valid()
        else selectors.role_register()
    )
    page = paginate(request, declarations)
    return render(
        request,
        "roles/roledeclaration_list.html",
        {
            "filter": role_filter,
            "page": page,
            "declarations": page.object_list,
            "today": timezone.localdate(),
        },
    )


class RoleDeclarationCreateView(PermissionRequired404Mixin, FormView):
    permission_required = "roles.add_roledeclaration"
    template_name = "roles/roledeclaration_form.html"
    form_class = RoleDeclarationForm

    def get_permission_object(self):
        if not hasattr(self, "council"):
            self.council = get_object_or_404(NeighbourhoodCouncil, slug=self.kwargs["slug"])
        return self.council

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "council": self.council}

    def get_initial(self):
        return {"start": timezone.localdate()}

    def get_context_data(self, **kwargs):
        roles = selectors.council_roles(self.council)
        return super().get_context_data(
            council=self.council,
            current=roles["current"],
            answer_promise=answer_promise(services.DECLARATION_CASE),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            declaration = services.role_declaration_create(
                actor=self.request.user,
                council=self.council,
                role=data["role"],
                start=data["start"],
                end=data.get("end"),
                subject=data.get("subject", ""),
                scope_object=resolve_scope(data.get("scope_object", "")),
                reason=data.get("reason", ""),
                frameworks_acknowledged=data.get("frameworks_acknowledged", False),
                succeed_current=data.get("succeed_current", False),
            )
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            case_promise_message(_("De rolkeuze is bekendgemaakt."), case_for_subject(declaration)),
        )
        return redirect(self.council.get_absolute_url() + "#rollen")


class RoleDeclarationEndView(PermissionRequired404Mixin, FormView):
    permission_required = "roles.end_roledeclaration"
    template_name = "roles/roledeclaration_end.html"
    form_class = RoleEndForm

    def get_permission_object(self):
        if not hasattr(self, "declaration"):
            self.declaration = get_object_or_404(
                RoleDeclaration.objects.select_related("council"),
                pk=self.kwargs["pk"],
                council__slug=self.kwargs["slug"],
            )
        return self.declaration

    def get_initial(self):
        return {"end": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            declaration=self.declaration, council=self.declaration.council, **kwargs
        )

    def form_valid(self, form):
        try:
            services.role_declaration_end(
                actor=self.request.user,
                declaration=self.declaration,
                end=form.cleaned_data["end"],
            )
        except ValidationError as error:
            apply_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De rolkeuze is beëindigd."))
        return redirect(self.declaration.council.get_absolute_url() + "#rollen")


def council_roles_section(request, council):
    """The roles block on /wijkraden/<slug>/ (a council_detail section, see plugins.py)."""
    roles = selectors.council_roles(council)
    can_declare = request.user.has_perm("roles.add_roledeclaration", council)
    groups = [
        (roles["current"], _("Geldt nu"), _("Er geldt nu geen rolkeuze.")),
        (roles["upcoming"], _("Komt eraan"), _("Er is geen rolkeuze aangekondigd.")),
        (roles["history"], _("Eerdere rolkeuzes"), _("Er zijn geen eerdere rolkeuzes.")),
    ]
    return {
        **roles,
        "groups": groups,
        "council": council,
        "can_declare": can_declare,
        "today": timezone.localdate(),
    }


def object_role_section(request, obj):
    """The role block on the page of an object a wijkraad can declare its role for (a
    wijkcontract, ...: the scope_role slot, see plugins.py)."""
    return {"declaration": selectors.role_for_object(obj)}
