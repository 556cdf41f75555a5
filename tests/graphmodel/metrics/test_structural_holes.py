"""Burt's measures: Borgatti's worked example and equality with networkx on random graphs."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.metrics.structural_holes import structural_holes

BORGATTI = [
    ("A", "B"),
    ("A", "F"),
    ("A", "G"),
    ("A", "E"),
    ("E", "G"),
    ("F", "G"),
    ("B", "G"),
    ("B", "D"),
    ("D", "G"),
    ("G", "C"),
]


def test_borgatti_1997_worked_example():
    holes = structural_holes(nx.Graph(BORGATTI))
    # Borgatti (1997): effective size G 4.67, A 2.50, C 1; constraint G 0.400, A 0.595, C 1.
    assert holes.loc["G", "effective_size"] == pytest.approx(4.667, abs=1e-3)
    assert holes.loc["A", "effective_size"] == pytest.approx(2.5)
    assert holes.loc["C", "effective_size"] == pytest.approx(1.0)
    assert holes.loc["G", "constraint"] == pytest.approx(0.400, abs=1e-3)
    assert holes.loc["A", "constraint"] == pytest.approx(0.595, abs=1e-3)
    assert holes.loc["C", "constraint"] == pytest.approx(1.0)
    # Efficiency: G has 6 contacts, A has 4.
    assert holes.loc["G", "efficiency"] == pytest.approx(4.667 / 6, abs=1e-3)
    assert holes.loc["A", "efficiency"] == pytest.approx(2.5 / 4)


def test_hierarchy_by_hand():
    # A star: the centre's four contacts constrain it equally, so hierarchy is 0.
    holes = structural_holes(nx.star_graph(4))
    assert holes.loc[0, "hierarchy"] == pytest.approx(0.0)
    # Node 1 of a path 0-1-2 plus a pendant 2-3: contacts 0 and 2, p = 1/2 each;
    # c_10 = (1/2)^2 = 0.25; c_12 = (1/2 + 0)^2 = 0.25 -> equal shares -> hierarchy 0.
    # Node 2 in triangle 1-2-3 with pendant 3-4: contacts 1 (p=1/2), 3 (p=1/2);
    # p_13 = 1/2, p_31 = 1/2: c_21 = (1/2 + 1/2 * 1/2)^2 = 0.5625, c_23 = (1/2 + 1/2*1/2)^2
    # equal again. So build an unequal case: node 0 with contacts 1, 2, 3 where 1-2 are tied.
    graph = nx.Graph([(0, 1), (0, 2), (0, 3), (1, 2)])
    # p_0j = 1/3 each; p_12 = p_21 = 1/2; c_01 = (1/3 + 1/3 * 1/2)^2 = 0.25 = c_02; c_03 = 1/9.
    c = [0.25, 0.25, 1 / 9]
    total = sum(c)
    ratios = [x / (total / 3) for x in c]
    expected = sum(r * math.log(r) for r in ratios) / (3 * math.log(3))
    holes = structural_holes(graph)
    assert holes.loc[0, "constraint"] == pytest.approx(total)
    assert holes.loc[0, "hierarchy"] == pytest.approx(expected)
    assert math.isnan(holes.loc[3, "hierarchy"])  # one contact: 0 / 0


def test_isolated_nodes_are_nan():
    graph = nx.Graph([(0, 1)])
    graph.add_node(2)
    holes = structural_holes(graph)
    assert holes.loc[2].isna().all()


def _compare(graph: nx.Graph, weight: str | None) -> None:
    ours = structural_holes(graph, weight=weight)
    # Passing ``nodes`` selects networkx's definition loop. Its default sparse path for all
    # nodes divides by the column maximum instead of the row maximum (networkx 3.6.1), which
    # differs from the definition on weighted graphs.
    reference_size = nx.effective_size(graph, nodes=list(graph), weight=weight)
    reference_constraint = nx.constraint(graph, nodes=list(graph), weight=weight)
    for node in graph:
        if graph.is_directed() and not graph.succ[node] and graph.pred[node]:
            # networkx calls a node with only incoming ties isolated (it looks at G[v], the
            # successors); Burt's contacts include in-neighbours, so ours is defined there.
            assert not math.isnan(ours.loc[node, "effective_size"])
            continue
        for column, reference in (
            ("effective_size", reference_size),
            ("constraint", reference_constraint),
        ):
            if math.isnan(reference[node]):
                assert math.isnan(ours.loc[node, column])
            else:
                assert ours.loc[node, column] == pytest.approx(reference[node], rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(2, 25),
    p=st.floats(0.05, 0.5),
    seed=st.integers(0, 10**6),
    directed=st.booleans(),
    weighted=st.booleans(),
)
def test_equal_to_networkx_on_random_graphs(n, p, seed, directed, weighted):
    graph = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    if weighted:
        for i, (u, v) in enumerate(graph.edges()):
            graph.edges[u, v]["w"] = 1 + (i * 7919 + seed) % 5
    _compare(graph, "w" if weighted else None)


def test_networkx_directed_example():
    # networkx's own directed test case: constraint 1.003, 1.003, 1.389; effective size 1.167.
    graph = nx.DiGraph([(0, 1), (0, 2), (1, 0), (2, 1)])
    holes = structural_holes(graph).round(3)
    assert holes["constraint"].tolist() == [1.003, 1.003, 1.389]
    assert holes.loc[0, "effective_size"] == 1.167
