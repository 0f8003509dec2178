# The tables taken over from the wijkraden app get this app's names (wijkraden_roledeclaration
# → roles_roledeclaration, and its history). A rename: rows, keys and constraints stay.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('roles', '0001_moved_from_wijkraden'),
    ]

    operations = [
        migrations.AlterModelTable(name='roledeclaration', table=None),
        migrations.AlterModelTable(name='historicalroledeclaration', table=None),
    ]
