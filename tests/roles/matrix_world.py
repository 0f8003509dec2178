from tests.roles.factories import RoleDeclarationFactory


def extend_world(values, *, council_a, council_b, users):
    values["role_a"] = RoleDeclarationFactory(council=council_a, declared_by=users["board"]).pk
