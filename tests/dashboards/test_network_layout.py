"""Positions of a large network: the names always shown do not overlap."""

from __future__ import annotations

from itertools import combinations

import networkx as nx
from verbinder.dashboards.network_layout import CANVAS, PHYSICS_LIMIT, network_positions

FONT = 18.2
NAMES = {"reg": "Regisseur Antwerpen", "vdab": "VDAB Antwerpen", "voka": "Voka Antwerpen"}


def _hubs() -> nx.Graph:
    """Three hubs tied to the same 450 organisations: a layout puts them on top of each other."""
    graph = nx.Graph()
    for hub in NAMES:
        graph.add_edges_from((hub, leaf) for leaf in range(PHYSICS_LIMIT + 50))
    nx.set_node_attributes(graph, NAMES, "name")
    return graph


def _apart(positions: dict, a, b) -> bool:
    """Two names of FONT pixels, centred under their nodes, can be read side by side on the
    drawing fitted into the canvas: a line of text apart vertically, or their half widths
    (at half a font size per character, a lower bound) apart horizontally."""
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    scale = min(CANVAS[0] / (max(xs) - min(xs)), CANVAS[1] / (max(ys) - min(ys)), 1.0)
    dx = abs(positions[a][0] - positions[b][0]) * scale
    dy = abs(positions[a][1] - positions[b][1]) * scale
    return dy >= FONT or dx >= 0.5 * FONT * (len(NAMES[a]) + len(NAMES[b])) / 2


def test_hubs_are_laid_out_on_top_of_each_other_without_spreading():
    positions = network_positions(_hubs(), 1, {})
    assert not any(_apart(positions, a, b) for a, b in combinations(NAMES, 2))


def test_the_names_always_shown_are_moved_apart():
    graph = _hubs()
    before = network_positions(graph, 1, {})
    after = network_positions(graph, 1, {}, labelled={"reg", "vdab", "voka", None}, font=FONT)
    assert all(_apart(after, a, b) for a, b in combinations(NAMES, 2))
    assert {n: after[n] for n in after if n not in NAMES} == {
        n: before[n] for n in before if n not in NAMES
    }  # nobody else moves
