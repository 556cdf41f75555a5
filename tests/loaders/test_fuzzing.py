"""Fuzzing the loaders (issue #7, point 1): arbitrary bytes for every file that enters, fuzzed
cells in a valid workbook, and every crash atheris ever found, replayed.

The only allowed outcomes are a result or a LoadError whose problems name the file; a
result keeps what the user typed (names as typed, without surrounding spaces).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from verbinder.loaders import LoadError, load_dataset
from verbinder.queries.export import export_dataset

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import fuzz_loaders  # noqa: E402

REGRESSIONS = sorted(fuzz_loaders.REGRESSIONS.glob("*.bin"))


@pytest.mark.parametrize("case", REGRESSIONS, ids=[p.stem for p in REGRESSIONS])
def test_every_input_atheris_found_now_ends_in_a_result_or_a_located_message(case):
    target = next(
        t
        for t in sorted(fuzz_loaders.TARGETS, key=len, reverse=True)
        if case.stem.startswith(f"{t}-")
    )
    fuzz_loaders.check(target, case.read_bytes())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(fuzz_loaders.TARGETS)), st.binary(max_size=2048))
def test_arbitrary_bytes_never_crash_a_loader(target, data):
    fuzz_loaders.check(target, data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(fuzz_loaders.TARGETS)), st.data())
def test_a_mutated_valid_input_never_crashes_a_loader(target, data):
    seed = bytearray(fuzz_loaders.seeds(target)[0])
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(seed) - 1))
        seed[at] = data.draw(st.integers(0, 255))
    fuzz_loaders.check(target, bytes(seed))


cell_values = (
    st.none()
    | st.text(max_size=40)
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 1, 1))
    | st.sampled_from(["=1/0", "=SUM(A1:A2)", "#N/A", "  ", "0,5", "1.234,5", "ja", "zeer actief"])
)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    """A valid workbook of three organisations, two ties and an event: small, so that each
    example is fast."""
    from verbinder.graphmodel.model import Actor, Dataset, Event, Membership, Participation, Tie
    from verbinder.graphmodel.reference import reference_verbanden
    from verbinder.graphmodel.types import ActorType, Engagement, TieKind

    gent = (Membership("gent", Engagement.ACTIEF),)
    data = Dataset(
        "klein",
        actors=(
            Actor("a", "Kringwinkel Zoë", ActorType.LDE, "Gent", memberships=gent),
            Actor(
                "b",
                "Transport Peeters",
                ActorType.WERKGEVER,
                "Gent",
                nace=("49.410",),
                memberships=gent,
            ),
            Actor("c", "VDAB Gent", ActorType.VDAB, "Gent", memberships=gent),
        ),
        ties=(
            Tie("t1", "a", "b", TieKind.DOORSTROOM, 0.5),
            Tie("t2", "c", "a", TieKind.TOELEIDING),
        ),
        verbanden=tuple(v for v in reference_verbanden() if v.id == "gent"),
        events=(Event("e1", "Beurs", None, "gent"),),
        participations=(Participation("e1", "a"),),
    )
    return export_dataset(data, tmp_path_factory.mktemp("fuzz") / "klein.xlsx")


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_fuzzed_cells_give_a_result_or_located_messages(workbook, tmp_path, data):
    book = load_workbook(workbook)
    sheet = book[data.draw(st.sampled_from(book.sheetnames))]
    for _ in range(data.draw(st.integers(1, 6))):
        row = data.draw(st.integers(1, sheet.max_row + 1))
        column = data.draw(st.integers(1, sheet.max_column + 1))
        value = data.draw(cell_values)
        if isinstance(value, str) and any(ord(c) < 32 and c not in "\t\n\r" for c in value):
            value = value.encode("unicode_escape").decode()  # openpyxl refuses them outright
        sheet.cell(row, column).value = value
    path = tmp_path / "gefuzzed.xlsx"
    book.save(path)
    try:
        load_dataset(path, name="fuzz")
    except LoadError as exc:
        assert exc.report.errors
        assert all(problem.file == path.name for problem in exc.report.problems)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.text(min_size=1, max_size=60))
def test_any_name_is_kept_as_typed_or_refused_with_its_cell(workbook, tmp_path, name):
    name = "".join(c for c in name if c not in "\x00")  # NUL cannot be stored in a cell
    safe = (
        name.encode("unicode_escape").decode()
        if any(ord(c) < 32 and c not in "\t\n\r" for c in name)
        else name
    )
    book = load_workbook(workbook)
    cell = book["actoren"].cell(2, 2)
    cell.value = safe
    cell.data_type = (
        "s"  # typed text, also when it starts with '=' (else openpyxl writes a formula)
    )
    path = tmp_path / "naam.xlsx"
    book.save(path)
    expected = safe.strip().replace("\r\n", "\n").replace("\r", "\n")
    try:
        result = load_dataset(path, name="fuzz")
    except LoadError as exc:
        (problem,) = exc.report.errors
        assert (problem.sheet, problem.row, problem.column) == ("actoren", 2, "'naam' (B)")
        assert not expected or "\x7f" in expected
        return
    assert result.dataset.actors[0].name == expected
