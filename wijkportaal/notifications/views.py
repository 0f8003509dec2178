from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .forms import PreferenceForm
from .hooks import confidential_kinds, optional_kinds
from .models import DigestFrequency, Notification, NotificationStatus
from .preferences import (
    digest_frequency_of,
    disabled_kinds_for,
    kind_label,
    notification_preference_update,
    notification_unsubscribe,
    unsubscribe_token_read,
)


@login_required
def preference_edit(request):
    kinds = optional_kinds()
    disabled = disabled_kinds_for([request.user.pk]).get(request.user.pk, set())
    initial = {
        "digest_frequency": digest_frequency_of(request.user),
        "reminder_kinds": [kind.key for kind in kinds if kind.key not in disabled],
    }
    data = request.POST if request.method == "POST" else None
    form = PreferenceForm(data, initial=initial, kinds=kinds)
    if request.method == "POST" and form.is_valid():
        try:
            notification_preference_update(
                actor=request.user,
                user=request.user,
                frequency=form.cleaned_data["digest_frequency"],
                enabled_kinds=form.cleaned_data.get("reminder_kinds", []),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Uw voorkeuren voor meldingen zijn opgeslagen."))
            return redirect("notifications:preference-edit")
    return render(request, "notifications/preference_edit.html", {"form": form})


# A mail client's one-click POST (RFC 8058) carries no CSRF token; the signed token is the proof.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    decoded = unsubscribe_token_read(token)
    if decoded is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    user_id, kind = decoded
    context = {"kind_label": kind_label(kind), "token": token}
    if request.method == "POST":
        done = notification_unsubscribe(user_id=user_id, kind=kind)
        template = "notifications/unsubscribe_done.html"
        return render(request, template, {**context, "done": done}, status=200)
    return render(request, "notifications/unsubscribe_confirm.html", context)


@login_required
def notification_list(request):
    """The latest sent mails, for officers in the demo (so a digest can be read in the
    browser without a mail client)."""
    if not getattr(settings, "DEMO_ACCOUNTS_ENABLED", False) or not request.user.has_perm(
        "notifications.view_notification"
    ):
        raise Http404
    mails = (
        Notification.objects.filter(status=NotificationStatus.SENT)
        .exclude(kind__in=confidential_kinds())
        .order_by("-sent_at", "-pk")[:10]
    )
    return render(request, "notifications/notification_list.html", {"mails": mails})


def my_page_section(request, user):
    return {
        "frequency_label": DigestFrequency(digest_frequency_of(user)).label,
        "show_sent": getattr(settings, "DEMO_ACCOUNTS_ENABLED", False)
        and user.has_perm("notifications.view_notification"),
    }
