"""The verbinder view against brute force: remove each actor and recompute every distance."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.metrics.crosssector import connected_pairs, cross_group_brokerage


def brute_force(graph: nx.Graph, sources: set, targets: set) -> dict:
    before = dict(nx.all_pairs_shortest_path_length(graph))
    result = {}
    for v in graph:
        rest = graph.copy()
        rest.remove_node(v)
        after = dict(nx.all_pairs_shortest_path_length(rest))
        longer = disconnected = 0
        for s in sources - {v}:
            for t in targets - {v}:
                if t not in before[s]:
                    continue
                if t not in after.get(s, {}):
                    disconnected += 1
                elif after[s][t] > before[s][t]:
                    longer += 1
        result[v] = (disconnected, longer)
    return result


@settings(max_examples=40, deadline=None)
@given(n=st.integers(4, 16), p=st.floats(0.1, 0.5), seed=st.integers(0, 10**6))
def test_equal_to_brute_force_on_random_graphs(n, p, seed):
    graph = nx.gnp_random_graph(n, p, seed=seed)
    sources = {v for v in graph if v % 3 == 0}
    targets = {v for v in graph if v % 3 == 1}
    result = cross_group_brokerage(graph, sources, targets)
    expected = brute_force(graph, sources, targets)
    pairs = connected_pairs(graph, sources, targets)
    assert result.attrs["connected_pairs"] == pairs
    subset = nx.betweenness_centrality_subset(graph, sources, targets, normalized=False)
    for v in graph:
        assert result.loc[v, "disconnected_pairs"] == expected[v][0]
        assert result.loc[v, "longer_pairs"] == expected[v][1]
        if pairs:
            # networkx halves subset betweenness on undirected graphs.
            assert result.loc[v, "share"] == pytest.approx(2 * subset[v] / pairs)


def test_regisseur_as_only_bridge():
    # Two SE actors and two employers, only connected through the regisseur.
    graph = nx.Graph([("se1", "se2"), ("se1", "reg"), ("reg", "wg1"), ("wg1", "wg2")])
    result = cross_group_brokerage(graph, {"se1", "se2"}, {"wg1", "wg2"})
    assert result.loc["reg", "share"] == 1.0
    assert result.loc["reg", "disconnected_pairs"] == 4
    # se1 carries se2's paths; it loses them (2 pairs) but its own pairs do not count.
    assert result.loc["se1", "disconnected_pairs"] == 2


def test_a_second_route_makes_pairs_longer_not_lost():
    graph = nx.Graph([("se", "reg"), ("reg", "wg"), ("se", "a"), ("a", "b"), ("b", "wg")])
    result = cross_group_brokerage(graph, {"se"}, {"wg"})
    assert result.loc["reg", "longer_pairs"] == 1
    assert result.loc["reg", "disconnected_pairs"] == 0


def test_no_connected_pairs_gives_zeros_and_overlap_is_refused():
    graph = nx.Graph([(1, 2)])
    graph.add_node(3)
    assert cross_group_brokerage(graph, {1}, {3})["share"].eq(0).all()
    with pytest.raises(ValueError):
        cross_group_brokerage(graph, {1, 2}, {2})


def test_without_dependency_only_shares_and_cut_pairs_are_computed():
    graph = nx.Graph([("se1", "se2"), ("se1", "reg"), ("reg", "wg1"), ("wg1", "wg2")])
    full = cross_group_brokerage(graph, {"se1", "se2"}, {"wg1", "wg2"})
    quick = cross_group_brokerage(graph, {"se1", "se2"}, {"wg1", "wg2"}, dependency=False)
    assert quick["share"].tolist() == full["share"].tolist()
    assert quick["disconnected_pairs"].tolist() == full["disconnected_pairs"].tolist()
    assert quick["dependent_pairs"].isna().all() and quick["longer_pairs"].isna().all()
