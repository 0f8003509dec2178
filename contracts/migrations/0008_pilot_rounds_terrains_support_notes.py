"""Issue 14: rounds of the budget pilot with their participants, reversing entries of budget
decisions, the terrains of the right to challenge (with the evaluation step's fields) and the
support workgroup's notes. The data step creates the terrains — maatschappelijke ondersteuning
open from the programme's start, two later terrains from future dates — and gives every
existing proposal the first terrain and every proposal evaluated before the evaluation step
an outcome and summary, so the next migration can add its constraint."""

import datetime

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


FIRST_TERRAIN = "maatschappelijke-ondersteuning"


def terrains_and_backfill(apps, schema_editor):
    Terrain = apps.get_model("contracts", "ChallengeTerrain")
    Proposal = apps.get_model("contracts", "ChallengeProposal")
    next_year = datetime.date.today().year + 1
    first, _created = Terrain.objects.get_or_create(
        slug=FIRST_TERRAIN,
        defaults={
            "name": "Maatschappelijke ondersteuning",
            "description": (
                "Taken in de zorg en ondersteuning van bewoners, zoals ontmoeting, "
                "burenhulp en dagbesteding in de wijk."
            ),
            "opens_on": datetime.date(2019, 1, 1),
            "order": 10,
        },
    )
    Terrain.objects.get_or_create(
        slug="openbare-ruimte",
        defaults={
            "name": "Beheer openbare ruimte",
            "description": "Onderhoud van groen, speelplekken en pleinen in de wijk.",
            "opens_on": datetime.date(next_year, 1, 1),
            "order": 20,
        },
    )
    Terrain.objects.get_or_create(
        slug="sport-en-cultuur",
        defaults={
            "name": "Sport en cultuur",
            "description": "Beheer van buurtsportplekken en culturele activiteiten in de wijk.",
            "opens_on": datetime.date(next_year, 7, 1),
            "order": 30,
        },
    )
    Proposal.objects.filter(terrain__isnull=True).update(terrain=first)
    Proposal.objects.filter(status="geevalueerd", evaluation_outcome="").update(
        evaluation_outcome="deels",
        evaluation_summary="Geëvalueerd voordat het portaal de uitkomst vastlegde.",
    )


class Migration(migrations.Migration):

    dependencies = [
        ('contracts', '0007_merge_20261202_1107'),
        ('wijkraden', '0006_council_public_functions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ChallengeTerrain',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=150, unique=True, verbose_name='naam')),
                ('slug', models.SlugField(max_length=80, unique=True, verbose_name='korte naam')),
                ('description', models.TextField(blank=True, max_length=2000, verbose_name='omschrijving')),
                ('opens_on', models.DateField(verbose_name='open vanaf')),
                ('closes_on', models.DateField(blank=True, help_text='Leeg: blijft open.', null=True, verbose_name='open tot')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
            ],
            options={
                'verbose_name': 'terrein uitdaagrecht',
                'verbose_name_plural': 'terreinen uitdaagrecht',
                'ordering': ['opens_on', 'order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='PilotParticipation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('motivation', models.TextField(max_length=4000, verbose_name='waarom de wijkraad wil meedoen')),
                ('registered_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemeld op')),
                ('status', models.CharField(choices=[('aangemeld', 'aangemeld'), ('toegelaten', 'toegelaten'), ('afgewezen', 'afgewezen')], db_index=True, default='aangemeld', max_length=20, verbose_name='status')),
                ('decision_reason', models.TextField(blank=True, max_length=4000, verbose_name='toelichting op het besluit')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='besloten op')),
            ],
            options={
                'verbose_name': 'aanmelding beheerexperiment',
                'verbose_name_plural': 'aanmeldingen beheerexperiment',
                'ordering': ['round', 'registered_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='PilotRound',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='jaar')),
                ('title', models.CharField(max_length=200, verbose_name='titel')),
                ('description', models.TextField(blank=True, max_length=4000, verbose_name='toelichting')),
                ('cap', models.PositiveSmallIntegerField(default=2, help_text='Hoeveel wijkraden aan deze ronde kunnen meedoen.', validators=[django.core.validators.MinValueValidator(1)], verbose_name='maximum aantal wijkraden')),
                ('interest_open', models.BooleanField(default=True, verbose_name='aanmelden mogelijk')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
            ],
            options={
                'verbose_name': 'ronde beheerexperiment',
                'verbose_name_plural': 'rondes beheerexperiment',
                'ordering': ['-year', 'title'],
            },
        ),
        migrations.CreateModel(
            name='SupportNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('terrain', models.CharField(help_text='Bijvoorbeeld: openbare ruimte, zorg en welzijn.', max_length=150, verbose_name='terrein')),
                ('text', models.TextField(max_length=4000, verbose_name='waar ondersteuning op maat nodig is')),
                ('workgroup', models.CharField(default='Werkgroep contactmomenten', max_length=200, verbose_name='werkgroep')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                ('published', models.BooleanField(default=True, verbose_name='tonen op de site')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='bijgewerkt op')),
            ],
            options={
                'verbose_name': 'notitie ondersteuning op maat',
                'verbose_name_plural': 'notities ondersteuning op maat',
                'ordering': ['order', 'terrain'],
            },
        ),
        migrations.AddField(
            model_name='budgetdecision',
            name='reason',
            field=models.TextField(blank=True, max_length=2000, verbose_name='reden van de correctie'),
        ),
        migrations.AddField(
            model_name='budgetdecision',
            name='reverses',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='reversals', to='contracts.budgetdecision', verbose_name='corrigeert besluit'),
        ),
        migrations.AddField(
            model_name='challengeproposal',
            name='evaluation_outcome',
            field=models.CharField(blank=True, choices=[('geslaagd', 'geslaagd'), ('deels', 'deels geslaagd'), ('niet_geslaagd', 'niet geslaagd')], max_length=20, verbose_name='uitkomst evaluatie'),
        ),
        migrations.AddField(
            model_name='challengeproposal',
            name='evaluation_summary',
            field=models.TextField(blank=True, max_length=5000, verbose_name='samenvatting evaluatie (openbaar)'),
        ),
        migrations.AddField(
            model_name='historicalchallengeproposal',
            name='evaluation_outcome',
            field=models.CharField(blank=True, choices=[('geslaagd', 'geslaagd'), ('deels', 'deels geslaagd'), ('niet_geslaagd', 'niet geslaagd')], max_length=20, verbose_name='uitkomst evaluatie'),
        ),
        migrations.AddField(
            model_name='historicalchallengeproposal',
            name='evaluation_summary',
            field=models.TextField(blank=True, max_length=5000, verbose_name='samenvatting evaluatie (openbaar)'),
        ),
        migrations.AlterField(
            model_name='challengeproposal',
            name='field',
            field=models.CharField(choices=[('sociaal', 'sociaal domein en welzijn'), ('openbare_ruimte', 'beheer openbare ruimte'), ('groen', 'groen en natuur'), ('sport_cultuur', 'sport en cultuur'), ('overig', 'overig')], max_length=20, verbose_name='soort taak'),
        ),
        migrations.AlterField(
            model_name='historicalchallengeproposal',
            name='field',
            field=models.CharField(choices=[('sociaal', 'sociaal domein en welzijn'), ('openbare_ruimte', 'beheer openbare ruimte'), ('groen', 'groen en natuur'), ('sport_cultuur', 'sport en cultuur'), ('overig', 'overig')], max_length=20, verbose_name='soort taak'),
        ),
        migrations.AddConstraint(
            model_name='budgetdecision',
            constraint=models.CheckConstraint(condition=models.Q(('reverses__isnull', True), models.Q(('reason', ''), _negated=True), _connector='OR'), name='decision_reversal_has_reason'),
        ),
        migrations.AddConstraint(
            model_name='challengeterrain',
            constraint=models.CheckConstraint(condition=models.Q(('closes_on__isnull', True), ('closes_on__gt', models.F('opens_on')), _connector='OR'), name='terrain_closes_after_it_opens'),
        ),
        migrations.AddField(
            model_name='challengeproposal',
            name='terrain',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='proposals', to='contracts.challengeterrain', verbose_name='terrein'),
        ),
        migrations.AddField(
            model_name='historicalchallengeproposal',
            name='terrain',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contracts.challengeterrain', verbose_name='terrein'),
        ),
        migrations.AddField(
            model_name='pilotparticipation',
            name='council',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='pilot_participations', to='wijkraden.neighbourhoodcouncil', verbose_name='wijkraad'),
        ),
        migrations.AddField(
            model_name='pilotparticipation',
            name='decided_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='besloten door'),
        ),
        migrations.AddField(
            model_name='pilotparticipation',
            name='registered_by',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='aangemeld door'),
        ),
        migrations.AddConstraint(
            model_name='pilotround',
            constraint=models.CheckConstraint(condition=models.Q(('cap__gte', 1)), name='pilot_round_cap_positive'),
        ),
        migrations.AddConstraint(
            model_name='pilotround',
            constraint=models.CheckConstraint(condition=models.Q(('year__gte', 2000)), name='pilot_round_year_plausible'),
        ),
        migrations.AddField(
            model_name='pilotparticipation',
            name='round',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='participations', to='contracts.pilotround', verbose_name='ronde'),
        ),
        migrations.AddField(
            model_name='budgetpilot',
            name='round',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='pilots', to='contracts.pilotround', verbose_name='ronde'),
        ),
        migrations.AddConstraint(
            model_name='pilotparticipation',
            constraint=models.UniqueConstraint(fields=('round', 'council'), name='one_participation_per_round_council'),
        ),
        migrations.RunPython(terrains_and_backfill, migrations.RunPython.noop),
    ]
