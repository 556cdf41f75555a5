"""The template: every sheet and column of the format, an explanation, working dropdowns."""

from openpyxl import load_workbook
from verbinder.graphmodel.tables import SHEETS
from verbinder.graphmodel.types import TieKind
from verbinder.loaders import validate
from verbinder.loaders.template import write_template


def test_template_has_every_sheet_with_its_headers(tmp_path):
    book = load_workbook(write_template(tmp_path / "t.xlsx"))
    assert book.sheetnames == ["uitleg", "lijsten", *SHEETS]
    for sheet, columns in SHEETS.items():
        headers = [c.value for c in book[sheet][1]]
        assert headers == [c.header for c in columns]
    assert book["lijsten"].sheet_state == "hidden"


def test_dropdowns_for_type_engagement_and_kind(tmp_path):
    book = load_workbook(write_template(tmp_path / "t.xlsx"))
    lists = book["lijsten"]
    column_of = {cell.value: cell.column_letter for cell in lists[1]}
    types = [c.value for c in lists[column_of["actortype"]][1:] if c.value]
    assert "werkgever" in types and "maatwerkbedrijf" in types
    levels = [c.value for c in lists[column_of["engagement"]][1:] if c.value]
    assert levels == ["geen", "passief", "actief", "zeer actief"]
    validations = {
        str(v.sqref).split(":")[0]: v.formula1
        for v in book["actoren"].data_validations.dataValidation
    }
    assert validations["C2"].endswith(f"${column_of['actortype']}$20")  # 19 types, rows 2-20
    assert "relaties" in book.sheetnames
    kinds = {v.formula1 for v in book["relaties"].data_validations.dataValidation}
    assert any(f"${column_of['tiekind']}$2" in formula for formula in kinds)


def test_explanation_sheet_explains_every_column(tmp_path):
    intro = load_workbook(write_template(tmp_path / "t.xlsx"))["uitleg"]
    explained = {
        (row[0].split(" ")[0], row[1])
        for row in intro.iter_rows(values_only=True)
        if row[0] and row[1] and row[3]
    }
    for sheet, columns in SHEETS.items():
        for column in columns:
            assert (sheet, column.header) in explained


def test_the_template_explains_every_tie_kind_and_its_direction(tmp_path):
    intro = load_workbook(write_template(tmp_path / "t.xlsx"))["uitleg"]
    rows = {row[0]: row for row in intro.iter_rows(values_only=True) if row[0]}
    assert rows["aankoop"][1] == "van bron naar doel"  # the buyer is the source
    assert rows["overleg"][1] == "wederzijds"
    assert "klant" in rows["aankoop"][3]
    assert {kind.value for kind in TieKind} <= set(rows)


def test_the_empty_template_passes_its_own_validation_without_warnings(tmp_path):
    report = validate(write_template(tmp_path / "t.xlsx"))
    assert report.ok and report.warnings == []


def test_the_template_lists_the_activities_with_their_other_spellings(tmp_path):
    book = load_workbook(write_template(tmp_path / "t.xlsx"))
    rows = {row[0]: row for row in book["uitleg"].iter_rows(values_only=True) if row[0]}
    assert "poetsdienst" in rows["schoonmaak"][1]
    assert "strijken" in rows["strijkatelier"][1]
    lists = book["lijsten"]
    column_of = {cell.value: cell.column_letter for cell in lists[1]}
    activities = [c.value for c in lists[column_of["activity"]][1:] if c.value]
    assert "groenonderhoud" in activities and "poetsdienst" not in activities
    headers = [c.value for c in book["actoren"][1]]
    letter = chr(ord("A") + headers.index("activiteiten"))
    (dropdown,) = [
        v
        for v in book["actoren"].data_validations.dataValidation
        if str(v.sqref).startswith(f"{letter}2")
    ]
    assert f"${column_of['activity']}$2" in dropdown.formula1
    assert not dropdown.showErrorMessage  # several activities, separated by ;, stay possible
