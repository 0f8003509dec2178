import datetime

from django.utils import timezone

from .factories import DecisionFactory, ViewpointFactory, VisitFactory


def extend_world(values, *, council_a, council_b, users):
    decision = DecisionFactory()
    DecisionFactory(decision_date=timezone.localdate() - datetime.timedelta(days=5))
    viewpoint = ViewpointFactory(decision=decision, council=council_a)
    visit = VisitFactory(council=council_a, councillor=users["councillor"])
    values.update(
        council_decision=decision.pk, council_viewpoint=viewpoint.pk, council_visit=visit.pk
    )
