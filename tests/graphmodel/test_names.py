"""One name key for attendance lists and duplicates: the review's two disagreeing names."""

from __future__ import annotations

import pytest
from verbinder.graphmodel.model import Actor, Dataset, Membership, Verband
from verbinder.graphmodel.names import organisation_key, place_key
from verbinder.graphmodel.types import ActorType, Engagement
from verbinder.loaders.attendance import match_attendance
from verbinder.queries.duplicates import find_duplicates


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("De Kringwinkel ivzw", "de kringwinkel"),
        ("'t Atelier b.v.", "t atelier"),
        ("Transport Peeters NV", "transport peeters"),
        ("VDAB  Genk", "vdab genk"),
        ("Zoë Café BVBA", "zoe cafe"),
        ("Atelier S.R.L.", "atelier"),
        ("Kringwinkel 2", "kringwinkel 2"),
    ],
)
def test_organisation_key_sets_aside_case_accents_punctuation_and_legal_form(typed, key):
    assert organisation_key(typed) == key


def test_places_compare_without_hyphens_or_case():
    assert place_key("Sint-Truiden") == place_key("SINT TRUIDEN") == "sinttruiden"


MEMBER = (Membership("v", Engagement.ACTIEF),)


def test_attendance_and_duplicates_treat_one_organisation_alike(tmp_path):
    verband = Verband("v", "V")
    actors = (
        Actor(
            "a1",
            "De Kringwinkel",
            ActorType.LDE,
            "Gent",
            memberships=MEMBER,
        ),
        Actor(
            "a2",
            "De Kringwinkel ivzw",
            ActorType.LDE,
            "Gent",
            memberships=MEMBER,
        ),
        Actor(
            "b1",
            "'t Atelier",
            ActorType.MAATWERKBEDRIJF,
            "Gent",
            memberships=MEMBER,
        ),
        Actor(
            "b2",
            "'t Atelier b.v.",
            ActorType.MAATWERKBEDRIJF,
            "Gent",
            memberships=MEMBER,
        ),
    )
    dataset = Dataset("d", actors=actors, verbanden=(verband,))
    pairs = {tuple(sorted(p)) for p in find_duplicates(dataset)[["actor_a", "actor_b"]].values}
    assert pairs == {("a1", "a2"), ("b1", "b2")}
    only = Dataset("d", actors=(actors[0], actors[2]), verbanden=(verband,))
    path = tmp_path / "lijst.csv"
    path.write_text("organisatie\nDe Kringwinkel ivzw\n't Atelier b.v.\n", encoding="utf-8")
    assert match_attendance(path, only).matched == {"a1": [2], "b1": [3]}
