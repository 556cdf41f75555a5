"""Centrality through igraph equals networkx's definitions on small graphs."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.metrics.centrality import betweenness, centrality


@settings(max_examples=30, deadline=None)
@given(n=st.integers(3, 30), p=st.floats(0.05, 0.5), seed=st.integers(0, 10**6))
def test_equal_to_networkx(n, p, seed):
    graph = nx.gnp_random_graph(n, p, seed=seed)
    for i, (u, v) in enumerate(graph.edges()):
        graph.edges[u, v]["weight"] = 1 + (i + seed) % 3
    ours = centrality(graph)
    assert ours["degree"].to_dict() == dict(graph.degree())
    assert ours["weighted_degree"].to_dict() == pytest.approx(dict(graph.degree(weight="weight")))
    assert ours["betweenness"].to_dict() == pytest.approx(nx.betweenness_centrality(graph))
    assert ours["closeness"].to_dict() == pytest.approx(nx.closeness_centrality(graph))
    assert ours["pagerank"].to_dict() == pytest.approx(
        nx.pagerank(graph, tol=1e-10, max_iter=10_000), abs=1e-6
    )


def test_parallel_and_reciprocal_ties_add_up_to_one_weighted_edge():
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", weight=2.0)
    graph.add_edge("b", "a", weight=1.0)
    graph.add_edge("a", "c", weight=1.0)
    result = centrality(graph, engagement={"a": 3, "b": 1, "c": 0})
    assert result.loc["a", "degree"] == 2
    assert result.loc["a", "weighted_degree"] == 4.0
    # a: ties of weight 3 to b (engagement 1) and 1 to c (engagement 0) -> 3.
    # b: tie of weight 3 to a (engagement 3) -> 9.
    assert result.loc["a", "engaged_degree"] == 3.0
    assert result.loc["b", "engaged_degree"] == 9.0


def test_sampled_betweenness_estimates_the_exact_value():
    graph = nx.connected_watts_strogatz_graph(300, 6, 0.2, seed=1)
    exact = nx.betweenness_centrality(graph)
    # Every node as a source: the estimator is the exact value.
    assert betweenness(graph, sample=300) == pytest.approx(exact)
    # Unbiased: the mean over many samples of 30 sources approaches the exact value.
    runs = [betweenness(graph, sample=30, seed=seed) for seed in range(40)]
    for node in sorted(exact, key=exact.get)[-10:]:
        mean = sum(run[node] for run in runs) / len(runs)
        assert mean == pytest.approx(exact[node], rel=0.15)


def test_eigenvector_on_a_star_peaks_at_the_centre():
    result = centrality(nx.star_graph(5))
    assert result["eigenvector"].idxmax() == 0 and result.loc[0, "eigenvector"] == 1.0


def test_sampled_closeness_estimates_the_exact_value():
    from verbinder.graphmodel.metrics.centrality import closeness, to_igraph

    graph = nx.connected_watts_strogatz_graph(400, 6, 0.2, seed=3)
    igraph_graph, nodes = to_igraph(graph)
    exact = nx.closeness_centrality(graph)
    assert closeness(igraph_graph, sample=400).tolist() == pytest.approx([exact[v] for v in nodes])
    estimate = closeness(igraph_graph, sample=200, seed=1)
    for i, v in enumerate(nodes):
        assert estimate[i] == pytest.approx(exact[v], rel=0.1)


def test_sampled_closeness_is_exact_in_small_components_and_close_in_large_ones():
    from verbinder.graphmodel.metrics.centrality import EXACT_COMPONENT, closeness, to_igraph

    large = nx.connected_watts_strogatz_graph(EXACT_COMPONENT + 500, 6, 0.2, seed=3)
    small = nx.relabel_nodes(nx.path_graph(4), lambda v: f"p{v}")
    graph = nx.union(nx.union(large, small), nx.Graph([("x", "y")]))
    graph.add_node("alone")
    igraph_graph, nodes = to_igraph(graph)
    exact = nx.closeness_centrality(graph)  # networkx: Wasserman-Faust on disconnected graphs
    estimate = dict(zip(nodes, closeness(igraph_graph, sample=300, seed=2), strict=True))
    for v in [*small, "x", "y", "alone"]:
        assert estimate[v] == pytest.approx(exact[v], rel=1e-12)
    errors = [abs(estimate[v] - exact[v]) / exact[v] for v in large]
    assert max(errors) < 0.05


def test_an_undirected_tie_of_the_typed_view_counts_once():
    from verbinder.graphmodel.model import Actor, Dataset, Tie
    from verbinder.graphmodel.types import ActorType, TieKind
    from verbinder.graphmodel.views import to_multidigraph, to_weighted_graph

    dataset = Dataset(
        "x",
        actors=(
            Actor("a", "A", ActorType.LDE),
            Actor("b", "B", ActorType.WERKGEVER),
            Actor("c", "C", ActorType.WERKGEVER),
        ),
        ties=(
            Tie("t", "a", "b", TieKind.SAMENWERKING, 2.0),
            Tie("u", "a", "c", TieKind.DOORSTROOM),
        ),
    )
    typed = centrality(to_multidigraph(dataset))
    simple = centrality(to_weighted_graph(dataset))
    assert typed["weighted_degree"].tolist() == [3.0, 2.0, 1.0]
    assert typed["weighted_degree"].tolist() == simple["weighted_degree"].tolist()
