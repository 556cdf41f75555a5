"""Inputs a regisseur can really produce, each found in review: located errors, nothing lost."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from verbinder.graphmodel.model import Actor, Membership
from verbinder.graphmodel.types import ActorType, Engagement, Provenance
from verbinder.loaders import LoadError, load_dataset, validate
from verbinder.queries.export import export_dataset

from verbinder.cli import main


def _errors(path):
    return [(e.sheet, e.row, e.message) for e in validate(path).errors]


@pytest.fixture
def demo_json(tmp_path, tiny):
    path = export_dataset(tiny, tmp_path / "tiny.json", include_personal=True)
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_json_values_pass_the_workbook_checks(tmp_path, demo_json):
    path, data = demo_json
    data["verbanden"][0]["inhabitants"] = "257.029"
    data["synthetic"] = "nee"
    data["actors"][2]["fte"] = "veel"
    data["ties"][3]["weight"] = -3
    data["ties"][0]["kind"] = "bla"
    data["events"][0]["verband_id"] = "nergens"
    data["actors"][0]["name"] = None
    data["actors"][1]["memberships"].append(dict(data["actors"][1]["memberships"][0]))
    path.write_text(json.dumps(data), encoding="utf-8")
    errors = _errors(path)
    assert ("actors", 3, "'veel' is geen getal (bv. 12,5)") in errors
    assert ("actors", 1, "'naam' is verplicht en is leeg") in errors
    assert ("ties", 4, "'-3' mag niet negatief zijn") in errors
    assert any(
        e[0] == "ties" and e[1] == 1 and "geen gekende soort relatie" in e[2] for e in errors
    )
    assert any(e[0] == "events" and "geen gekend verband" in e[2] for e in errors)
    assert any(e[0] == "memberships" and "al lid van 'v1'" in e[2] for e in errors)
    assert len(errors) == 6


def test_json_thousands_and_flags_are_read_like_a_workbook(tmp_path, demo_json):
    path, data = demo_json
    data["verbanden"][0]["inhabitants"] = "257.029"
    data["synthetic"] = "nee"
    path.write_text(json.dumps(data), encoding="utf-8")
    dataset = load_dataset(path, name="x").dataset
    assert dataset.verband_by_id["v1"].inhabitants == 257029
    assert dataset.synthetic is False


def test_json_of_another_shape_is_refused_in_dutch(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"format": "verbinder-dataset", "version": 1, "actors": {"a": 1}}')
    assert _errors(path) == [(None, None, "'actors' moet een lijst van objecten zijn")]
    path.write_text("[1, 2]")
    assert "geen export van Verbinder" in _errors(path)[0][2]


def test_info_sheet_keeps_an_empty_description_through_xlsx(tmp_path, tiny):
    plain = tiny.replace(description="")
    again = load_dataset(export_dataset(plain, tmp_path / "a.xlsx"), name="a").dataset
    assert again.description == ""


def test_info_sheet_without_header_row_is_read_whole(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [["id", "naam", "type"], ["a", "A", "lde"]],
            "relaties": [["bron", "doel", "soort"]],
            "info": [["synthetisch", "ja"], ["beschrijving", "oefening"]],
        },
    )
    dataset = load_dataset(path, name="x").dataset
    assert dataset.synthetic and dataset.description == "oefening"


def test_info_sheet_problems_are_located(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [["id", "naam", "type"]],
            "relaties": [["bron", "doel", "soort"]],
            "info": [["sleutel", "waarde"], ["synthetisch", None], ["beschrijving", "x", "extra"]],
        },
    )
    errors = _errors(path)
    assert ("info", 2, "vul 'ja' of 'nee' in") in errors
    assert any(e[1] == 3 and "een derde kolom" in e[2] for e in errors)


def test_synthetic_ties_mark_the_dataset_synthetic(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [["id", "naam", "type"], ["a", "A", "lde"], ["b", "B", "werkgever"]],
            "relaties": [
                ["bron", "doel", "soort", "herkomst"],
                ["a", "b", "overleg", "synthetisch"],
            ],
        },
    )
    result = load_dataset(path, name="x")
    assert result.dataset.synthetic
    assert any("als synthetisch gemarkeerd" in p.message for p in result.report.problems)


def test_empty_optional_sheets_are_skipped_and_empty_required_ones_named(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [["id", "naam", "type"], ["a", "A", "lde"]],
            "relaties": [["bron", "doel", "soort"]],
            "evenementen": [],
            "lidmaatschappen": [],
        },
    )
    assert validate(path).ok
    empty = write_workbook(
        tmp_path / "w.xlsx", {"actoren": [["id", "naam", "type"]], "relaties": []}
    )
    assert (
        "relaties",
        None,
        "het verplichte blad 'relaties' is leeg: zet minstens de kolomkoppen in rij 1",
    ) in _errors(empty)


def test_a_mistyped_sheet_name_is_an_error_with_a_suggestion(tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "actoren.csv").write_text("id;naam;type\na;A;lde\n", encoding="utf-8")
    (folder / "relaties.csv").write_text("bron;doel;soort\n", encoding="utf-8")
    (folder / "lidmaatschap.csv").write_text("actor;verband;betrokkenheid\na;gent;actief\n")
    (folder / "oud.csv").mkdir()
    messages = [e[2] for e in _errors(folder)]
    assert messages == [
        "blad 'lidmaatschap' is geen gekend blad; bedoelde u 'lidmaatschappen'? "
        "Hernoem het blad of het bestand"
    ]


def test_an_id_that_is_also_another_actors_name_warns_and_uses_the_id(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [
                ["id", "naam", "type"],
                ["VDAB", "VDAB Gent", "vdab"],
                ["v2", "VDAB", "vdab"],
                ["x", "X", "lde"],
            ],
            "relaties": [["bron", "doel", "soort"], ["VDAB", "x", "toeleiding"]],
        },
    )
    result = load_dataset(path, name="x")
    assert result.dataset.ties[0].source == "VDAB"
    assert any("ook de naam van een andere (v2)" in w.message for w in result.report.warnings)


def test_excel_errors_control_characters_and_huge_numbers_are_located(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [
                ["id", "naam", "type", "doelgroepwerknemers", "opmerking"],
                ["a", "#VALUE!", "lde", 10**20, None],
            ],
            "relaties": [["bron", "doel", "soort"]],
        },
    )
    errors = _errors(path)
    assert (
        "actoren",
        2,
        "de cel bevat de Excel-fout #VALUE!; verbeter de formule of typ de waarde",
    ) in errors
    assert ("actoren", 2, f"'{10**20}' is te groot") in errors
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "actoren.csv").write_text("id;naam;type;opmerking\nb;B;lde;x\x0by\n")
    (folder / "relaties.csv").write_text("bron;doel;soort\n")
    assert _errors(folder) == [
        ("actoren", 2, "de tekst bevat een onzichtbaar stuurteken; typ de waarde opnieuw")
    ]


def test_every_error_in_a_row_is_reported_at_once(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [
                ["id", "naam", "type", "verbanden", "betrokkenheid", "notitieveld"],
                ["a", "A", "bakker", "gent", None, None],
            ],
            "relaties": [["bron", "doel", "soort"]],
        },
    )
    report = validate(path)
    assert [e.column for e in report.errors] == ["'type' (C)", "'betrokkenheid' (E)"]
    assert [w.message for w in report.warnings] == [
        "kolom 'notitieveld' is onbekend en leeg; ze wordt genegeerd"
    ]


def test_thousands_marks_in_decimals(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [["id", "naam", "type"]],
            "relaties": [["bron", "doel", "soort"]],
            "verbanden": [["id", "naam", "subsidie_eur"], ["x", "X", "1.000.000"]],
        },
    )
    assert load_dataset(path, name="x").dataset.verband_by_id["x"].subsidy_eur == 1_000_000


def test_line_breaks_and_formula_text_survive_csv_and_xlsx(tmp_path, tiny):
    actors = (
        *tiny.actors,
        Actor(
            "f",
            "=SUM(A1)",
            ActorType.ANDERE,
            note="regel1\nregel2",
            memberships=(Membership("v1", Engagement.GEEN),),
        ),
        Actor("g", "'=quoted", ActorType.ANDERE),
        Actor("h", "-min", ActorType.ANDERE),
        Actor("i", "@at", ActorType.ANDERE),
        Actor("j", "'t Hof", ActorType.ANDERE),
    )
    dataset = tiny.replace(actors=actors)
    folder = export_dataset(dataset, tmp_path / "csv", include_personal=True)
    text = (folder / "actoren.csv").read_text(encoding="utf-8-sig")
    assert "'=SUM(A1)" in text and "''=quoted" in text and "'-min" in text and "'@at" in text
    assert ";'t Hof;" in text
    for target in (folder, export_dataset(dataset, tmp_path / "x.xlsx", include_personal=True)):
        assert load_dataset(target, name="x").dataset.same_content(dataset)


def test_windows_line_breaks_from_a_csv_become_plain(tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "actoren.csv").write_bytes(b'id;naam;type;opmerking\r\na;A;lde;"r1\r\nr2"\r\n')
    (folder / "relaties.csv").write_bytes(b"bron;doel;soort\r\n")
    assert load_dataset(folder, name="x").dataset.actors[0].note == "r1\nr2"


def test_exports_refuse_what_excel_cannot_hold_and_create_folders(tmp_path, tiny):
    long_note = tiny.replace(
        actors=(tiny.actors[0].__class__("z", "Z", ActorType.ANDERE, note="x" * 40_000),)
    )
    with pytest.raises(ValueError, match="past niet in een Excel-cel"):
        export_dataset(long_note, tmp_path / "long.xlsx")
    assert export_dataset(tiny, tmp_path / "nieuw" / "map" / "t.json").exists()


def test_cli_turns_bad_paths_and_values_into_messages(tmp_path):
    runner = CliRunner()
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    result = runner.invoke(main, ["--db", str(blocker / "v.sqlite"), "datasets"])
    assert result.exit_code == 1 and "kan niet geopend worden" in result.output
    db = str(tmp_path / "v.sqlite")
    nan = runner.invoke(main, ["--db", db, "demo", "--schaal", "nan"])
    assert nan.exit_code == 2 and "schaal" in nan.output
    folder = tmp_path / "map.json"
    folder.mkdir()
    checked = runner.invoke(main, ["validate", str(folder)])
    assert checked.exit_code == 1 and "verplichte blad 'actoren' ontbreekt" in checked.output
    assert Provenance.SYNTHETISCH.value == "synthetisch"
    with pytest.raises(LoadError):
        load_dataset(folder, name="x")


def test_an_excel_error_in_the_info_sheet_is_a_located_message(tmp_path, write_workbook):
    # Found by the cell fuzzer (test_fuzzing.py): it raised a traceback before.
    path = write_workbook(
        tmp_path / "fout.xlsx",
        {
            "actoren": [["id", "naam", "type"], ["a", "A", "lde"]],
            "relaties": [["bron", "doel", "soort"]],
            "info": [["sleutel", "waarde"], ["#N/A", "x"], ["beschrijving", "#DIV/0!"]],
        },
    )
    assert _errors(path) == [
        ("info", 2, "de cel bevat de Excel-fout #N/A; verbeter de formule of typ de waarde"),
        ("info", 3, "de cel bevat de Excel-fout #DIV/0!; verbeter de formule of typ de waarde"),
    ]
