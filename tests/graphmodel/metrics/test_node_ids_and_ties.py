"""Every metric with tuple node ids, and eigenvector centrality on components that tie."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.metrics.brokerage import brokerage
from verbinder.graphmodel.metrics.centrality import centrality
from verbinder.graphmodel.metrics.crosssector import cross_group_brokerage
from verbinder.graphmodel.metrics.structural_holes import structural_holes


def _sectors(G):
    for n in G:
        G.nodes[n]["sector"] = "se" if n % 3 else "regulier"
    return G


def _as_tuples(G):
    return nx.relabel_nodes(G, {n: ("actor", n) for n in G})


FRAMES = {
    "brokerage": lambda G: brokerage(nx.DiGraph(G)),
    "centrality": centrality,
    "structural_holes": structural_holes,
    "cross_group_brokerage": lambda G: cross_group_brokerage(
        G,
        [n for n, s in G.nodes(data="sector") if s == "se"],
        [n for n, s in G.nodes(data="sector") if s == "regulier"],
    ),
}


@pytest.mark.parametrize("metric", sorted(FRAMES))
def test_tuple_ids_give_the_same_values_as_integer_ids(metric):
    G = _sectors(nx.karate_club_graph())
    plain, tupled = FRAMES[metric](G), FRAMES[metric](_as_tuples(G))
    assert not isinstance(tupled.index, pd.MultiIndex)
    assert tupled.index.tolist() == [("actor", n) for n in plain.index]
    pd.testing.assert_frame_equal(
        tupled.reset_index(drop=True), plain.reset_index(drop=True), check_dtype=False
    )


def test_three_equal_pairs_are_equally_central():
    # Each pair has leading eigenvalue 1: all six are at the maximum (a solver alone gives an
    # arbitrary mix, for example [0, 0, 1, 1, 0, 0]).
    G = nx.Graph([(0, 1), (2, 3), (4, 5)])
    assert centrality(G, weight=None)["eigenvector"].tolist() == [1.0] * 6


def test_components_below_the_largest_eigenvalue_get_zero():
    # Two triangles (eigenvalue 2) tie; the pair (eigenvalue 1) and the isolate do not.
    G = nx.Graph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (6, 7)])
    G.add_node(8)
    values = centrality(G, weight=None)["eigenvector"]
    assert values.tolist() == pytest.approx([1.0] * 6 + [0.0] * 3)


def _expected_eigenvector(G):
    """The leading eigenvector of each component's dense adjacency matrix (numpy's symmetric
    eigensolver, not igraph's ARPACK), kept for the components whose leading eigenvalue is
    the graph's largest."""
    found = {}
    for members in nx.connected_components(G):
        if len(members) < 2:
            continue
        nodes = sorted(members)
        values, vectors = np.linalg.eigh(nx.to_numpy_array(G, nodelist=nodes, weight="weight"))
        vector = np.abs(vectors[:, -1])  # Perron vector: one sign, simple eigenvalue
        found[frozenset(members)] = (
            values[-1],
            dict(zip(nodes, vector / vector.max(), strict=True)),
        )
    largest = max((value for value, _ in found.values()), default=0)
    expected = dict.fromkeys(G, 0.0)
    for value, vector in found.values():
        if value >= largest * (1 - 1e-9):
            expected.update(vector)
    return expected


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 30), p=st.floats(0.02, 0.4), seed=st.integers(0, 10**6))
def test_eigenvector_equals_networkx_per_leading_component(n, p, seed):
    G = nx.gnp_random_graph(n, p, seed=seed)
    for i, (u, v) in enumerate(G.edges()):
        G.edges[u, v]["weight"] = 1 + (i + seed) % 3
    ours = centrality(G)["eigenvector"].to_dict()
    assert ours == pytest.approx(_expected_eigenvector(G), abs=1e-6)
