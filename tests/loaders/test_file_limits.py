"""Files refused before reading (documented limits) and workbook traits that are reported."""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from verbinder.loaders import LoadError, load_dataset, validate
from verbinder.loaders.limits import OLE_MAGIC
from verbinder.queries.export import export_dataset

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from reliability_report import million_rows


def _messages(target) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load_dataset(target, name="x")
    return [str(p) for p in caught.value.report.errors]


@pytest.fixture
def workbook(tmp_path, tiny):
    return export_dataset(tiny, tmp_path / "netwerk.xlsx", include_personal=True)


def test_password_protected_or_old_xls_is_named_as_such(tmp_path):
    path = tmp_path / "beveiligd.xlsx"
    path.write_bytes(OLE_MAGIC + bytes(4096))
    (message,) = _messages(path)
    assert message.startswith("beveiligd.xlsx: ") and "wachtwoord" in message and ".xls" in message


def test_an_empty_workbook_file_is_named_empty(tmp_path):
    path = tmp_path / "leeg.xlsx"
    path.write_bytes(b"")
    assert _messages(path) == ["leeg.xlsx: dit bestand is leeg (0 bytes)"]


@pytest.mark.parametrize("kind", ["xlsx", "csv", "json"])
def test_a_file_over_the_size_limit_is_refused_with_the_limit(tmp_path, tiny, monkeypatch, kind):
    target = {"xlsx": "n.xlsx", "csv": "n_csv", "json": "n.json"}[kind]
    path = export_dataset(tiny, tmp_path / target)
    monkeypatch.setenv("VERBINDER_MAX_BESTAND_MB", "0.0001")  # 100 bytes
    (message, *_) = _messages(path)
    assert "Verbinder leest bestanden tot 0 MB (VERBINDER_MAX_BESTAND_MB" in message


def test_a_workbook_that_expands_beyond_the_limit_is_refused(workbook, monkeypatch):
    with zipfile.ZipFile(workbook, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/opvulling.bin", bytes(30_000_000))  # 30 MB of zeros, ~30 kB packed
    assert workbook.stat().st_size < 1_000_000
    monkeypatch.setenv("VERBINDER_MAX_UITGEPAKT_MB", "20")
    (message,) = _messages(workbook)
    assert "pakt uit tot 30 MB" in message and "tot 20 MB uitgepakt" in message


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_sheet_over_the_row_limit_is_refused_with_its_location(tmp_path, tiny, monkeypatch, kind):
    target = tmp_path / ("n.xlsx" if kind == "xlsx" else "n_csv")
    path = export_dataset(tiny, target, include_personal=True)
    monkeypatch.setenv("VERBINDER_MAX_RIJEN", "4")  # tiny: 5 actors, 6 memberships
    (message,) = _messages(path)
    assert "blad 'actoren': dit blad heeft meer dan 4 rijen met gegevens" in message
    monkeypatch.setenv("VERBINDER_MAX_RIJEN", "6")
    assert load_dataset(path, name="tiny").dataset.same_content(tiny)


def test_macros_are_ignored_and_hidden_sheets_read_with_a_warning(workbook, tmp_path, tiny):
    book = load_workbook(workbook)
    book["evenementen"].sheet_state = "hidden"
    book.save(workbook)
    macro = tmp_path / "met-macro.xlsm"
    shutil.copy(workbook, macro)
    result = load_dataset(macro, name="tiny")
    assert result.dataset.same_content(tiny)
    warnings = [str(p) for p in result.report.problems if p.level == "waarschuwing"]
    assert "met-macro.xlsm: waarschuwing: de macro's in deze werkmap worden genegeerd" in warnings
    assert (
        "met-macro.xlsm, blad 'evenementen': waarschuwing: dit blad is verborgen in Excel; "
        "het werd toch ingelezen" in warnings
    )


def test_merged_header_cells_are_explained_and_no_data_is_lost(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "samengevoegd.xlsx",
        {
            "actoren": [["id", "naam", None, "type"], ["a", "Kringwinkel", "Gent", "lde"]],
            "relaties": [["bron", "doel", "soort"]],
        },
    )
    book = load_workbook(path)
    book["actoren"].merge_cells("B1:C1")
    book.save(path)
    report = validate(path)
    assert [str(p) for p in report.problems] == [
        "samengevoegd.xlsx, blad 'actoren', rij 1: waarschuwing: de cellen B1:C1 in de koprij "
        "zijn samengevoegd; elke kolom met gegevens heeft een eigen kop nodig, op de eerste rij "
        "van het blad (hef het samenvoegen op)",
        "samengevoegd.xlsx, blad 'actoren', rij 1, kolom '' (C): deze kolom heeft gegevens maar "
        "geen kop; geef ze een naam uit de lijst of verwijder ze",
    ]


def test_a_merged_title_above_the_header_is_named(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "titel.xlsx",
        {
            "actoren": [["Actoren van ons verband"], ["id", "naam", "type"], ["a", "K", "lde"]],
            "relaties": [["bron", "doel", "soort"]],
        },
    )
    book = load_workbook(path)
    book["actoren"].merge_cells("A1:C1")
    book.save(path)
    problems = [str(p) for p in validate(path).problems]
    assert problems[0].startswith(
        "titel.xlsx, blad 'actoren', rij 1: waarschuwing: de cellen A1:C1 in de koprij"
    )
    assert "titel.xlsx, blad 'actoren', rij 1: de verplichte kolom 'id' ontbreekt" in problems


def test_merged_cells_below_the_header_change_nothing(tmp_path, tiny):
    path = export_dataset(tiny, tmp_path / "netjes.xlsx", include_personal=True)
    book = load_workbook(path)
    book["actoren"].merge_cells("N3:O3")  # two empty cells (lat/lon) of one row
    book.save(path)
    result = load_dataset(path, name="tiny")
    assert result.dataset.same_content(tiny)
    assert not [p for p in result.report.problems if p.level != "info"]


def test_a_200_mb_file_is_refused_at_once_by_its_size(tmp_path):
    path = tmp_path / "groot.xlsx"
    with path.open("wb") as file:
        file.truncate(200_000_000)  # sparse: 200 MB long, nothing to read
    (message,) = _messages(path)
    assert message.startswith("groot.xlsx: dit bestand is 200 MB")
    assert "VERBINDER_MAX_BESTAND_MB" in message


def test_a_million_rows_are_refused_with_the_sheet_and_the_limit(tmp_path):
    folder = million_rows(tmp_path)
    assert (folder / "actoren.csv").stat().st_size > 30_000_000
    (message,) = _messages(folder)
    assert message == (
        "actoren.csv, blad 'actoren': dit blad heeft meer dan 500.000 rijen met gegevens; "
        "Verbinder leest tot 500.000 rijen per blad (VERBINDER_MAX_RIJEN verhoogt die grens)"
    )
