"""Toolkit objects for the URL × user-kind matrix: a channel kind, a channel of wijkraad A whose
contact person (a member of A) opted in, one whose contact did not, and a know-how entry."""

from tests.toolkit.factories import ChannelFactory, ChannelKindFactory, EntryFactory


def extend_world(values, *, council_a, council_b, users):
    kind = ChannelKindFactory(name="Wijkkrant (papier)", slug="wijkkrant")
    open_channel = ChannelFactory(
        council=council_a, kind=kind, contact_person=users["member"], contact_opt_in=True
    )
    closed_channel = ChannelFactory(
        council=council_a, kind=kind, contact_person=users["member"], contact_opt_in=False
    )
    entry = EntryFactory(author=users["board"], council=council_a)
    values.update(
        {
            "toolkit_kind": kind.slug,
            "toolkit_channel_a": open_channel.pk,
            "toolkit_channel_closed": closed_channel.pk,
            "toolkit_entry": entry.slug,
        }
    )
