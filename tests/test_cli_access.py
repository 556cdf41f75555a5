"""Every CLI command under a roles file: a regisseur cannot read or change another verband, an
analist gets aggregates only, store-wide operations are for a beheerder (issue #7)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from verbinder.graphmodel.store import SQLiteStore
from verbinder.loaders.demo import generate_demo

from verbinder.cli import main

PER_VERBAND = {
    "report": ["report"],
    "brokers": ["brokers"],
    "profile": ["profile"],
    "change": ["change", "--van", "01/01/2016"],
    "missing-links": ["missing-links", "--top", "3"],
    "gaps": ["gaps"],
    "plan-event": ["plan-event", "--capaciteit", "6"],
}
"""Commands about one verband (``--verband`` is added by the test)."""
AGGREGATED = {"report", "profile"}
WHOLE_STORE = {
    "backup": ["backup"],
    "restore": ["restore", "x.sqlite"],
    "forget": ["forget", "--actor", "x"],
}
OTHER_COMMANDS = {
    "attendance": "test_attendance_for_another_verband_is_refused",
    "compare": "test_compare_datasets_history_and_export_show_only_the_own_part",
    "datasets": "test_compare_datasets_history_and_export_show_only_the_own_part",
    "history": "test_compare_datasets_history_and_export_show_only_the_own_part",
    "export": "test_compare_datasets_history_and_export_show_only_the_own_part",
    "demo": "test_writes_outside_the_own_verband_are_refused",
    "import": "test_writes_outside_the_own_verband_are_refused",
    "push": "test_neo4j_store.py::test_a_regisseur_pulls_their_part_and_pushes_it_back...",
    "pull": "test_neo4j_store.py::test_a_regisseur_pulls_their_part_and_pushes_it_back...",
    "duplicates": "test_duplicates.py::test_the_cli_lists_merges_and_undoes",
    "merge": "test_duplicates.py::test_the_cli_lists_merges_and_undoes",
    "unmerge": "test_duplicates.py::test_the_cli_lists_merges_and_undoes",
    "kbo": "test_kbo.py::test_a_regisseur_imports_the_register_only_for_their_own_verband",
    "template": "leest en schrijft geen databank",
    "survey-form": "leest en schrijft geen databank",
    "survey-import": "test_survey.py::test_a_regisseur_imports_only_their_own_answer",
    "validate": "leest en schrijft geen databank",
    "periode": "test_periods.py::test_only_a_beheerder_keeps_a_cycle",
    "dashboard": "test_access_pages.py",
    "rapport": "test_the_report_follows_the_roles",
    "netwerkbevraging": "test_cli_roster.py::test_a_regisseur_surveys_only_their_own_verband",
}


@pytest.fixture(scope="module")
def shared(tmp_path_factory, roles_text):
    folder = tmp_path_factory.mktemp("cli")
    with SQLiteStore(folder / "v.sqlite") as store:
        store.save(generate_demo(scale=0.1))
    (folder / "rollen.toml").write_text(roles_text, encoding="utf-8")
    return folder


def _run(folder, user: str, *args: str):
    base = ["--db", str(folder / "v.sqlite"), "--rollen", str(folder / "rollen.toml")]
    return CliRunner().invoke(main, [*base, "--gebruiker", user, *args])


def test_every_command_is_covered():
    listed = set(PER_VERBAND) | set(WHOLE_STORE) | set(OTHER_COMMANDS)
    assert set(main.commands) == listed


@pytest.mark.parametrize("command", sorted(PER_VERBAND))
def test_a_regisseur_is_refused_another_verband_and_served_their_own(shared, command):
    other = _run(shared, "an@gent.be", *PER_VERBAND[command], "--verband", "brugge")
    assert other.exit_code == 1
    assert "geen toegang tot verband 'brugge' (uw verbanden: gent)" in other.output
    own = _run(shared, "an@gent.be", *PER_VERBAND[command], "--verband", "gent")
    assert own.exit_code == 0, own.output


@pytest.mark.parametrize("command", sorted(PER_VERBAND))
def test_an_analist_gets_aggregates_of_any_verband_only(shared, command):
    result = _run(shared, "wse@vlaanderen.be", *PER_VERBAND[command], "--verband", "brugge")
    if command in AGGREGATED:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1
        assert "Als analist ziet u samengevoegde cijfers" in result.output


@pytest.mark.parametrize("command", sorted(WHOLE_STORE))
@pytest.mark.parametrize("user", ["an@gent.be", "wse@vlaanderen.be"])
def test_store_wide_operations_are_for_a_beheerder(shared, command, user):
    result = _run(shared, user, *WHOLE_STORE[command])
    assert result.exit_code == 1
    assert "Enkel een beheerder mag" in result.output


def test_a_beheerder_and_the_local_mode_see_everything(shared):
    result = _run(shared, "beheer@vlaanderen.be", "brokers", "--verband", "brugge", "--top", "2")
    assert result.exit_code == 0, result.output
    local = CliRunner().invoke(
        main, ["--db", str(shared / "v.sqlite"), "brokers", "--verband", "brugge", "--top", "2"]
    )
    assert local.exit_code == 0, local.output


def test_without_a_known_user_nothing_runs(shared):
    unknown = _run(shared, "eve@elders.be", "datasets")
    assert unknown.exit_code == 1 and "staat niet in het rollenbestand" in unknown.output
    anonymous = CliRunner().invoke(
        main,
        ["--db", str(shared / "v.sqlite"), "--rollen", str(shared / "rollen.toml"), "datasets"],
        env={"VERBINDER_GEBRUIKER": None, "NEO4J_USER": None},
    )
    assert anonymous.exit_code == 1 and "geen gebruiker" in anonymous.output


def test_compare_datasets_history_and_export_show_only_the_own_part(shared, tmp_path):
    compare = _run(shared, "an@gent.be", "compare")
    assert compare.exit_code == 0, compare.output
    table = compare.output.split("Legende:")[0].split("Code verband")[1].splitlines()[1:]
    rows = [line.split()[0] for line in table if line.strip()]
    assert rows == ["gent"]
    listing = _run(shared, "an@gent.be", "datasets")
    assert listing.exit_code == 0 and "actoren" not in listing.output
    history = _run(shared, "an@gent.be", "history")
    assert history.exit_code == 0 and "sha256" not in history.output
    target = tmp_path / "eigen.json"
    exported = _run(shared, "an@gent.be", "export", "--dataset", "demo", "--to", str(target))
    assert exported.exit_code == 0, exported.output
    text = target.read_text(encoding="utf-8")
    assert '"gent"' in text and '"brugge"' not in text
    refused = _run(shared, "wse@vlaanderen.be", "export", "--dataset", "demo", "--to", str(target))
    assert refused.exit_code == 1 and "Als analist" in refused.output


def test_writes_outside_the_own_verband_are_refused(shared, tmp_path):
    from verbinder.queries.export import export_dataset

    before = SQLiteStore(shared / "v.sqlite")
    version = before.dataset_version("demo")
    before.close()
    demo = _run(shared, "an@gent.be", "demo")
    assert demo.exit_code == 1 and "valt buiten uw verbanden (gent)" in demo.output
    workbook = export_dataset(generate_demo(scale=0.05), tmp_path / "alles.xlsx")
    imported = _run(shared, "an@gent.be", "import", str(workbook), "--dataset", "demo", "--vervang")
    assert imported.exit_code == 1 and "valt buiten uw verbanden (gent)" in imported.output
    analist = _run(shared, "wse@vlaanderen.be", "import", str(workbook), "--dataset", "nieuw")
    assert analist.exit_code == 1 and "Als analist mag u geen gegevens wijzigen" in analist.output
    with SQLiteStore(shared / "v.sqlite") as after:
        assert after.dataset_version("demo") == version
        assert [info.name for info in after.datasets()] == ["demo"]


def test_attendance_for_another_verband_is_refused(shared, tmp_path):
    sheet = tmp_path / "aanwezig.csv"
    sheet.write_text("organisatie\nVDAB\n", encoding="utf-8")
    result = _run(
        shared, "an@gent.be", "attendance", str(sheet), "--event", "Beurs", "--verband", "brugge"
    )
    assert result.exit_code == 1
    assert "evenement 'beurs' hoort niet bij een van uw verbanden" in result.output
    with SQLiteStore(shared / "v.sqlite") as store:
        assert not any(e.name == "Beurs" for e in store.load("demo").events)


def test_with_neo4j_the_user_is_the_neo4j_login(shared):
    # Found in review: --gebruiker could claim another identity than the server checked.
    result = CliRunner().invoke(
        main,
        [
            "--rollen",
            str(shared / "rollen.toml"),
            "--gebruiker",
            "beheer@vlaanderen.be",
            "datasets",
        ],
        env={
            "VERBINDER_STORE": "neo4j",
            "NEO4J_URI": "bolt://127.0.0.1:1",
            "NEO4J_USER": "an@gent.be",
        },
    )
    assert result.exit_code == 1
    assert "Met Neo4j bent u de Neo4j-gebruiker 'an@gent.be'" in result.output


def test_the_report_follows_the_roles(shared, tmp_path):
    target = str(tmp_path / "r.html")
    other = _run(shared, "an@gent.be", "rapport", "--verband", "brugge", "--to", target)
    assert other.exit_code == 1
    assert "geen toegang tot verband 'brugge'" in other.output
    own = _run(shared, "an@gent.be", "rapport", "--verband", "gent", "--to", target)
    assert own.exit_code == 0, own.output
    detail = _run(shared, "wse@vlaanderen.be", "rapport", "--verband", "brugge", "--to", target)
    assert detail.exit_code == 1 and "Als analist ziet u samengevoegde cijfers" in detail.output
    flanders = _run(shared, "wse@vlaanderen.be", "rapport", "--to", target)
    assert flanders.exit_code == 0, flanders.output
    assert "Brugge" in (tmp_path / "r.html").read_text(encoding="utf-8")
