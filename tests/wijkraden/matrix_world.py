def extend_world(values, *, council_a, council_b, users):
    values["council_a_pk"] = council_a.pk
    values["membership_board"] = users["board"].memberships.get(council=council_a).pk
