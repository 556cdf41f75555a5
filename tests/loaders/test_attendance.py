"""Attendance lists: certain matches only, a review list for the rest, no personal data kept."""

from __future__ import annotations

from datetime import date

import pytest
from verbinder.graphmodel.model import Event
from verbinder.loaders import LoadError
from verbinder.loaders.attendance import match_attendance, record_attendance

# What a registration tool exports: one row per person, extra columns of its own.
ATTENDEES = """First Name;Last Name;Email;Company;Ticket type
Zoë;Peeters;zoe.p@inschrijving.example;Transport Peeters NV;Gratis
An;Claes;an@genk.example;stad genk;Gratis
Piet;Maes;piet@sleutel.example;Maatwerk De Sleutl;Gratis
Jan;Smets;jan@x.example;Bakkerij Onbekend;Gratis
Els;Wouters;els@vdab.example;VDAB  Genk;Gratis
"""


def _write(tmp_path, text=ATTENDEES, name="lijst.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_names_match_exactly_or_go_to_review(tmp_path, tiny):
    match = match_attendance(_write(tmp_path), tiny)
    # 'Transport Peeters NV' and 'stad genk' equal actor names once legal form and case go.
    assert match.matched == {"wg": [2], "genk": [3], "vdab": [6]}
    assert match.how == {"wg": "naam", "genk": "naam", "vdab": "naam"}
    # 'Maatwerk De Sleutl' is misspelt: only a suggestion, never a silent match.
    sleutel = next(item for item in match.review if item.row == 4)
    assert sleutel.organisation == "Maatwerk De Sleutl"
    assert sleutel.suggestions[0][:2] == ("mwb", "Maatwerk De Sleutel")
    assert "mwb" not in match.matched
    unknown = next(item for item in match.review if item.row == 5)
    assert unknown.suggestions == ()


def test_an_actor_or_kbo_column_settles_a_match(tmp_path, tiny):
    path = _write(tmp_path, "organisatie;actor;kbo\nMaatwerk De Sleutl;mwb;\nX;;0403.170.701\n")
    match = match_attendance(path, tiny)
    assert match.matched == {"mwb": [2], "wg": [3]}
    assert match.how == {"mwb": "id", "wg": "KBO-nummer"}
    bad = _write(tmp_path, "organisatie;actor\nY;nobody\n", "fout.csv")
    with pytest.raises(LoadError) as caught:
        match_attendance(bad, tiny)
    assert str(caught.value.report.errors[0]).startswith("fout.csv, blad 'fout', rij 2")


def test_a_list_without_organisation_column_is_refused(tmp_path, tiny):
    with pytest.raises(LoadError) as caught:
        match_attendance(_write(tmp_path, "naam;email\nAn;an@x.be\n"), tiny)
    assert "geen kolom organisatie, actor of kbo" in str(caught.value.report.errors[0])


def test_recording_twice_changes_nothing(tiny):
    event = Event("ev2", "Netwerkevent", date(2024, 5, 1), "v1")
    once = record_attendance(tiny, event, ["wg", "genk", "wg"])
    twice = record_attendance(once, event, ["wg", "genk"])
    assert once == twice
    assert [p.actor_id for p in once.participations if p.event_id == "ev2"] == ["wg", "genk"]
