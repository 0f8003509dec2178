import datetime

from django.utils import timezone

from .factories import ConferenceFactory, RoundFactory, SessionFactory, TopicFactory


def extend_world(values, *, council_a, council_b, users):
    round_ = RoundFactory(slug="scholingswensen-matrix")
    TopicFactory(round=round_)
    session = SessionFactory(starts_at=timezone.now() - datetime.timedelta(days=1))
    conference = ConferenceFactory()
    values.update(
        training_round=round_.slug,
        training_session=session.pk,
        training_module=session.module.slug,
        training_conference_year=conference.year,
    )
