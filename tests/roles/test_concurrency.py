import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from roles.models import Role, RoleDeclaration
from roles.services import role_declaration_create
from tests.factories import CouncilFactory, MembershipFactory
from tests.pg import requires_postgres


@pytest.mark.django_db(transaction=True)
@requires_postgres
def test_two_board_members_declaring_at_once_give_one_declaration():
    council = CouncilFactory()
    chair = MembershipFactory(council=council, function="voorzitter").person
    secretary = MembershipFactory(council=council, function="secretaris").person
    barrier = threading.Barrier(2)
    outcomes = []

    def declare(actor):
        barrier.wait()
        try:
            role_declaration_create(
                actor=actor, council=council, role=Role.NETWORK, start=timezone.localdate()
            )
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=declare, args=(u,)) for u in (chair, secretary)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert RoleDeclaration.objects.filter(council=council).count() == 1
