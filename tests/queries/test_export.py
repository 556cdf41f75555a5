"""Exports: every format imports again unchanged; personal data stays out by default."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.model import Actor, Dataset, Membership, Tie
from verbinder.graphmodel.reference import reference_verbanden
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, TieKind
from verbinder.loaders import load_dataset
from verbinder.queries.export import export_dataset


@pytest.mark.parametrize("target", ["demo.xlsx", "demo_csv", "demo.json"])
def test_demo_export_then_import_gives_an_identical_dataset(tmp_path, demo, target):
    path = export_dataset(demo, tmp_path / target)
    result = load_dataset(path, name="demo")
    assert result.dataset.same_content(demo)
    assert result.dataset.synthetic
    assert not result.report.errors


def test_graphml_holds_every_actor_and_arc(tmp_path, tiny):
    graph = nx.read_graphml(export_dataset(tiny, tmp_path / "tiny.graphml"), force_multigraph=True)
    assert graph.number_of_nodes() == 5
    assert graph.number_of_edges() == 5  # t1 both ways, t2-t4 once
    assert graph.nodes["wg"]["type"] == "werkgever"
    assert json.loads(graph.nodes["mwb"]["engagement"]) == {"v1": 2, "v2": 1}


@pytest.mark.parametrize("target", ["t.xlsx", "t_csv", "t.json", "t.graphml"])
def test_personal_data_only_on_request(tmp_path, tiny, target):
    def contents(path):
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        if path.suffix == ".xlsx":
            import openpyxl

            book = openpyxl.load_workbook(path)
            return " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row)
        return " ".join(f.read_text(encoding="utf-8-sig") for f in files)

    plain = contents(export_dataset(tiny, tmp_path / target))
    assert "Zoë Peeters" not in plain and "zoe@peeters.example" not in plain
    if target != "t.graphml":
        (tmp_path / "b").mkdir()
        full = export_dataset(tiny, tmp_path / "b" / target, include_personal=True)
        assert "Zoë Peeters" in contents(full)
        reread = load_dataset(full, name="tiny").dataset
        assert reread.same_content(tiny)


def test_a_text_that_looks_like_a_formula_stays_text_in_xlsx(tmp_path, tiny):
    actors = (*tiny.actors, Actor("f", '=HYPERLINK("x")', ActorType.ANDERE))
    path = export_dataset(tiny.replace(actors=actors), tmp_path / "f.xlsx")
    assert load_dataset(path, name="x").dataset.actor_by_id["f"].name == '=HYPERLINK("x")'


def test_no_csv_cell_starts_like_a_formula(tmp_path, tiny):
    hostile = ("=1+1", "+31", "-2", "@SUM(A1)", "\t=cmd|' /C calc'!A0", "\r=HYPERLINK(1)")
    actors = (
        *tiny.actors,
        *(Actor(f"h{i}", text, ActorType.ANDERE, note=text) for i, text in enumerate(hostile)),
    )
    folder = export_dataset(tiny.replace(actors=actors), tmp_path / "csv")
    with (folder / "actoren.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle, delimiter=";") for cell in row]
    for text in hostile:
        assert cells.count("'" + text) == 2
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_unknown_format_is_refused(tmp_path, tiny):
    with pytest.raises(ValueError, match="onbekend exportformaat"):
        export_dataset(tiny, tmp_path / "x.pdf")


# Text as a workbook cell holds it: no surrounding spaces, no control characters, no list
# separators inside list items.
cell = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs")), min_size=1, max_size=10
)
item = cell.filter(lambda s: not any(c in s for c in ";,|"))
# Excel keeps 15 significant digits (openpyxl writes 16): amounts as users type them fit.
coordinates = st.tuples(
    st.decimals(min_value=-90, max_value=90, places=5, allow_nan=False).map(float),
    st.decimals(min_value=-180, max_value=180, places=5, allow_nan=False).map(float),
)
numbers = st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False).map(float)


PLACES = [(None, None), ("Gent", "44021"), ("Sint-Truiden", "71053"), ("Lievegem", "44085")]


@st.composite
def simple_datasets(draw) -> Dataset:
    ids = draw(st.lists(item, min_size=2, max_size=5, unique=True))
    names = draw(st.lists(cell, min_size=len(ids), max_size=len(ids), unique=True))
    actors = tuple(
        Actor(
            aid,
            name,
            draw(st.sampled_from(ActorType)),
            # An imported place gets its NIS code (looked up by hand on statbel.fgov.be).
            **dict(zip(("municipality", "nis"), draw(st.sampled_from(PLACES)), strict=True)),
            # Unique: the loader keeps a repeated activity once, with a warning.
            activities=tuple(draw(st.lists(item, max_size=2, unique=True))),
            fte=draw(st.none() | numbers),
            memberships=(Membership("gent", draw(st.sampled_from(Engagement))),),
            note=draw(st.none() | cell),
            **dict(
                zip(
                    ("lat", "lon"), draw(st.sampled_from([(None, None)]) | coordinates), strict=True
                )
            ),
        )
        for aid, name in zip(ids, names, strict=True)
    )
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1]),
            max_size=5,
        )
    )
    synthetic = draw(st.booleans())
    # Synthetic ties only occur in synthetic datasets: the loader flags a dataset with
    # synthetic ties as synthetic (test_synthetic_ties_mark_the_dataset_synthetic).
    kinds = [p for p in Provenance if synthetic or p is not Provenance.SYNTHETISCH]
    ties = tuple(
        Tie(
            f"r{i}",
            a,
            b,
            draw(st.sampled_from(TieKind)),
            draw(numbers.filter(lambda w: w > 0)),
            provenance=draw(st.sampled_from(kinds)),
        )
        for i, (a, b) in enumerate(pairs)
    )
    gent = next(v for v in reference_verbanden() if v.id == "gent")
    return Dataset(
        "x",
        actors=actors,
        ties=ties,
        verbanden=(gent,),
        synthetic=synthetic,
        description=draw(cell),
        created=datetime(2024, 1, 1, tzinfo=UTC),
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(dataset=simple_datasets(), target=st.sampled_from(["x.xlsx", "x_csv"]))
def test_any_simple_dataset_survives_workbook_and_csv(tmp_path_factory, dataset, target):
    path = export_dataset(dataset, tmp_path_factory.mktemp("export") / target)
    loaded = load_dataset(path, name="x").dataset
    for got, want in zip(loaded.content(), dataset.content(), strict=True):
        assert got == want
