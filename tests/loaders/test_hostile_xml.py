"""Workbooks with XML entity declarations, damaged sheet XML and very deep JSON: one located
Dutch message each, and nothing imported."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from verbinder.loaders import LoadError, load_dataset
from verbinder.queries.export import export_dataset

from verbinder.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from reliability_report import DECLARATIONS, declare, rewrite_part


@pytest.fixture
def workbook(tmp_path, tiny):
    return export_dataset(tiny, tmp_path / "netwerk.xlsx", include_personal=True)


def _errors(path):
    with pytest.raises(LoadError) as caught:
        load_dataset(path, name="x")
    return caught.value.report.errors


def _parts(path):
    with zipfile.ZipFile(path) as archive:
        return [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]


@pytest.mark.parametrize("kind", sorted(DECLARATIONS))
def test_a_declaration_in_any_part_is_one_located_error(workbook, tmp_path, kind):
    sheets = load_workbook(workbook, read_only=True)
    sheet_of = {ws._worksheet_path.lstrip("/"): ws.title for ws in sheets.worksheets}
    sheets.close()
    for part in _parts(workbook):
        hostile = rewrite_part(workbook, tmp_path / "vijandig.xlsx", part, declare(kind))
        (error,) = _errors(hostile)
        assert error.file == "vijandig.xlsx" and f"'{part}'" in error.message, part
        assert "DTD-declaratie" in error.message
        assert error.sheet == sheet_of.get(part), part


def test_a_declaration_in_a_utf16_part_is_found(workbook, tmp_path):
    def to_utf16(data):
        text = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return declare("external_entity")(text.encode("utf-8")).decode().encode("utf-16")

    hostile = rewrite_part(workbook, tmp_path / "utf16.xlsx", "xl/workbook.xml", to_utf16)
    (error,) = _errors(hostile)
    assert "'xl/workbook.xml'" in error.message


def test_a_damaged_sheet_is_named_with_its_sheet(workbook, tmp_path):
    sheets = load_workbook(workbook, read_only=True)
    actors = next(ws for ws in sheets.worksheets if ws.title == "actoren")
    part = actors._worksheet_path.lstrip("/")
    sheets.close()
    damaged = rewrite_part(workbook, tmp_path / "stuk.xlsx", part, lambda d: d[: len(d) // 2])
    (error,) = _errors(damaged)
    assert error.sheet == "actoren" and "beschadigd" in error.message


def test_very_deep_json_is_one_dutch_error(tmp_path):
    path = tmp_path / "diep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (error,) = _errors(path)
    assert error.file == "diep.json" and "te diep genest" in error.message


def test_the_cli_imports_nothing_from_a_hostile_file(workbook, tmp_path):
    hostile = rewrite_part(
        workbook, tmp_path / "vijandig.xlsx", "xl/styles.xml", declare("billion_laughs")
    )
    deep = tmp_path / "diep.json"
    deep.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    db = str(tmp_path / "db.sqlite")
    runner = CliRunner()
    for path in (hostile, deep):
        result = runner.invoke(main, ["--db", db, "import", str(path), "--dataset", "x"])
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert "onverwachts" not in result.output, result.output
    listed = runner.invoke(main, ["--db", db, "datasets"])
    assert "x" not in listed.output.split()
