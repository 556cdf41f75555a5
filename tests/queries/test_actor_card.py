"""The card of one organisation, checked by hand on the tiny dataset."""

from __future__ import annotations

import pytest
from verbinder.queries.actor_card import actor_card


def test_the_card_names_type_place_engagement_and_partners(tiny):
    card = actor_card(tiny, "v1", "mwb")
    assert (card.name, card.type, card.municipality) == (
        "Maatwerk De Sleutel",
        "maatwerkbedrijf",
        "As",
    )
    assert card.engagement == (("Verband Een", "actief"), ("Verband Twee", "passief"))
    # t2 aankoop with genk, t3 toeleiding from vdab, t4 doorstroom to wg; sorted by name.
    assert [name for name, _ in card.partners] == ["Stad Genk", "Transport Peeters", "VDAB Genk"]


def test_partners_outside_the_verband_stay_off_the_card(tiny):
    # In v2 mwb is the only member: no partner there.
    assert actor_card(tiny, "v2", "mwb").partners == ()


def test_an_actor_outside_the_verband_is_refused(tiny):
    with pytest.raises(KeyError):
        actor_card(tiny, "v2", "wg")
