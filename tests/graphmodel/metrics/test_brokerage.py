"""Gould-Fernandez brokerage: hand counts, an independent brute force, sna's moments."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.metrics.brokerage import ROLES, brokerage, brokerage_counts

GROUP = {"x": "A", "a1": "A", "a2": "A", "b1": "B", "b2": "B", "c1": "C"}


def hand_graph() -> nx.DiGraph:
    return nx.DiGraph(
        [
            ("a1", "x"),
            ("x", "a2"),
            ("b1", "x"),
            ("x", "b2"),
            ("x", "c1"),
            ("a1", "c1"),  # closes a1 -> x -> c1
            ("x", "a1"),  # makes a1 <-> x mutual
            ("c1", "b1"),
        ]
    )


def test_hand_counted_roles():
    counts = brokerage_counts(hand_graph(), groups=GROUP)
    # Broker x (group A): in(x) = {a1, b1}, out(x) = {a2, b2, c1, a1}.
    #   (a1, a2) A->A->A coordinator
    #   (a1, b2) A->A->B representative
    #   (a1, c1) closed by the arc a1 -> c1: not counted
    #   (a1, a1) a == c: not a two-path
    #   (b1, a2) B->A->A gatekeeper
    #   (b1, a1) B->A->A gatekeeper (no arc b1 -> a1)
    #   (b1, b2) B->A->B itinerant
    #   (b1, c1) B->A->C liaison
    assert counts.loc["x", list(ROLES)].tolist() == [1, 1, 1, 2, 1]
    assert counts.loc["x", "total"] == 6
    # Broker c1 (group C): in(c1) = {x, a1}, out(c1) = {b1}:
    #   (x, b1) A->C->B liaison; (a1, b1) A->C->B liaison.
    assert counts.loc["c1", list(ROLES)].tolist() == [0, 0, 0, 0, 2]
    # Broker b1 (group B): in = {c1}, out = {x}: (c1, x) C->B->A liaison.
    assert counts.loc["b1", "liaison"] == 1 and counts.loc["b1", "total"] == 1
    # Broker a1 (group A): in = {x}, out = {x, c1}: (x, x) excluded; (x, c1) closed by x -> c1.
    assert counts.loc["a1", "total"] == 0
    assert counts.loc[["a2", "b2"], "total"].tolist() == [0, 0]


def test_a_tie_from_target_back_to_source_does_not_close_the_path():
    # a -> b -> c with c -> a: still open, since only a -> c closes it.
    graph = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    counts = brokerage_counts(graph, groups={"a": 1, "b": 1, "c": 1})
    assert counts.loc["b", "coordinator"] == 1


def test_undirected_ties_count_as_two_arcs():
    # Path a - b - c, undirected: a->b->c and c->b->a are both open two-paths through b.
    graph = nx.Graph([("a", "b"), ("b", "c")])
    counts = brokerage_counts(graph, groups={"a": "S", "b": "R", "c": "S"})
    assert counts.loc["b", "itinerant"] == 2


def brute_force(graph: nx.DiGraph, group: dict) -> dict:
    """Every ordered triple, straight from the definition (independent of the fast path)."""
    result = {node: dict.fromkeys(ROLES, 0) for node in graph}
    for a, b, c in itertools.permutations(graph, 3):
        if graph.has_edge(a, b) and graph.has_edge(b, c) and not graph.has_edge(a, c):
            ga, gb, gc = group[a], group[b], group[c]
            if ga == gb == gc:
                role = "coordinator"
            elif ga == gc:
                role = "itinerant"
            elif ga == gb:
                role = "representative"
            elif gb == gc:
                role = "gatekeeper"
            else:
                role = "liaison"
            result[b][role] += 1
    return result


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(3, 12),
    p=st.floats(0.05, 0.6),
    k=st.integers(1, 4),
    seed=st.integers(0, 10**6),
)
def test_fast_counts_equal_the_brute_force(n, p, k, seed):
    graph = nx.gnp_random_graph(n, p, seed=seed, directed=True)
    group = {node: (node * 7 + seed) % k for node in graph}
    counts = brokerage_counts(graph, groups=group)
    expected = brute_force(graph, group)
    for node in graph:
        assert counts.loc[node, list(ROLES)].tolist() == [expected[node][r] for r in ROLES]


def test_expected_values_follow_sna_formulas():
    graph = hand_graph()
    result = brokerage(graph, groups=GROUP)
    N, arcs = 6, 8
    d = arcs / (N * (N - 1))
    p = d * d * (1 - d)
    q = d**3 * (1 - d) ** 3
    x = result.loc["x"]
    # Group sizes: A = 3 (x, a1, a2), B = 2, C = 1.
    assert x["coordinator_exp"] == pytest.approx(p * 2 * 1)
    assert x["itinerant_exp"] == pytest.approx(p * (2 * 1 + 1 * 0))
    assert x["representative_exp"] == pytest.approx(p * 3 * 2)
    assert x["gatekeeper_exp"] == pytest.approx(p * 3 * 2)
    assert x["liaison_exp"] == pytest.approx(p * (3**2 - (2**2 + 1**2)))
    assert x["total_exp"] == pytest.approx(p * 5 * 4)
    # The five roles partition all two-paths, so their expectations add up to the total.
    assert sum(x[f"{r}_exp"] for r in ROLES) == pytest.approx(x["total_exp"])
    coordinator_var = p * 2 * (1 - p) + 2 * 2 * 1 * 0 * q
    assert x["coordinator_sd"] == pytest.approx(math.sqrt(coordinator_var))
    assert x["coordinator_z"] == pytest.approx((1 - p * 2) / math.sqrt(coordinator_var))
    # Group C has one member: no coordinator role possible, so sd = 0 and z is undefined.
    assert result.loc["c1", "coordinator_exp"] == 0
    assert math.isnan(result.loc["c1", "coordinator_z"])
    liaison_var_c = p * (5**2 - (3**2 + 2**2)) * (1 - p) + 4 * q * (
        3 * math.comb(6 - 3 - 1, 2) + 2 * math.comb(6 - 2 - 1, 2)
    )
    assert result.loc["c1", "liaison_sd"] == pytest.approx(math.sqrt(liaison_var_c))


def test_groups_from_a_node_attribute_and_missing_groups():
    graph = nx.DiGraph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(graph, {"a": "se", "b": "overheid", "c": "regulier"}, "sector")
    assert brokerage_counts(graph).loc["b", "liaison"] == 1
    graph.add_node("d")
    with pytest.raises(ValueError, match="no group"):
        brokerage_counts(graph)
