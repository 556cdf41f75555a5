"""The CLI speaks Dutch to the end and never shows a traceback.

Every command of the tree is called with missing, empty, wrong-typed and hostile arguments, on
an empty store, with an unknown dataset and with a database path that cannot be a database; the
answer must be a Dutch message and a non-zero exit, never an exception escaping click. The
tests run as root in CI, so a read-only file is not read-only to them: a database path under a
plain file and a directory given as the database stand in for a store that cannot be opened.
"""

from __future__ import annotations

import ast
import contextlib
import re
import tempfile
from pathlib import Path

import click
import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.store import SQLiteStore
from verbinder.loaders.demo import generate_demo
from verbinder.queries.brokers import brokers
from verbinder.queries.catalogue import measure

from verbinder import click_nl
from verbinder.cli import main

ENGLISH = re.compile(
    r"Traceback|Error:|Usage:|Missing (option|argument)|Invalid value|No such (option|command)"
    r"|is not a valid|does not exist|\[required\]|\[default:"
)
HOSTILE = [
    "",
    " ",
    "x",
    "-1",
    "0",
    "nan",
    "1e999",
    "../x",
    "'; DROP TABLE x;--",
    "<script>alert(1)</script>",
    "ü€\u202e",
    "\x00",
    "%s%n",
    "a" * 500,
]
WRITERS = {"dashboard", "demo", "template", "backup", "restore", "survey-form", "kbo"}
"""Commands left out of the random calls: they start a server, write files where they are
told or build large data; each is covered with wrong arguments above."""


def _commands() -> dict[str, click.Command]:
    return dict(main.commands)


def _run(args: list[str], db: Path) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as work, contextlib.chdir(work):  # what it writes
        result = CliRunner().invoke(
            main, ["--db", str(db), *args], prog_name="verbinder", catch_exceptions=True
        )
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not escaped, f"{args}: {result.exception!r}"
    return result.exit_code, result.output


def _assert_dutch_refusal(args: list[str], db: Path) -> None:
    code, output = _run(args, db)
    assert code != 0, (args, output)
    assert not ENGLISH.search(output), (args, output)
    assert "Fout:" in output or "Gebruik:" in output, (args, output)


def _click_messages() -> set[str]:
    """Every message click marks for translation (its first, singular text)."""
    found = set()
    for source in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def test_every_message_of_click_has_dutch_or_is_for_programmers_only():
    known = set(click_nl.DUTCH) | set(click_nl.PLURALS) | set(click_nl.UNUSED)
    assert _click_messages() - known == set()
    assert "Missing option" in _click_messages()  # the scan finds click's messages


def test_help_of_every_command_is_dutch(tmp_path):
    for name in [None, *_commands()]:
        code, output = _run([name, "--help"] if name else ["--help"], tmp_path / "v.sqlite")
        assert code == 0
        assert "Gebruik: verbinder" in output and "Opties:" in output, name
        assert not ENGLISH.search(output), (name, output)
        assert "%d/%m/%Y" not in output and "[OPTIONS]" not in output, (name, output)


def test_missing_option_and_wrong_value_are_said_in_dutch(demo_store):
    db = demo_store
    code, output = _run(["plan-event", "--verband", "gent", "--capacity", "x"], db)
    assert code == 2
    assert "'--capacity' / '--capaciteit': 'x' is geen geldig geheel getal." in output
    code, output = _run(["profile"], db)
    assert "Ontbrekende optie '--verband'." in output
    code, output = _run(["change", "--verband", "gent", "--van", "31-12-2019"], db)
    assert "schrijf ze als DD/MM/JJJJ" in output
    code, output = _run(["profiel"], db)
    assert "Onbekend commando 'profiel'." in output
    code, output = _run(["--version"], db)
    assert "versie" in output


def test_every_command_refuses_no_arguments_and_each_option_empty(tmp_path):
    db = tmp_path / "v.sqlite"
    for name, command in _commands().items():
        if name == "dashboard":
            continue  # without arguments it starts a server; its options are checked below
        required = [p for p in command.params if p.required]
        if required:
            _assert_dutch_refusal([name], db)
        for param in command.params:
            if isinstance(param, click.Option) and not param.is_flag:
                _assert_dutch_refusal([name, param.opts[0], "", "--verband", "x"], db)


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """An empty store, and two paths that cannot be a store."""
    folder = tmp_path_factory.mktemp("stores")
    (folder / "plain").write_text("geen databank")
    (folder / "map.sqlite").mkdir()
    return {
        "leeg": folder / "leeg.sqlite",
        "onder een bestand": folder / "plain" / "v.sqlite",
        "een map": folder / "map.sqlite",
        "geen databank": folder / "plain",
    }


READ_COMMANDS = [
    ["report", "--verband", "gent"],
    ["brokers", "--verband", "gent"],
    ["profile", "--verband", "gent"],
    ["compare"],
    ["change", "--verband", "gent"],
    ["missing-links"],
    ["plan-event", "--verband", "gent", "--capacity", "10"],
    ["gaps", "--verband", "gent"],
    ["duplicates"],
    ["export", "--to", "x.xlsx"],
]


@pytest.mark.parametrize("where", ["leeg", "onder een bestand", "een map", "geen databank"])
def test_read_commands_on_an_empty_or_broken_store_say_why(stores, where):
    for args in READ_COMMANDS:
        code, output = _run(args, stores[where])
        assert code != 0, (where, args, output)
        assert "Fout:" in output and not ENGLISH.search(output), (where, args, output)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "v.sqlite"
    with SQLiteStore(path) as store:
        store.save(generate_demo(scale=0.05))
    return path


def test_an_unknown_dataset_lists_the_datasets_there_are(tmp_path, demo_store):
    code, output = _run(["report", "--dataset", "gentt", "--verband", "gent"], demo_store)
    assert code == 2
    assert "er is geen dataset 'gentt'; wel: demo" in output


def test_without_dataset_the_only_one_is_used(demo_store):
    code, output = _run(["report", "--verband", "gent"], demo_store)
    assert code == 0, output
    assert "Dataset: demo" in output


def test_with_several_datasets_the_error_lists_them(tmp_path, demo_store):
    db = tmp_path / "twee.sqlite"
    db.write_bytes(demo_store.read_bytes())
    assert _run(["demo", "--dataset", "tweede", "--schaal", "0.05"], db)[0] == 0
    code, output = _run(["report", "--verband", "gent"], db)
    assert code == 2
    assert "Kies een dataset met --dataset: demo, tweede." in output


OPTION_VALUES = st.sampled_from(HOSTILE)
ARGUMENT_LISTS = st.tuples(
    st.sampled_from(sorted(set(_commands()) - WRITERS)),
    st.lists(
        st.one_of(
            st.sampled_from(
                sorted({o for c in _commands().values() for p in c.params for o in p.opts})
            ),
            OPTION_VALUES,
        ),
        max_size=6,
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(call=ARGUMENT_LISTS)
def test_random_arguments_never_give_a_traceback(tmp_path_factory, call):
    name, args = call
    db = tmp_path_factory.getbasetemp() / "hypothesis.sqlite"
    code, output = _run([name, *args], db)
    assert "Traceback" not in output
    if code != 0:
        assert "Fout:" in output or "Gebruik:" in output, (name, args, output)
        assert not ENGLISH.search(output), (name, args, output)


def test_tables_print_counts_as_integers_decimals_with_a_comma_and_a_legend(demo_store):
    with SQLiteStore(demo_store) as store:
        demo = store.load("demo")
    members = len(demo.members_of("gent"))
    code, output = _run(["profile", "--verband", "gent"], demo_store)
    assert code == 0, output
    line = next(x for x in output.splitlines() if x.strip().startswith("Aantal organisaties"))
    assert line.split()[2] == str(members)  # 221, never 221.000 or 221,000
    code, output = _run(["brokers", "--verband", "gent", "--top", "3"], demo_store)
    top = brokers(demo, "gent").iloc[0]
    size = f"{top['effectieve_omvang']:.2f}".replace(".", ",")
    assert re.search(rf"\s{re.escape(size)}\s", output), (size, output)  # 35,05 not 35.05
    assert "Legende:" in output and "Niet-overlappende contacten:" in output
    code, output = _run(["compare"], demo_store)
    assert code == 0 and "Legende:" in output
    rows = output.split("Legende:")[0].split("Code verband")[1].splitlines()[1:]  # below heads
    assert rows and not re.search(r"\d\.000\b", "\n".join(rows))  # a rank or count shown as 19.000
    code, output = _run(["gaps", "--verband", "gent"], demo_store)
    assert code == 0 and "False" not in output and "True" not in output
    assert re.search(r"\s(ja|nee)\s*$", output, re.M)


def test_history_after_attendance_shows_the_file_without_a_hash(tmp_path, demo_store):
    db = tmp_path / "v.sqlite"
    db.write_bytes(demo_store.read_bytes())
    attendance = tmp_path / "aanwezig.csv"
    with SQLiteStore(db) as store:
        member = store.load("demo").members_of("gent")[0]
    attendance.write_text(f"organisatie;actor\n{member.name};{member.id}\n", encoding="utf-8")
    code, output = _run(["attendance", str(attendance), "--event", "Matchmaking"], db)
    assert code == 0, output
    code, output = _run(["history"], db)
    assert code == 0, output
    assert "aanwezigheden matchmaking uit" in output and "aanwezig.csv" in output


def test_every_export_explains_its_columns_and_profile_holds_all_three_tables(tmp_path, demo_store):
    target = tmp_path / "profiel.xlsx"
    code, output = _run(["profile", "--verband", "gent", "--to", str(target)], demo_store)
    assert code == 0, output
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["info", "netwerkmaten", "sectorgroepen", "betrokkenheid", "uitleg"]
    explained = {row[0]: row for row in book["uitleg"].iter_rows(min_row=2, values_only=True)}
    assert {"maat", "waarde", "dichtheid", "ei_verwacht", "aandeel_actief"} <= set(explained)
    assert explained["dichtheid"][1] == measure("dichtheid").name
    for command in (["brokers", "--verband", "gent"], ["compare"]):
        target = tmp_path / f"{command[0]}.xlsx"
        assert _run([*command, "--to", str(target)], demo_store)[0] == 0
        book = openpyxl.load_workbook(target)
        headers = [c.value for c in book["resultaat"][1]]
        codes = [row[0] for row in book["uitleg"].iter_rows(min_row=2, values_only=True)]
        assert codes == headers
    csv_target = tmp_path / "profiel.csv"
    assert _run(["profile", "--verband", "gent", "--to", str(csv_target)], demo_store)[0] == 0
    assert (tmp_path / "profiel-sectorgroepen.csv").exists()
    assert (tmp_path / "profiel-betrokkenheid.csv").exists()
    first = csv_target.read_text(encoding="utf-8-sig").splitlines()
    assert "# dichtheid: Dichtheid. " in "\n".join(first)
