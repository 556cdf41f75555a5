"""The pyvis view: offline HTML, names as data never markup, input untouched, no files."""

from __future__ import annotations

import os

import networkx as nx

from dashboards.network_view import PHYSICS_LIMIT, external_references, render
from graphmodel.views import to_multidigraph


def test_no_outside_resource_is_loaded(demo):
    page = render(to_multidigraph(demo, verband_id="meetjesland"))
    assert external_references(page) == []
    assert "cdn.jsdelivr" not in page and "node_modules" not in page
    assert "new vis.Network" in page  # vis-network itself is inline


def test_hostile_names_are_data_not_markup(tiny):
    graph = to_multidigraph(tiny)
    graph.nodes["wg"]["name"] = "</script><img src=x onerror=alert(1)>"
    page = render(graph)
    assert "<img src=x" not in page and "</script><img" not in page
    assert "\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e" in page


def test_input_graph_is_not_changed_and_nothing_is_written(tmp_path, tiny):
    graph = to_multidigraph(tiny)
    before = (dict(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)))
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        render(graph, size={"reg": 3.0, "mwb": 1.0}, highlight={"reg": "regisseur"})
    finally:
        os.chdir(cwd)
    assert (dict(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))) == before
    assert list(tmp_path.iterdir()) == []


def test_large_graphs_get_a_fixed_layout_without_physics():
    graph = nx.path_graph(PHYSICS_LIMIT + 1)
    nx.set_node_attributes(graph, "overheid", "sector")
    page = render(graph)
    assert '"physics": false' in page and '"x": ' in page
    small = render(nx.path_graph(5))
    assert '"x": ' not in small
