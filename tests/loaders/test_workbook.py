"""Loading real-world workbooks and CSV folders: Belgian files, aliases, names, memberships."""

from __future__ import annotations

from datetime import date

import pytest
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, TieKind
from verbinder.loaders import LoadError, load_dataset, validate

ACTORS = [
    ["id", "naam", "type", "gemeente", "verbanden", "betrokkenheid", "vte"],
    ["reg", "Regie Meetjesland", "regisseur", "Eeklo", "meetjesland", "zeer actief", None],
    ["kw", "Kringwinkel Café De Markt", "LDE", "Eeklo", "meetjesland", "Actieve rol", "12,5"],
    ["zoe", "Zoë's Bakkerij", "Werkgever", "Maldegem", "meetjesland", "0", "3"],
]
TIES = [
    ["bron", "doel", "soort", "geldig_vanaf"],
    ["reg", "Kringwinkel Café De Markt", "overleg", "15/03/2024"],
    ["kw", "zoe", "doorstroom", None],
]


def _csv_folder(tmp_path, encoding, separator, actors=ACTORS, ties=TIES, bom=False):
    folder = tmp_path / "csv"
    folder.mkdir()
    for name, rows in (("actoren", actors), ("relaties", ties)):
        text = "\r\n".join(separator.join("" if c is None else str(c) for c in row) for row in rows)
        data = text.encode(encoding)
        (folder / f"{name}.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return folder


def test_semicolon_cp1252_with_accents_and_decimal_comma(tmp_path):
    folder = _csv_folder(tmp_path, "cp1252", ";")
    assert "Zoë".encode("cp1252") in (folder / "actoren.csv").read_bytes()
    result = load_dataset(folder, name="meetjesland")
    actors = result.dataset.actor_by_id
    assert actors["zoe"].name == "Zoë's Bakkerij"
    assert actors["kw"].name == "Kringwinkel Café De Markt"
    assert actors["kw"].fte == 12.5
    assert actors["kw"].type is ActorType.LDE
    assert actors["kw"].memberships[0].engagement is Engagement.ACTIEF
    tie = result.dataset.ties[0]
    assert (tie.source, tie.target, tie.valid_from) == ("reg", "kw", date(2024, 3, 15))
    assert tie.provenance is Provenance.BESTAND
    assert any("Windows-1252" in p.message for p in result.report.problems)


def test_utf8_with_bom_and_comma_separator(tmp_path):
    actors = [
        [c.replace("12,5", "12.5") if isinstance(c, str) else c for c in row] for row in ACTORS
    ]
    folder = _csv_folder(tmp_path, "utf-8", ",", actors=actors, bom=True)
    dataset = load_dataset(folder, name="x").dataset
    assert dataset.actors[0].id == "reg"  # no BOM glued to the first header
    assert dataset.actor_by_id["zoe"].name == "Zoë's Bakkerij"
    assert dataset.actor_by_id["kw"].fte == 12.5


def test_reference_verband_is_taken_over_and_reported(tmp_path):
    dataset = load_dataset(_csv_folder(tmp_path, "utf-8", ";"), name="x")
    verband = dataset.dataset.verband_by_id["meetjesland"]
    assert verband.inhabitants == 86782
    assert any(
        "referentiegegevens" in p.message and p.level == "info" for p in dataset.report.problems
    )


def test_xlsx_with_trailing_blanks_stray_spaces_and_english_aliases(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "Actoren": [
                ["ID", " Name ", "Type", "Verband", "Engagement", None, None],
                [" reg ", "Regie Gent ", "REGISSEUR", "gent", "Zeer Actief", None, None],
                ["wg", "Hotel Gent", "werkgever", "gent", 1, None, None],
                [None, None, None, None, None, None, None],
                [None, None, None, None, None, None, None],
            ],
            "relaties": [["Source", "Target", "Kind", "Weight"], ["reg", "wg", "Overleg", 2.5]],
        },
    )
    dataset = load_dataset(path, name="x").dataset
    assert [a.id for a in dataset.actors] == ["reg", "wg"]
    assert dataset.actors[0].name == "Regie Gent"
    assert dataset.actors[1].memberships[0].engagement is Engagement.PASSIEF
    assert dataset.ties[0].weight == 2.5 and dataset.ties[0].kind is TieKind.OVERLEG


def test_row_numbers_count_blank_rows_as_excel_shows_them(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [
                ["id", "naam", "type"],
                ["a", "A", "lde"],
                [None, None, None],
                ["b", "B", "bakker"],
            ],
            "relaties": [["bron", "doel", "soort"]],
        },
    )
    errors = validate(path).errors
    assert [(e.row, e.column) for e in errors] == [(4, "'type' (C)")]


def test_lidmaatschappen_sheet_gives_engagement_per_verband(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [
                ["id", "naam", "type"],
                ["mwb", "Maatwerk", "maatwerkbedrijf"],
                ["gem", "Gemeente As", "gemeente"],
            ],
            "lidmaatschappen": [
                [
                    "actor",
                    "verband",
                    "betrokkenheid",
                    "betrokkenheid_politiek",
                    "betrokkenheid_ambtelijk",
                ],
                ["mwb", "gaoz", "actief", None, None],
                ["Maatwerk", "noord-limburg", "passief", None, None],
                ["gem", "gaoz", "actief", "zeer actief", "passief"],
            ],
            "relaties": [["bron", "doel", "soort"], ["gem", "mwb", "aankoop"]],
        },
    )
    actors = load_dataset(path, name="x").dataset.actor_by_id
    assert [(m.verband_id, m.engagement) for m in actors["mwb"].memberships] == [
        ("gaoz", Engagement.ACTIEF),
        ("noord-limburg", Engagement.PASSIEF),
    ]
    gem = actors["gem"].memberships[0]
    assert (gem.political, gem.administrative) == (Engagement.ZEER_ACTIEF, Engagement.PASSIEF)


def test_duplicate_membership_and_ambiguous_names_are_errors(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [
                ["id", "naam", "type", "verbanden", "betrokkenheid"],
                ["a", "Zelfde", "lde", "gent", "actief"],
                ["b", "Zelfde", "lde", None, None],
            ],
            "lidmaatschappen": [["actor", "verband", "betrokkenheid"], ["a", "gent", "passief"]],
            "relaties": [["bron", "doel", "soort"], ["Zelfde", "a", "overleg"]],
        },
    )
    messages = [e.message for e in validate(path).errors]
    assert any("al lid van 'gent'" in m for m in messages)
    assert any("niet uniek (a, b)" in m for m in messages)


def test_unknown_column_with_data_is_an_error_and_unknown_sheet_a_warning(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [["id", "naam", "type", "gemeenet"], ["a", "A", "lde", "Gent"]],
            "relaties": [["bron", "doel", "soort"]],
            "notities": [["vergeet niet te bellen"]],
        },
    )
    report = validate(path)
    assert [e.message for e in report.errors] == [
        "kolom 'gemeenet' is onbekend; bedoelde u 'gemeente'? Verbinder neemt geen kolommen over "
        "die het niet kent: hernoem of verwijder ze"
    ]
    assert [w.sheet for w in report.warnings] == ["notities"]


def test_missing_required_sheet_and_non_workbook_files(tmp_path, write_workbook):
    path = write_workbook(tmp_path / "v.xlsx", {"actoren": [["id", "naam", "type"]]})
    assert "verplichte blad 'relaties' ontbreekt" in validate(path).errors[0].message
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 maar geen werkmap")
    assert "niet als Excel-werkmap" in validate(fake).errors[0].message
    other = tmp_path / "lijst.txt"
    other.write_text("x")
    assert "geef een Excel-werkmap" in validate(other).errors[0].message


def test_an_undecodable_csv_is_refused_with_a_message(tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "actoren.csv").write_bytes(b"id;naam\x81;type\r\n")
    with pytest.raises(LoadError) as caught:
        load_dataset(folder, name="x")
    assert "tekenset" in caught.value.report.errors[0].message
