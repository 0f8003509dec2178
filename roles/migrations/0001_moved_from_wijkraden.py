# The role choice moved here from the wijkraden app (issue 12). Nothing is created: the
# existing tables of wijkraden/migrations/0003_role_declaration.py are taken over as they are
# (state only, with their old table names), and the content types are renamed so that the
# generic links to a declaration (outbox rows), its permissions and the admin log keep
# pointing at it. 0002 then gives the tables the names of this app.

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED_MODELS = ('roledeclaration', 'historicalroledeclaration')


def _move_content_types(apps, schema_editor, source, target):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    content_types = ContentType.objects.db_manager(schema_editor.connection.alias)
    for model in MOVED_MODELS:
        if content_types.filter(app_label=target, model=model).exists():
            # Already there (created after an earlier, partial run): leave the old row for
            # remove_stale_contenttypes rather than guess which one the data points at.
            continue
        content_types.filter(app_label=source, model=model).update(app_label=target)
    ContentType.objects.clear_cache()


def content_types_to_roles(apps, schema_editor):
    _move_content_types(apps, schema_editor, 'wijkraden', 'roles')


def content_types_to_wijkraden(apps, schema_editor):
    _move_content_types(apps, schema_editor, 'roles', 'wijkraden')


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('wijkraden', '0004_role_declaration_moved_to_roles'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='RoleDeclaration',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('netwerkorganisatie', 'netwerkorganisatie'), ('zelforganisatie', 'zelforganisatie')], max_length=20, verbose_name='rol')),
                        ('subject', models.CharField(blank=True, help_text='Leeg laten als de rolkeuze algemeen geldt.', max_length=200, verbose_name='onderwerp of dossier')),
                        ('object_id', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='gekoppeld onderdeel')),
                        ('start', models.DateField(verbose_name='geldt vanaf')),
                        ('end', models.DateField(blank=True, null=True, verbose_name='geldt tot en met')),
                        ('reason', models.TextField(blank=True, max_length=2000, verbose_name='toelichting')),
                        ('frameworks_acknowledged', models.BooleanField(default=False, verbose_name='kaders onderschreven')),
                        ('declared_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='bekendgemaakt op')),
                        ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='contenttypes.contenttype', verbose_name='soort gekoppeld onderdeel')),
                        ('council', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='role_declarations', to='wijkraden.neighbourhoodcouncil', verbose_name='wijkraad')),
                        ('declared_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='bekendgemaakt door')),
                        ('ended_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='beëindigd door')),
                        ('supersedes', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='successor', to='roles.roledeclaration', verbose_name='volgt op')),
                    ],
                    options={
                        'verbose_name': 'rolkeuze',
                        'verbose_name_plural': 'rolkeuzes',
                        'ordering': ['-start', '-pk'],
                        'db_table': 'wijkraden_roledeclaration',
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalRoleDeclaration',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('role', models.CharField(choices=[('netwerkorganisatie', 'netwerkorganisatie'), ('zelforganisatie', 'zelforganisatie')], max_length=20, verbose_name='rol')),
                        ('subject', models.CharField(blank=True, help_text='Leeg laten als de rolkeuze algemeen geldt.', max_length=200, verbose_name='onderwerp of dossier')),
                        ('object_id', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='gekoppeld onderdeel')),
                        ('start', models.DateField(verbose_name='geldt vanaf')),
                        ('end', models.DateField(blank=True, null=True, verbose_name='geldt tot en met')),
                        ('reason', models.TextField(blank=True, max_length=2000, verbose_name='toelichting')),
                        ('frameworks_acknowledged', models.BooleanField(default=False, verbose_name='kaders onderschreven')),
                        ('declared_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='bekendgemaakt op')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('content_type', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contenttypes.contenttype', verbose_name='soort gekoppeld onderdeel')),
                        ('council', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='wijkraden.neighbourhoodcouncil', verbose_name='wijkraad')),
                        ('declared_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='bekendgemaakt door')),
                        ('ended_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='beëindigd door')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('supersedes', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='roles.roledeclaration', verbose_name='volgt op')),
                    ],
                    options={
                        'verbose_name': 'historical rolkeuze',
                        'verbose_name_plural': 'historical rolkeuzes',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                        'db_table': 'wijkraden_historicalroledeclaration',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddIndex(
                    model_name='roledeclaration',
                    index=models.Index(fields=['council', 'start'], name='role_declaration_council'),
                ),
                migrations.AddConstraint(
                    model_name='roledeclaration',
                    constraint=models.CheckConstraint(condition=models.Q(('end__isnull', True), ('end__gte', models.F('start')), _connector='OR'), name='role_declaration_end_after_start'),
                ),
                migrations.AddConstraint(
                    model_name='roledeclaration',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('role', 'zelforganisatie'), _negated=True), ('frameworks_acknowledged', True), _connector='OR'), name='role_declaration_self_acknowledged'),
                ),
                migrations.AddConstraint(
                    model_name='roledeclaration',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('content_type__isnull', True), ('object_id__isnull', True)), models.Q(('content_type__isnull', False), ('object_id__isnull', False)), _connector='OR'), name='role_declaration_scope_object_complete'),
                ),
            ],
        ),
        migrations.RunPython(content_types_to_roles, content_types_to_wijkraden),
    ]
