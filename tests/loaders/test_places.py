"""A typed municipality is resolved on import and the actor gets today's NIS code (#19)."""

from __future__ import annotations

import pytest
from verbinder.loaders import LoadError, load_dataset

TIES = [["bron", "doel", "soort"]]


def _load(tmp_path, write_workbook, *rows):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {"actoren": [["id", "naam", "type", "gemeente", "nis"], *rows], "relaties": TIES},
    )
    return load_dataset(path, name="v")


def test_a_former_name_a_postal_code_and_a_code_give_todays_municipality(tmp_path, write_workbook):
    result = _load(
        tmp_path,
        write_workbook,
        ["a", "A", "lde", "Zomergem", None],
        ["b", "B", "werkgever", "9930", None],
        ["c", "C", "werkgever", "Eeklo", None],
        ["d", "D", "werkgever", None, "44080"],  # Zomergem's own code
    )
    actors = result.dataset.actor_by_id
    assert [actors[a].nis for a in "abcd"] == ["44085", "44085", "43005", "44085"]
    assert actors["a"].municipality == "Zomergem"  # kept as typed
    told = {(p.row, p.column): p.message for p in result.report.problems if p.level == "info"}
    assert "sinds 1 januari 2019 deel van Lievegem" in told[(2, "'gemeente' (D)")]
    assert "postcode 9930" in told[(3, "'gemeente' (D)")]
    assert (4, "'gemeente' (D)") not in told  # typed as it is today: nothing to say


@pytest.mark.parametrize(
    ("place", "code", "column", "message"),
    [
        ("Gentt", None, "'gemeente' (D)", "bedoelde u 'Gent'?"),
        ("Gent", "44085", "'nis' (E)", "NIS-code 44085 hoort niet bij 'Gent'"),
        ("1040", None, "'gemeente' (D)", "meer dan één gemeente (Brussel, Etterbeek)"),
    ],
)
def test_an_unknown_or_contradicting_place_refuses_the_import(
    tmp_path, write_workbook, place, code, column, message
):
    with pytest.raises(LoadError) as refused:
        _load(tmp_path, write_workbook, ["a", "A", "lde", place, code])
    (error,) = refused.value.report.errors
    assert (error.sheet, error.row, error.column) == ("actoren", 2, column)
    assert message in error.message


def test_a_verbanden_sheet_names_known_municipalities(tmp_path, write_workbook):
    sheets = {
        "actoren": [["id", "naam", "type"], ["a", "A", "lde"]],
        "relaties": TIES,
        "verbanden": [["id", "naam", "gemeenten"], ["v", "V", "Zomergem; Eeklo"]],
    }
    result = load_dataset(write_workbook(tmp_path / "goed.xlsx", sheets), name="v")
    assert result.dataset.verband_by_id["v"].municipalities == ("Zomergem", "Eeklo")
    (told,) = [p for p in result.report.problems if p.sheet == "verbanden"]
    assert told.level == "info" and "deel van Lievegem" in told.message
    sheets["verbanden"][1][2] = "Eeklo; Atlantis"
    with pytest.raises(LoadError) as refused:
        load_dataset(write_workbook(tmp_path / "fout.xlsx", sheets), name="v")
    (error,) = refused.value.report.errors
    assert (error.sheet, error.row, error.column) == ("verbanden", 2, "'gemeenten' (C)")
    assert "'Atlantis' is geen gekende Belgische gemeente" in error.message
