"""Inhabitants from Statbel's population file, summed per verband of a cycle (#19).

The files are made here in Statbel's layout (TF_SOC_POP_STRUCT: one row per municipality, sex
and age, ``|``-separated); the numbers are invented, so every total below is a hand count.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from verbinder.graphmodel.store import SQLiteStore
from verbinder.loaders import LoadError
from verbinder.loaders.periods import load_period_verbanden, with_population
from verbinder.loaders.population import load_population

from verbinder.cli import main

HEADER = "CD_REFNIS|TX_DESCR_NL|CD_RGN_REFNIS|CD_SEX|CD_AGE|MS_POPULATION"
ROWS = [
    "43005|Eeklo|02000|M|30|100",
    "43005|Eeklo|02000|F|30|150",
    "44048|Nazareth|02000|M|40|70",
    "44048|Nazareth|02000|F|41|30",
    "44012|De Pinte|02000|F|50|200",
    "43010|Maldegem|02000|M|60|300",
    "44021|Gent|02000|F|20|1000",
    "21004|Brussel|04000|F|20|500",
]
CYCLE = [
    "id;naam;inwoners;gemeenten",
    "stad;Stad Gent;;Gent",
    'noord;Verband Noord;;"Nazareth; Eeklo"',
    'zuid;Verband Zuid;999;"De Pinte;Maldegem"',
]


def _write(tmp_path, name: str, lines: list[str], encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def test_rows_are_summed_per_flemish_municipality_of_the_file_s_year(tmp_path):
    population = load_population(_write(tmp_path, "TF_SOC_POP_STRUCT_2020.txt", [HEADER, *ROWS]))
    assert population.year == 2020
    assert population.by_nis == {
        "43005": 250,
        "44048": 100,
        "44012": 200,
        "43010": 300,
        "44021": 1000,
    }
    (info,) = population.report.problems
    assert info.message == "1 rij buiten het Vlaams Gewest niet gebruikt"


def test_an_older_file_names_its_columns_differently_and_says_its_year(tmp_path):
    lines = ["cd_year;CD_MUNTY_REFNIS;MS_POPULATION", "2018;44072;7", "2019;43005;9"]
    path = _write(tmp_path, "bevolking.csv", lines, "cp1252")
    population = load_population(path, 2018)
    assert population.by_nis == {"44072": 7}  # Zomergem, merged into Lievegem in 2019
    assert population.report.problems[0].message == "1 rij van een ander jaar niet gebruikt"
    with pytest.raises(LoadError):  # two years, none chosen
        load_population(path)
    population = load_population(_write(tmp_path, "bevolking.csv", lines[:1] + lines[2:]))
    assert (population.year, population.by_nis) == (2019, {"43005": 9})


@pytest.mark.parametrize(
    ("lines", "row", "column", "message"),
    [
        ([HEADER, "44086|Nazareth-De Pinte|02000|F|1|5"], 2, "CD_REFNIS", "NIS-code 44086 is geen"),
        ([HEADER, *ROWS[:2], "43005|Eeklo|02000|M|1|12,5"], 4, "MS_POPULATION", "'12,5' is geen"),
        (["CD_REFNIS|AANTAL", "43005|5"], None, None, "de kolom MS_POPULATION ontbreekt"),
    ],
)
def test_a_wrong_population_file_is_refused_with_the_place_of_the_error(
    tmp_path, lines, row, column, message
):
    with pytest.raises(LoadError) as refused:
        load_population(_write(tmp_path, "TF_SOC_POP_STRUCT_2020.txt", lines))
    (error,) = refused.value.report.errors
    assert (error.row, error.column) == (row, column and f"'{column}'")
    assert message in error.message


def test_a_file_without_a_year_asks_for_one(tmp_path):
    with pytest.raises(LoadError) as refused:
        load_population(_write(tmp_path, "bevolking.txt", [HEADER, *ROWS]))
    assert "zet het jaar in de bestandsnaam" in refused.value.report.errors[0].message


def test_a_cycle_gets_its_inhabitants_from_the_municipalities_as_they_were(tmp_path):
    cycle = load_period_verbanden(_write(tmp_path, "v.csv", CYCLE), (2020, 2025))
    population = load_population(_write(tmp_path, "TF_SOC_POP_STRUCT_2020.txt", [HEADER, *ROWS]))
    counted = {v.id: v for v in with_population(cycle, population).verbanden}
    assert counted["stad"].inhabitants == 1000
    assert counted["noord"].inhabitants == 350  # Nazareth 100 + Eeklo 250
    assert "Statbel, bevolking op 1 januari 2020" in counted["noord"].source
    assert counted["zuid"].inhabitants == 999  # the file's own number stays ...
    told = [p.message for p in cycle.report.warnings]
    assert "verband 'zuid': het bestand zegt 999 inwoners, Statbel telt er 500" in " ".join(told)


def test_a_population_outside_the_cycle_is_refused(tmp_path):
    cycle = load_period_verbanden(_write(tmp_path, "v.csv", CYCLE), (2020, 2025))
    population = load_population(_write(tmp_path, "TF_SOC_POP_STRUCT_2019.txt", [HEADER, *ROWS]))
    with pytest.raises(LoadError) as refused:
        with_population(cycle, population)
    assert "dit is de bevolking van 2019" in refused.value.report.errors[0].message


def test_the_cli_keeps_a_cycle_with_its_inhabitants(tmp_path):
    db = tmp_path / "v.sqlite"
    population = _write(tmp_path, "TF_SOC_POP_STRUCT_2020.txt", [HEADER, *ROWS])
    args = ["periode", str(_write(tmp_path, "v.csv", CYCLE)), "--periode", "2020-2025"]
    result = CliRunner().invoke(
        main, ["--db", str(db), *args, "--bevolking", str(population), "--bewaar"]
    )
    assert result.exit_code == 0, result.output
    assert "verband 'noord': 350 inwoners op 1 januari 2020" in result.output
    with SQLiteStore(db) as store:
        kept = {v.id: v.inhabitants for v in store.cycle((2020, 2025))}
    assert kept == {"stad": 1000, "noord": 350, "zuid": 999}
