from django.db import models
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """The last sign of life of a background process: "beat" (written by the scheduler on
    every tick) and "worker" (written by a task beat sends every minute). /gezondheid/ and
    `manage.py check_health` read their age."""

    key = models.CharField(_("proces"), max_length=40, primary_key=True)
    at = models.DateTimeField(_("laatst gezien"))

    class Meta:
        verbose_name = _("hartslag")
        verbose_name_plural = _("hartslagen")

    def __str__(self) -> str:
        return f"{self.key}: {self.at:%Y-%m-%d %H:%M:%S}"
