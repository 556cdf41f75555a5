"""Files refused before reading (documented limits) and workbook traits that are reported."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from openpyxl import load_workbook

from loaders import LoadError, load_dataset
from loaders.limits import OLE_MAGIC
from queries.export import export_dataset


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
