# The role choice moved to its own app (roles). The tables stay; only Django's idea of which
# app owns them changes here. roles/migrations/0001_moved_from_wijkraden.py takes them over
# (and renames the content types), 0002 renames the tables.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('wijkraden', '0003_role_declaration'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='HistoricalRoleDeclaration'),
                migrations.DeleteModel(name='RoleDeclaration'),
            ],
            database_operations=[],
        ),
    ]
