from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from . import services
from .forms import InvitationAcceptForm
from .models import STAFF_KINDS, Invitation, Language


def invitation_accept(request, token):
    invitation = Invitation.objects.select_related("council").filter(token=token).first()
    if invitation is None or not invitation.is_usable:
        status = 404 if invitation is None else 410
        return render(
            request, "accounts/invitation_unusable.html", {"invitation": invitation}, status=status
        )
    form = InvitationAcceptForm(
        request.POST or None,
        invitation=invitation,
        initial={"first_name": invitation.first_name, "last_name": invitation.last_name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welkom! Uw account is klaar."))
            if user.kind in STAFF_KINDS:
                # Officers and administrators work with a second factor from the start.
                messages.info(
                    request,
                    _("Stel nu de tweestapsverificatie in: die is verplicht voor uw account."),
                )
                return redirect("mfa_activate_totp")
            return redirect("core:my-page")
    return render(
        request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form}
    )


@require_POST
def invitation_request_renewal(request, token):
    invitation = services.invitation_request_renewal(token=token)
    return render(
        request,
        "accounts/invitation_renewal_requested.html",
        {"invitation": invitation},
        status=200,
    )


@csrf_exempt
@require_POST
def language_switch(request):
    """The language switch in the page header: Django's own (a cookie for this browser), and
    for a logged-in user also the language their mails are written in.

    An anonymous visitor's switch needs no CSRF token: it only sets their own language cookie,
    and without a token the public pages carry nothing personal, so the page cache and a proxy
    can serve them (wijkportaal/core/pagecache.py). A logged-in user's switch changes their
    account too, so it is checked like every other form."""
    if request.user.is_authenticated:
        return _language_switch_for_user(request)
    return set_language(request)


@csrf_protect
def _language_switch_for_user(request):
    response = set_language(request)
    language = request.POST.get("language", "")
    if language in Language.values:
        services.user_language_set(actor=request.user, user=request.user, language=language)
    return response
