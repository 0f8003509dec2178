"""The change history of personal and financial records (issue 15, item 8): who changed what
and when, kept for AUDIT_RETENTION_DAYS. A model takes `history = AuditHistory(...)` instead of
django-simple-history's `HistoricalRecords`; the accounts purge (task and command) then deletes
its historical rows once they are older than the period, without the core or accounts knowing
the model. Its admin adds `core.admin.HistoryAdmin` (read-only history, no "revert")."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from simple_history.models import HistoricalRecords

# The historical models of every AuditHistory, filled as the models are prepared.
_AUDITED: list = []


class AuditHistory(HistoricalRecords):
    """HistoricalRecords whose rows the audit purge removes after the retention period. A save
    that writes only excluded fields (a login's `last_login`) leaves no row: nothing that the
    history shows changed."""

    def finalize(self, sender, **kwargs):
        already = hasattr(sender._meta, "simple_history_manager_attribute")
        super().finalize(sender, **kwargs)
        if not already and hasattr(sender._meta, "simple_history_manager_attribute"):
            history_model = getattr(sender, sender._meta.simple_history_manager_attribute).model
            if history_model not in _AUDITED:
                _AUDITED.append(history_model)

    def post_save(self, instance, created, using=None, **kwargs):
        update_fields = kwargs.get("update_fields")
        if not created and update_fields and set(update_fields) <= set(self.excluded_fields):
            return
        super().post_save(instance, created, using=using, **kwargs)


def audited_history_models() -> list:
    """The historical models whose rows age out after AUDIT_RETENTION_DAYS."""
    return list(_AUDITED)


def audit_history_purge(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete the historical rows older than AUDIT_RETENTION_DAYS; returns how many went per
    historical model (its label)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.AUDIT_RETENTION_DAYS)
    deleted = {}
    for history_model in audited_history_models():
        count, _per_model = history_model.objects.filter(history_date__lt=cutoff).delete()
        deleted[history_model._meta.label] = count
    return deleted
