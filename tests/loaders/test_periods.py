"""The verbanden of another policy cycle, loaded from a user's file and checked (#19).

The files are made here: a few invented verbanden on real municipalities, not real data.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from verbinder.loaders import LoadError
from verbinder.loaders.periods import load_period_verbanden

from verbinder.cli import main

HEADER = "id;naam;rechtsvorm;centrumstad;subsidie_eur;gemeenten"
ROWS = [
    "stad;Stad Gent;centrumstad;Gent;100000;Gent",
    'noord;Verband Noord;interlokale vereniging;;50000;"Nazareth; Eeklo"',
    'zuid;Verband Zuid;interlokale vereniging;;50000,00;"De Pinte;Maldegem"',
]


def _file(tmp_path, *rows: str):
    path = tmp_path / "verbanden-2020.csv"
    path.write_text("\n".join([HEADER, *rows]), encoding="cp1252")
    return path


def test_a_cycle_loads_with_its_years_and_warns_where_it_differs_from_the_notice(tmp_path):
    loaded = load_period_verbanden(_file(tmp_path, *ROWS), (2020, 2025))
    zuid = {v.id: v for v in loaded.verbanden}["zuid"]
    assert (zuid.period_start, zuid.period_end, zuid.subsidy_eur) == (2020, 2025, 50000.0)
    assert zuid.municipalities == ("De Pinte", "Maldegem")  # kept as typed
    warnings = sorted(p.message.split(":")[0] for p in loaded.report.warnings)
    assert warnings == ["gemeenten", "subsidie per jaar", "verbanden"]
    told = " ".join(p.message for p in loaded.report.warnings)
    assert "dit bestand telt 3, de bekendmaking noemt 37" in told
    assert "dit bestand telt 5, de bekendmaking noemt 238" in told  # Nazareth and De Pinte: two
    assert "€ 200.000, de bekendmaking noemt € 2.225.000" in told


def test_a_cycle_without_published_totals_loads_without_warnings(tmp_path):
    loaded = load_period_verbanden(_file(tmp_path, ROWS[0]), (2032, 2037))
    assert loaded.report.warnings == [] and loaded.verbanden[0].period_start == 2032


@pytest.mark.parametrize(
    ("rows", "period", "row", "column", "message"),
    [
        (
            [*ROWS, "west;Verband West;;;50000;Eeklo"],
            (2020, 2025),
            5,
            "gemeenten",
            "'Eeklo' (Eeklo, NIS-code 43005) hoort al bij verband 'noord' (rij 3)",
        ),
        (ROWS, (2026, 2031), 4, "gemeenten", "hoort al bij verband 'noord' (rij 3)"),
        (["x;X;;;1;Gentt"], (2020, 2025), 2, "gemeenten", "bedoelde u 'Gent'?"),
        (["x;X;;;1;Gent", "x;Y;;;1;Eeklo"], (2020, 2025), 3, "id", "staat er al op rij 2"),
    ],
)
def test_a_wrong_cycle_file_is_refused_with_the_place_of_each_error(
    tmp_path, rows, period, row, column, message
):
    with pytest.raises(LoadError) as refused:
        load_period_verbanden(_file(tmp_path, *rows), period)
    (error,) = refused.value.report.errors
    assert (error.row, error.column) == (row, f"'{column}'")
    assert message in error.message


def test_a_period_column_must_match_the_cycle(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text("id;naam;gemeenten;periode_van\nx;X;Gent;2019\n", encoding="utf-8")
    with pytest.raises(LoadError) as refused:
        load_period_verbanden(path, (2020, 2025))
    (error,) = refused.value.report.errors
    assert "dit bestand is voor 2020-2025, niet 2019" in error.message


def test_the_cli_checks_a_cycle_file_and_says_what_it_found(tmp_path):
    good = CliRunner().invoke(
        main, ["periode", str(_file(tmp_path, *ROWS)), "--periode", "2020-2025"]
    )
    assert good.exit_code == 0, good.output
    assert "Periode 2020-2025: 3 verbanden met samen 5 gemeenten." in good.output
    bad = tmp_path / "fout.csv"
    bad.write_text(f"{HEADER}\nx;X;;;1;Gentt\n", encoding="utf-8")
    refused = CliRunner().invoke(main, ["periode", str(bad), "--periode", "2020-2025"])
    assert refused.exit_code == 1 and "bedoelde u 'Gent'?" in refused.output


ACTORS = [
    ["id", "naam", "type", "gemeente", "verbanden", "betrokkenheid"],
    ["reg", "Regie Noord", "regisseur", "Eeklo", "noord", "zeer actief"],
    ["kw", "Kringwinkel Noord", "LDE", "Eeklo", "noord", "actief"],
    ["bak", "Bakkerij Noord", "werkgever", "Nazareth", "noord", "passief"],
    ["mwb", "Maatwerk Zuid", "maatwerkbedrijf", "Maldegem", "zuid", "actief"],
    ["gar", "Garage Zuid", "werkgever", "De Pinte", "zuid", "actief"],
]
TIES = [["bron", "doel", "soort"], ["reg", "kw", "overleg"], ["kw", "bak", "doorstroom"]]


def test_a_kept_cycle_is_the_reference_of_a_dataset_of_that_period(tmp_path, write_workbook):
    db = str(tmp_path / "v.sqlite")

    def run(*args: str):
        return CliRunner().invoke(main, ["--db", db, *args], catch_exceptions=False)

    cycle = _file(tmp_path, *ROWS)
    kept = run("periode", str(cycle), "--periode", "2020-2025", "--bewaar")
    assert kept.exit_code == 0 and "Bewaard als referentie voor 2020-2025" in kept.output
    data = write_workbook(tmp_path / "noord.xlsx", {"actoren": ACTORS, "relaties": TIES})

    unknown = run("import", str(data), "--dataset", "x")  # 2017-2019 has no 'noord'
    assert unknown.exit_code == 1 and "'noord' is geen gekend verband" in unknown.output
    not_kept = run("import", str(data), "--dataset", "x", "--periode", "2026-2031")
    assert not_kept.exit_code == 1
    assert "De verbanden van de periode 2026-2031 zijn nog niet bewaard" in not_kept.output

    imported = run("import", str(data), "--dataset", "noord", "--periode", "2020-2025")
    assert imported.exit_code == 0, imported.output
    assert "de referentiegegevens 2020-2025 worden gebruikt" in imported.output
    report = run("report", "--dataset", "noord", "--verband", "noord").output
    assert "Periode:         2020-2025" in report
    assert "Subsidie/jaar:   € 50.000" in report
    merged = "Nazareth (sinds 1 januari 2025 deel van Nazareth-De Pinte)"
    assert f"Gemeenten (2): {merged}, Eeklo" in report
    compared = run("compare", "--dataset", "noord").output
    assert "Beleidsperiode: 2020-2025" in compared
    table = compared.split("Legende:")[0].split("Code verband")[1].splitlines()[1:]
    codes = [line.split()[0] for line in table if line.strip()]
    assert codes == ["noord", "zuid"]  # only the verbanden the dataset names
    assert " gent " not in compared
    history = run("history").output
    assert "verbanden 2020-2025" in history


def test_only_a_beheerder_keeps_a_cycle(tmp_path, roles_text, monkeypatch):
    roles = tmp_path / "rollen.toml"
    roles.write_text(roles_text, encoding="utf-8")
    monkeypatch.setenv("VERBINDER_ROLLEN", str(roles))
    db = str(tmp_path / "v.sqlite")
    cycle = str(_file(tmp_path, *ROWS))
    args = ["--db", db, "periode", cycle, "--periode", "2020-2025", "--bewaar"]
    refused = CliRunner().invoke(main, ["--gebruiker", "an@gent.be", *args])
    assert refused.exit_code == 1 and "Als regisseur mag u geen verbanden" in refused.output
    allowed = CliRunner().invoke(main, ["--gebruiker", "beheer@vlaanderen.be", *args])
    assert allowed.exit_code == 0, allowed.output
