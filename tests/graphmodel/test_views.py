"""Graph views: arcs per tie direction, summed weights, verband subgraphs, ties valid at a date."""

from datetime import date

from verbinder.graphmodel.views import to_multidigraph, to_weighted_graph, verband_subgraph


def test_multidigraph_has_one_arc_per_directed_tie_and_two_per_undirected(tiny):
    graph = to_multidigraph(tiny)
    # t1 overleg (undirected): 2 arcs; t2 aankoop, t3 toeleiding, t4 doorstroom: 1 arc each.
    assert graph.number_of_edges() == 5
    assert graph.has_edge("reg", "genk", "t1") and graph.has_edge("genk", "reg", "t1")
    assert graph.has_edge("genk", "mwb", "t2") and not graph.has_edge("mwb", "genk")
    assert graph.nodes["mwb"]["sector"] == "sociale_economie"
    assert graph.nodes["mwb"]["engagement"] == {"v1": 2, "v2": 1}
    assert graph.edges["genk", "mwb", "t2"]["kind"] == "aankoop"


def test_weighted_graph_sums_weights_of_all_ties_between_a_pair(tiny):
    graph = to_weighted_graph(tiny)
    assert graph.number_of_edges() == 4
    assert graph.edges["reg", "genk"]["weight"] == 2.0
    assert graph.edges["wg", "mwb"]["weight"] == 0.5


def test_ties_valid_at_a_date(tiny):
    # t1 starts 2018-01-01; t2 ends 2018-12-31; t3, t4 have no dates.
    assert {k for *_, k in to_multidigraph(tiny, at=date(2017, 6, 1)).edges(keys=True)} == {
        "t2",
        "t3",
        "t4",
    }
    assert {k for *_, k in to_multidigraph(tiny, at=date(2019, 6, 1)).edges(keys=True)} == {
        "t1",
        "t3",
        "t4",
    }


def test_verband_subgraph_keeps_members_only(tiny):
    graph = verband_subgraph(to_weighted_graph(tiny), "v2")
    assert list(graph.nodes) == ["mwb"]
    full = verband_subgraph(to_multidigraph(tiny), "v1")
    assert full.number_of_nodes() == 5 and full.number_of_edges() == 5


def test_views_do_not_share_state_with_the_dataset(tiny):
    graph = to_multidigraph(tiny)
    graph.nodes["mwb"]["engagement"]["v1"] = 0
    assert to_multidigraph(tiny).nodes["mwb"]["engagement"]["v1"] == 2
