"""Municipalities with NIS codes, the mergers of 2019 and 2025, and resolving typed places (#19).

Expected values are public facts: Flanders had 308 municipalities in 2018, 300 from 2019 and
285 from 2025 (Statbel); Zomergem, Lovendegem and Waarschoot became Lievegem (44085) in 2019.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from verbinder.graphmodel.municipalities import (
    PlaceError,
    mergers,
    mergers_source,
    municipalities,
    resolve_place,
    successor,
)
from verbinder.graphmodel.reference import reference_municipalities
from verbinder.queries.places import municipality_list

FLEMISH_2018, FLEMISH_2019, FLEMISH_2025 = 308, 300, 285


def _flemish_today() -> dict[str, str]:
    return {m.nis: m.name for m in municipalities().values() if m.flemish}


def test_the_merger_table_adds_up_to_the_counts_of_each_period():
    assert len(_flemish_today()) == FLEMISH_2025
    for day, before, after in (
        (date(2019, 1, 1), FLEMISH_2018, FLEMISH_2019),
        (date(2025, 1, 1), FLEMISH_2019, FLEMISH_2025),
    ):
        rows = [m for m in mergers() if m.day == day]
        assert len({m.old_nis for m in rows}) == len(rows)  # each former municipality once
        assert before - len(rows) + len({m.new_nis for m in rows}) == after


def test_every_successor_is_a_municipality_of_today_under_its_name():
    today = _flemish_today()
    for merger in mergers():
        assert today[successor(merger.new_nis)]
        if merger.day == date(2025, 1, 1):
            assert today[merger.new_nis] == merger.new_name
    assert successor("44080") == "44085"  # Zomergem -> Lievegem
    assert successor("44021") == "44021"  # Gent never merged
    assert "Statbel" in mergers_source()


def test_every_municipality_of_2017_2019_is_one_municipality_of_today():
    today = _flemish_today()
    for row in reference_municipalities():
        place = resolve_place(row.municipality)
        assert place.municipality.nis in today, row.municipality


@pytest.mark.parametrize(
    ("typed", "nis", "translated"),
    [
        ("Lievegem", "44085", False),
        ("Zomergem", "44085", True),
        ("zomergem ", "44085", True),
        ("44085", "44085", False),
        ("44080", "44085", True),  # Zomergem's own code
        ("9930", "44085", True),  # Zomergem's postal code
        ("Borsbeek", "11002", True),  # part of Antwerpen since 2025
        ("Kortessem", "71072", True),  # Hasselt got a new code in 2025
        ("Sint Truiden", "71053", False),
    ],
)
def test_a_typed_place_resolves_to_todays_municipality(typed, nis, translated):
    place = resolve_place(typed)
    assert place.municipality.nis == nis
    assert (place.via is not None) == translated  # says how, unless typed as it is today


def test_an_unknown_or_shared_place_is_a_dutch_error_with_a_way_out():
    with pytest.raises(PlaceError, match="bedoelde u 'Gent'"):
        resolve_place("Gentt")
    with pytest.raises(PlaceError, match="Brussel, Etterbeek"):
        resolve_place("1040")  # one postal code, two municipalities


def test_a_report_names_a_former_municipality_with_what_it_is_today():
    assert municipality_list(["Eeklo", "Zomergem", "Atlantis"]) == (
        "Eeklo, Zomergem (sinds 1 januari 2019 deel van Lievegem), Atlantis (geen gekende gemeente)"
    )
    merged = Counter(
        resolve_place(r.municipality).via is not None for r in reference_municipalities()
    )
    assert merged[True] >= 3  # Zomergem, Puurs and Sint-Amands at least
