"""Where the organisations of a large network are drawn: a layout computed once, actors
without ties in a grid below, and named organisations moved apart until their names do not
overlap.

vis-network places a node's name under it and does not move names out of each other's way.
On the largest verband the regisseur, VDAB and the employers' organisation sit in the dense
middle of the layout, and :mod:`dashboards.network_view` keeps their names readable at the
first view (at least ``font`` pixels on screen), so the three were drawn over each other.
"""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Mapping

import igraph as ig
import networkx as nx

__all__ = ["PHYSICS_LIMIT", "network_positions"]

PHYSICS_LIMIT = 400
"""Above this many actors the layout is computed once (igraph, Fruchterman-Reingold) and the
browser's physics simulation is switched off, so that large verbanden stay smooth."""

CANVAS = (800, 650)
"""Pixels of the smallest drawing area (width, height) the names are spread for."""
CHARACTER = 0.6
"""Width of a character of a sans-serif font, in font sizes (generous: digits and capitals)."""
NODE = 20
"""Half the height of the largest dot, in drawing units (dots are 10-40 across)."""


def _layout(graph: nx.Graph, seed: int) -> dict:
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    simple = ig.Graph(
        n=len(nodes),
        edges=list({tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v}),
    )
    ig.set_random_number_generator(random.Random(seed))
    try:
        coords = simple.layout_fruchterman_reingold(niter=300)
    finally:
        ig.set_random_number_generator(random)
    scale = 12 * len(nodes) ** 0.5
    return {node: (x * scale, y * scale) for node, (x, y) in zip(nodes, coords.coords, strict=True)}


def _grid(nodes: list, top: float) -> dict:
    """Positions in rows below ``top``, for actors without ties."""
    columns = max(1, math.ceil(math.sqrt(len(nodes)) * 1.6))
    return {
        node: ((i % columns - (columns - 1) / 2) * 45, top + (i // columns) * 45)
        for i, node in enumerate(nodes)
    }


def _boxes(positions: Mapping, names: Mapping, font: float) -> dict:
    """Each named node's dot and name as a box (centre x, centre y, width, height) in drawing
    units, at the scale vis-network fits the whole drawing into :data:`CANVAS`."""
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    scale = min(CANVAS[0] / max(max(xs) - min(xs), 1.0), CANVAS[1] / max(max(ys) - min(ys), 1.0))
    size = font / min(scale, 1.0)  # the name is kept at least `font` pixels on screen
    boxes = {}
    for node, name in names.items():
        x, y = positions[node]
        width = max(CHARACTER * size * len(name), 2 * NODE)
        height = 2 * NODE + 1.6 * size  # a line and some space between names
        boxes[node] = [x, y - NODE + height / 2, width, height]
    return boxes


def _spread(positions: dict, names: Mapping, font: float, rounds: int = 200) -> dict:
    """Move the named nodes apart, each pair along the axis that needs the shorter move, until
    no two of their boxes (:func:`_boxes`) overlap."""
    if len(names) < 2:
        return positions
    boxes = _boxes(positions, names, font)
    order = sorted(boxes, key=str)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(order):
            for b in order[i + 1 :]:
                moved |= _push_apart(boxes[a], boxes[b])
        if not moved:
            break
    return positions | {
        node: (x, y + NODE - height / 2) for node, (x, y, _, height) in boxes.items()
    }


def _push_apart(one: list, other: list) -> bool:
    """Move two overlapping boxes apart (in place), half each, with a margin of 2%."""
    dx, dy = other[0] - one[0], other[1] - one[1]
    need_x = (one[2] + other[2]) / 2 - abs(dx)
    need_y = (one[3] + other[3]) / 2 - abs(dy)
    if need_x <= 0 or need_y <= 0:
        return False
    axis, need, delta = (0, need_x, dx) if need_x < need_y else (1, need_y, dy)
    step = 0.51 * need + 1e-9
    sign = 1.0 if delta >= 0 else -1.0
    one[axis] -= sign * step
    other[axis] += sign * step
    return True


def network_positions(
    graph: nx.Graph, seed: int, given: Mapping, *, labelled: Collection = (), font: float = 18.2
) -> dict:
    """Fixed positions (x, y) for vis-network: those ``given``, a precomputed layout for graphs
    above :data:`PHYSICS_LIMIT` actors with ties, a grid for actors without ties; in a
    precomputed layout the ``labelled`` nodes (their names shown at ``font`` pixels or more)
    moved apart so that their names do not overlap. Empty for a small graph: the browser's
    physics places it.
    """
    free = [n for n in graph if n not in given]
    alone = sorted((n for n in free if graph.degree(n) == 0), key=str)
    tied = graph.subgraph(n for n in free if graph.degree(n) > 0)
    positions = _layout(tied, seed) if len(tied) > PHYSICS_LIMIT else {}
    if positions:
        names = {n: str(graph.nodes[n].get("name", n)) for n in labelled if n in positions}
        positions = _spread(positions, names, font)
    if alone:
        ys = [y for _, y in positions.values()]
        top = (max(ys) if ys else 40 * len(tied) ** 0.5) + 120
        positions |= _grid(alone, top if len(tied) else 0.0)
    return positions | {n: given[n] for n in graph if n in given}
