"""The CLI: documented commands, the demo -> report path, import/validate exit codes."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from verbinder.cli import main


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "v.sqlite")

    def invoke(*args: str):
        return runner.invoke(main, ["--db", db, *args], catch_exceptions=False)

    return invoke


def test_every_command_is_documented_with_an_example():
    ctx = click.Context(main)
    assert "Voorbeeld" in main.get_help(ctx)
    for name, command in main.commands.items():
        text = command.get_help(click.Context(command, info_name=name, parent=ctx))
        description = text.split("Opties:")[0]
        assert "Voorbeeld:" in description, f"'{name}' has no example"
        assert f"verbinder {name}" in description.split("Voorbeeld:")[1], f"'{name}' example"


def test_demo_then_report_of_gent_shows_reference_facts_and_synthetic(run):
    created = run("demo")
    assert created.exit_code == 0
    assert "SYNTHETISCHE DEMODATA" in created.output
    result = run("report", "--verband", "gent")
    assert result.exit_code == 0
    out = result.output
    assert "Inwoners:        257.029" in out
    assert "Subsidie/jaar:   € 100.000" in out
    assert out.startswith("*** SYNTHETISCHE DEMODATA")
    assert "Organisaties per soort" in out and "Relaties per soort" in out


def test_report_on_an_unknown_verband_or_dataset_is_a_clean_error(run):
    run("demo", "--schaal", "0.05")
    result = run("report", "--verband", "gentt")
    assert result.exit_code == 1 and "kies uit:" in result.output
    missing = run("report", "--dataset", "nope", "--verband", "gent")
    assert missing.exit_code == 2 and "er is geen dataset 'nope'; wel: demo" in missing.output


def test_template_validates_and_imports_as_an_empty_dataset(run, tmp_path):
    path = tmp_path / "sjabloon.xlsx"
    assert run("template", str(path)).exit_code == 0
    checked = run("validate", str(path))
    assert checked.exit_code == 0, checked.output
    assert "0 fout(en)" in checked.output
    imported = run("import", str(path), "--dataset", "leeg")
    assert imported.exit_code == 0 and "0 actoren" in imported.output


def test_export_import_datasets_and_history(run, tmp_path):
    run("demo", "--schaal", "0.05")
    target = tmp_path / "demo.xlsx"
    assert run("export", "--dataset", "demo", "--to", str(target)).exit_code == 0
    assert run("import", str(target), "--dataset", "kopie").exit_code == 0
    again = run("import", str(target), "--dataset", "kopie")
    assert again.exit_code == 1 and "bestaat al" in again.output
    assert run("import", str(target), "--dataset", "kopie", "--vervang").exit_code == 0
    listing = run("datasets").output
    assert "kopie" in listing and "demo" in listing
    history = run("history", "--dataset", "kopie").output.splitlines()
    assert len(history) == 2 and all("demo.xlsx" in line for line in history)


def test_validate_fails_with_located_messages(run, tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [["id", "naam", "type"], ["a", "A", "lde"], ["a", "B", "lde"]],
            "relaties": [["bron", "doel", "soort"]],
        },
    )
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "v.xlsx, blad 'actoren', rij 3, kolom 'id' (A): id 'a' komt al voor op rij 2" in (
        result.output
    )


def test_network_commands_print_and_write_tables(run, tmp_path):
    run("demo", "--schaal", "0.05")
    brokers = run(
        "brokers", "--verband", "meetjesland", "--top", "3", "--to", str(tmp_path / "b.csv")
    )
    assert brokers.exit_code == 0, brokers.output
    assert brokers.output.startswith("*** SYNTHETISCHE DEMODATA")
    assert "Verbonden paren van een SE-organisatie en een reguliere werkgever" in brokers.output
    written = (tmp_path / "b.csv").read_text(encoding="utf-8-sig").splitlines()
    assert written[0].startswith("# SYNTHETISCHE DEMODATA")
    assert written[1] == "# uitleg van de kolommen:"
    header = next(line for line in written if not line.startswith("#"))
    assert header.startswith("actor;naam;type;sectorgroep")
    profile = run("profile", "--verband", "meetjesland")
    assert profile.exit_code == 0 and "SE-regulier via regisseur" in profile.output
    compare = run("compare", "--to", str(tmp_path / "c.xlsx"))
    assert compare.exit_code == 0 and (tmp_path / "c.xlsx").exists()
    change = run("change", "--verband", "gent", "--van", "01/01/2016", "--tot", "31/12/2019")
    assert change.exit_code == 0 and "Nieuwe relaties:" in change.output
    wrong = run("brokers", "--verband", "nergens")
    assert wrong.exit_code == 1 and "kies uit:" in wrong.output
    bad_target = run("compare", "--to", str(tmp_path / "c.pdf"))
    assert bad_target.exit_code == 1 and "kies .csv of .xlsx" in bad_target.output


def test_missing_links_and_gaps_commands(run, tmp_path):
    run("demo", "--schaal", "0.05")
    links = run(
        "missing-links", "--verband", "meetjesland", "--top", "3", "--to", str(tmp_path / "m.xlsx")
    )
    assert links.exit_code == 0, links.output
    assert "kandidaat-paren gescoord" in links.output and " <-> " in links.output
    assert (tmp_path / "m.xlsx").exists()
    bad_fit = tmp_path / "fit.csv"
    bad_fit.write_text("activiteit;nace_sectie;gewicht\nlogistiek;Z;1\n", encoding="utf-8")
    refused = run("missing-links", "--verband", "meetjesland", "--sectorfit", str(bad_fit))
    assert refused.exit_code == 1
    assert "rij 2, kolom 'nace_sectie': 'Z' is geen NACE-BEL 2008-code" in refused.output
    gaps = run("gaps", "--verband", "meetjesland")
    assert gaps.exit_code == 0 and "Partnergroepen" in gaps.output


def test_plan_event_command(run, tmp_path):
    run("demo", "--schaal", "0.05")
    plan = run(
        "plan-event", "--verband", "meetjesland", "--capacity", "6", "--to", str(tmp_path / "u.csv")
    )
    assert plan.exit_code == 0, plan.output
    assert "uitnodigingen; verwacht aantal nieuwe links" in plan.output
    assert (tmp_path / "u.csv").read_text(encoding="utf-8-sig").startswith("# SYNTHETISCHE")
    too_small = run("plan-event", "--verband", "meetjesland", "--capacity", "1")
    assert too_small.exit_code == 2


def test_backup_then_restore_brings_a_dataset_back(run, tmp_path):
    assert run("demo", "--schaal", "0.05").exit_code == 0
    made = run("backup", str(tmp_path / "kopie.sqlite"))
    assert made.exit_code == 0 and (tmp_path / "kopie.sqlite").is_file()
    assert run("demo", "--schaal", "0.05", "--dataset", "tweede").exit_code == 0
    restored = run("restore", str(tmp_path / "kopie.sqlite"))
    assert restored.exit_code == 0
    assert "datasets nu: demo." in restored.output
    assert "tweede" not in run("datasets").output
    refused = CliRunner().invoke(
        main, ["--db", str(tmp_path / "v.sqlite"), "restore", str(tmp_path / "geen.sqlite")]
    )
    assert refused.exit_code == 1 and "bestaat niet" in refused.output
    dated = run("backup")
    assert dated.exit_code == 0 and "reservekopieën" in dated.output


def test_forget_erases_an_actors_personal_data_in_every_dataset(tmp_path, tiny, monkeypatch):
    from verbinder.graphmodel.store import SQLiteStore

    monkeypatch.delenv("NEO4J_URI", raising=False)
    db = tmp_path / "v.sqlite"
    with SQLiteStore(db) as store:
        for name in ("a", "b"):
            store.save(tiny.replace(name=name))
    assert tiny.actor_by_id["wg"].contact_name == "Zoë Peeters"
    result = CliRunner().invoke(main, ["--db", str(db), "forget", "--actor", "wg"])
    assert result.exit_code == 0 and "(a, b)" in result.output
    with SQLiteStore(db) as store:
        for name in ("a", "b"):
            actor = store.load(name).actor_by_id["wg"]
            assert (actor.contact_name, actor.contact_email) == (None, None)
            assert actor.name == tiny.actor_by_id["wg"].name
            others = [a for a in store.load(name).actors if a.id != "wg"]
            assert others == [a for a in tiny.actors if a.id != "wg"]
            last = store.history(name)[-1]
            assert (last.action, last.file) == ("persoonsgegevens vergeten", "actor wg")
    again = CliRunner().invoke(main, ["--db", str(db), "forget", "--actor", "wg"])
    assert "geen dataset had er" in again.output
