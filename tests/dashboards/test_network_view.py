"""The pyvis view: offline HTML, names as data never markup, input untouched, no files."""

from __future__ import annotations

import json
import os
import re

import networkx as nx
from verbinder.dashboards.network_view import (
    PHYSICS_LIMIT,
    Style,
    Suggestion,
    external_references,
    render,
)
from verbinder.graphmodel.views import to_multidigraph


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
        render(graph, Style(size={"reg": 3.0, "mwb": 1.0}, highlight={"reg": "regisseur"}))
    finally:
        os.chdir(cwd)
    assert (dict(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))) == before
    assert list(tmp_path.iterdir()) == []


def test_large_graphs_get_a_fixed_layout_without_physics():
    graph = nx.path_graph(PHYSICS_LIMIT + 1)
    nx.set_node_attributes(graph, "overheid", "sector")
    page = render(graph)
    assert _options(page)["physics"]["enabled"] is False and '"x": ' in page
    small = render(nx.path_graph(5))
    assert '"x": ' not in small


def _data(page: str, name: str) -> list[dict]:
    """The nodes or edges pyvis embedded in ``page``."""
    return json.loads(re.search(name + r" = new vis\.DataSet\((\[.*?\])\);", page).group(1))


def _options(page: str) -> dict:
    """The vis-network options pyvis embedded in ``page`` (what every node and edge shares)."""
    return json.loads(re.search(r'options = (\{\s*"configure".*?\n\});', page, re.S).group(1))


def test_key_names_always_show_and_the_others_on_zoom(tiny):
    page = render(to_multidigraph(tiny), Style(labelled=frozenset({"reg"}), focus="mwb"))
    shared = _options(page)["nodes"]["scaling"]
    threshold = {
        n["id"]: n.get("scaling", shared)["label"]["drawThreshold"] for n in _data(page, "nodes")
    }
    assert threshold["reg"] == threshold["mwb"] == 0
    assert threshold["wg"] > 0
    assert 'var id = "mwb";' in page and "network.focus(id" in page


def test_actors_without_ties_sit_in_a_grid_below(tiny):
    graph = to_multidigraph(tiny)
    graph.add_node("alone1", name="Alleen 1", sector="overheid")
    graph.add_node("alone2", name="Alleen 2", sector="overheid")
    nodes = {n["id"]: n for n in _data(render(graph), "nodes")}
    assert nodes["alone1"]["physics"] is False and nodes["alone2"]["physics"] is False
    assert nodes["alone1"]["y"] == nodes["alone2"]["y"] > 0
    assert "x" not in nodes["reg"]  # tied actors keep the live layout


def test_suggestions_are_dashed_with_their_reason_and_the_legend_is_drawn(tiny):
    style = Style(
        suggestions=(Suggestion("mwb", "genk", 0.5, "Past bij <b>elkaar</b>."),),
        legend=(("#2e7d32", "sociale economie"), ("--#c62828", "voorgestelde schakel")),
    )
    page = render(to_multidigraph(tiny), style)
    dashed = [e for e in _data(page, "edges") if e.get("dashes")]
    assert [(e["from"], e["to"], e["title"]) for e in dashed] == [
        ("mwb", "genk", "Past bij <b>elkaar</b>.")
    ]
    assert "id='legende'" in page and "voorgestelde schakel" in page
    assert "border-top:3px dashed #c62828" in page


def test_the_legend_is_a_strip_above_the_drawing_with_a_mark_per_kind(tiny):
    style = Style(
        legend=(
            ("#2e7d32", "sociale economie"),
            ("()#000000", "dikke rand"),
            ("==#757575", "dikke lijn"),
        )
    )
    page = render(to_multidigraph(tiny), style)
    legend = page.index("id='legende'")
    assert page.index("<body>") < legend < page.index('id="mynetwork"')  # above, not over it
    assert "position:absolute" not in page[legend : page.index("</div>", legend)]
    assert "color:#2e7d32;font-size:18px'>&#9679;" in page  # a dot
    assert "border:3px solid #000000;border-radius:50%" in page  # a ring
    assert "border-top:5px solid #757575" in page  # a thick line


def test_the_regisseur_s_ties_to_both_economies_are_drawn_thick(tiny):
    # reg's only tie is overleg with gemeente genk (overheid): not a bridge; add one to wg.
    graph = to_multidigraph(tiny)
    graph.add_edge("reg", "wg", kind="samenwerking")
    page = render(graph, Style(bridging=frozenset({"reg"})))
    width = {(e["from"], e["to"]): e.get("width", 1) for e in _data(page, "edges")}  # vis: 1
    assert width[("reg", "wg")] == 4
    assert width[("reg", "genk")] == 1
    assert width[("mwb", "wg")] == 1  # not the regisseur's


def test_a_name_with_href_does_not_switch_pyvis_to_its_html_popup(tiny):
    graph = to_multidigraph(tiny)
    graph.nodes["wg"]["name"] = '<img src=x onerror="window.__pwned=1" data-href=1>'
    page = render(graph)
    assert "div.popup" not in page and "make a custom popup" not in page
    title = next(n["title"] for n in _data(page, "nodes") if n["id"] == "wg")
    assert title.startswith('<img src=x onerror="window.__pwned=1" data-hr\u2060ef=1>')


def test_only_directed_ties_get_an_arrow(tiny):
    graph = to_multidigraph(tiny)
    directed = {(u, v): bool(d.get("directed")) for u, v, d in graph.edges(data=True)}
    assert set(directed.values()) == {True, False}  # tiny has both kinds
    edges = _data(render(graph), "edges")
    assert {(e["from"], e["to"]): e["arrows"] == "to" for e in edges} == directed


def test_the_clickable_frame_loads_vis_network_as_a_file_from_its_own_folder(tiny):
    from verbinder.dashboards.network_frame import frame_folder
    from verbinder.dashboards.network_view import VIS_FILE, vis_script

    page = render(to_multidigraph(tiny), clickable=True)
    assert f'<script src="{VIS_FILE}"></script>' in page
    assert "new vis.Network" in page and len(page) < len(render(to_multidigraph(tiny))) - 400_000
    assert external_references(page) == []  # a file next to the frame's page, not outside
    folder = frame_folder()
    assert (folder / VIS_FILE).read_bytes() == vis_script().read_bytes()
    assert (folder / "index.html").is_file()


def test_boxes_stay_boxes_with_the_shared_options(tiny):
    page = render(to_multidigraph(tiny), Style(boxes=True))
    assert {n["shape"] for n in _data(page, "nodes")} == {"box"}
    assert _options(page)["nodes"]["font"]["color"] == "#ffffff"  # white names inside
