def extend_world(values, *, council_a, council_b, users):
    values["council_a_pk"] = council_a.pk
