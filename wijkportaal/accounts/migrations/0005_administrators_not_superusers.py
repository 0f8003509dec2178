"""Issue 15: administrators (kind "beheerder") get their rights from the rules, never from
is_superuser. Only accounts of that kind change; a superuser of another kind (a break-glass
account) is left alone. An earlier `createsuperuser` account got kind "beheerder" too and so
becomes an ordinary administrator: create the break-glass account anew when it is needed
(SECURITY.md)."""

from django.db import migrations


def administrators_not_superusers(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(kind="beheerder", is_superuser=True).update(
        is_superuser=False, is_staff=True
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_auth_event")]

    operations = [
        # Irreversible in meaning (nobody should be a daily superuser again); going back
        # leaves the accounts as they are.
        migrations.RunPython(administrators_not_superusers, migrations.RunPython.noop),
    ]
