"""The one place that talks to pyvis: a typed graph in, self-contained offline HTML out.

pyvis 0.3.2 is the last release and has traps (STYLE.md): ``show``/``write_html`` write files,
``from_nx`` mutates its input, ``cdn_resources="in_line"`` still links Bootstrap from a CDN and
a ``vis.css`` from ``../node_modules``. :func:`render` builds the Network node by node from
our own attributes, calls ``generate_html()`` only, and removes every tag that loads an
outside resource.

Actor names are user input. They reach the page as data, never as markup: pyvis embeds the
nodes with Jinja's ``tojson``, which writes ``<``, ``>``, ``&`` and ``'`` as ``\\u003c`` and so
on (nothing can close the script), and vis-network 9 draws labels on a canvas and shows string
tooltips as plain text. Escaping them once more would show ``&amp;`` in "Café & Co".
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

import igraph as ig
import networkx as nx
from pyvis.network import Network

__all__ = ["PHYSICS_LIMIT", "SECTOR_COLOURS", "external_references", "render"]

PHYSICS_LIMIT = 400
"""Above this many actors the layout is computed once (igraph, Fruchterman-Reingold) and the
browser's physics simulation is switched off, so that large verbanden stay smooth."""

SECTOR_COLOURS = {
    "sociale_economie": "#2e7d32",
    "reguliere_economie": "#1565c0",
    "overheid": "#6d4c41",
    "intermediair": "#f9a825",
}
"""Colour per sector group (also shown in the dashboard's legend)."""

_EXTERNAL_TAG = re.compile(
    r"<(?:script|link)\b[^>]*(?:src|href)\s*=\s*[\"'](?:https?:)?//[^\"']*[\"'][^>]*>"
    r"(?:\s*</script>)?|<(?:script|link)\b[^>]*(?:src|href)\s*=\s*[\"']\.\./[^\"']*[\"'][^>]*>"
    r"(?:\s*</script>)?",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"\b(?:src|href)\s*=\s*[\"']((?:https?:)?//[^\"']*|\.\./[^\"']*)[\"']", re.IGNORECASE
)


def external_references(page: str) -> list[str]:
    """Every ``src``/``href`` in ``page`` that points outside it (empty for offline HTML)."""
    return _REFERENCE.findall(page)


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


def render(
    graph: nx.Graph,
    *,
    size: Mapping | None = None,
    highlight: Mapping | None = None,
    height: str = "650px",
    seed: int = 1,
) -> str:
    """Self-contained HTML (no outside resource) showing ``graph`` with vis-network.

    Parameters
    ----------
    graph : networkx graph
        A view of :mod:`graphmodel.views`: nodes carry ``name``, ``type``, ``sector``; edges
        ``kind`` (and ``directed`` for the typed view). It is not changed.
    size : mapping node -> float, optional
        Drives the node size (for example a centrality); scaled to 10-40 pixels.
    highlight : mapping node -> str, optional
        A short Dutch note per node to highlight (regisseur, top broker): drawn with a thick
        border and added to its tooltip.
    height : str
    seed : int
        Seed of the precomputed layout for large graphs.
    """
    network = Network(
        height=height,
        width="100%",
        directed=graph.is_directed(),
        notebook=False,
        cdn_resources="in_line",
    )
    values = dict(size or {})
    low, high = (min(values.values()), max(values.values())) if values else (0.0, 0.0)
    marked = dict(highlight or {})
    positions = _layout(graph, seed) if len(graph) > PHYSICS_LIMIT else {}
    for node, data in graph.nodes(data=True):
        name = str(data.get("name", node))
        tooltip = [f"{name}", f"type: {data.get('type', '')}"]
        if node in marked:
            tooltip.append(str(marked[node]))
        scaled = 10 + 30 * ((values.get(node, low) - low) / (high - low)) if high > low else 15
        options = {
            "label": name,
            "title": "\n".join(tooltip),
            "color": SECTOR_COLOURS.get(data.get("sector"), "#9e9e9e"),
            "size": scaled,
            "borderWidth": 5 if node in marked else 1,
        }
        if node in positions:
            options.update(x=positions[node][0], y=positions[node][1], physics=False)
        network.add_node(str(node), **options)
    seen = set()
    for u, v, data in graph.edges(data=True):
        key = (u, v, data.get("kind"))
        if key in seen:
            continue
        seen.add(key)
        network.add_edge(
            str(u),
            str(v),
            title=str(data.get("kind", "")),
            arrows="to" if data.get("directed") else "",
        )
    if positions:
        network.toggle_physics(False)
    page = network.generate_html(notebook=False)
    return _EXTERNAL_TAG.sub("", page)
