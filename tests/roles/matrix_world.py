import datetime

from django.utils import timezone

from roles.models import Role
from roles.services import role_declaration_create
from tests.factories import DepartmentFactory
from tests.roles.factories import RoleDeclarationFactory
from wijkportaal.desk.selectors import case_for_subject
from wijkportaal.wijkraden.models import Department


def extend_world(values, *, council_a, council_b, users):
    values["role_a"] = RoleDeclarationFactory(council=council_a, declared_by=users["board"]).pk
    # A declaration through the service: a case at the desk, owned by Wijkzaken en Participatie.
    if not Department.objects.filter(slug="wijkzaken-en-participatie").exists():
        DepartmentFactory(slug="wijkzaken-en-participatie")
    declaration = role_declaration_create(
        actor=users["board"],
        council=council_a,
        role=Role.NETWORK,
        subject="Matrix",
        start=timezone.localdate() + datetime.timedelta(days=1),
    )
    values["case_role_a"] = case_for_subject(declaration).pk
