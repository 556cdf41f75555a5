"""The one place that talks to pyvis: a typed graph in, self-contained offline HTML out.

pyvis 0.3.2 is the last release and has traps (STYLE.md): ``show``/``write_html`` write files,
``from_nx`` mutates its input, ``cdn_resources="in_line"`` still links Bootstrap from a CDN and
a ``vis.css`` from ``../node_modules``. :func:`render` builds the Network node by node from
our own attributes, calls ``generate_html()`` only, and removes every tag that loads an
outside resource.

Actor names are user input. They reach the page as data, never as markup (pyvis's HTML popup,
switched on by "href" in a title, is kept off: :func:`_plain`): pyvis embeds the
nodes with Jinja's ``tojson``, which writes ``<``, ``>``, ``&`` and ``'`` as ``\\u003c`` and so
on (nothing can close the script), and vis-network 9 draws labels on a canvas and shows string
tooltips as plain text. Escaping them once more would show ``&amp;`` in "Café & Co".
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network
from verbinder.dashboards.network_layout import PHYSICS_LIMIT, network_positions

__all__ = [
    "COMMUNITY_COLOURS",
    "PHYSICS_LIMIT",
    "SECTOR_COLOURS",
    "SUGGESTION_COLOUR",
    "VIS_FILE",
    "Style",
    "Suggestion",
    "external_references",
    "frame_height",
    "render",
    "vis_script",
]

SECTOR_COLOURS = {
    "sociale_economie": "#2e7d32",
    "reguliere_economie": "#1565c0",
    "overheid": "#6d4c41",
    "intermediair": "#f9a825",
}
"""Colour per sector group (also shown in the dashboard's legend)."""

COMMUNITY_COLOURS = (
    "#1b9e77",
    "#d95f02",
    "#7570b3",
    "#e7298a",
    "#66a61e",
    "#e6ab02",
    "#a6761d",
    "#666666",
)
"""Colours of communities, the largest first (ColorBrewer Dark2, colour-blind safe in part;
beyond eight communities the colours repeat)."""

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


@dataclass(frozen=True)
class Suggestion:
    """A suggested link drawn dashed: its two ends, its score (0-1) and why, in Dutch."""

    source: str
    target: str
    score: float
    reason: str


@dataclass(frozen=True)
class Style:
    """How the network is drawn besides its data.

    ``size`` maps nodes to a measure (scaled to 10-40 pixels); ``highlight`` gives a short
    Dutch note for a thick border (regisseur, top broker); ``labelled`` nodes show their name at
    every zoom, the others only when zoomed in; ``colours`` overrides the sector colour per
    node; ``legend`` is drawn above the view as (colour, text) pairs, the colour's prefix
    choosing the mark (:data:`_LEGEND_MARKS`); ``focus`` is selected and centred;
    ``large_text`` is for a projector.
    """

    size: Mapping = field(default_factory=dict)
    highlight: Mapping = field(default_factory=dict)
    labelled: frozenset = frozenset()
    colours: Mapping = field(default_factory=dict)
    legend: tuple[tuple[str, str], ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    focus: str | None = None
    large_text: bool = False
    positions: Mapping = field(default_factory=dict)
    """Fixed positions (x, y) for some nodes, for example two columns."""
    boxes: bool = False
    """Draw every node as a box with its name inside (for lists in columns)."""
    bridging: frozenset = frozenset()
    """Nodes (the regisseur) whose ties to the social and the regular economy are drawn thick:
    the ties that carry the SE-regular paths through them."""
    surveyed: Mapping = field(default_factory=dict)
    """The status of pairs named in the network survey (``frozenset({a, b})`` -> 'bevestigd',
    'eenzijdig' or 'onbekend'): their line is coloured by it (:data:`SURVEY_COLOURS`)."""


SUGGESTION_COLOUR = "#c62828"
SURVEY_COLOURS = {"bevestigd": "#212121", "eenzijdig": "#ba68c8", "onbekend": "#ba68c8"}
"""Line colour of a pair named in the network survey: near black when both name it, purple
when one side does (the other answered otherwise, or not at all)."""
STABILIZATION = 300
"""Physics iterations before the first drawing (vis-network's default is 1,000)."""
FONT = 14
"""Label size in pixels; names of nodes outside ``labelled`` show once zoomed to full size."""


def _plain(title: str) -> str:
    """A tooltip pyvis leaves as text: pyvis 0.3.2 switches every node to an HTML popup
    (``innerHTML``) as soon as one title contains "href", which would run markup in a name. A
    word joiner (U+2060, invisible) between "hr" and "ef" keeps the switch off.

    >>> _plain('<a href="x">') == '<a hr\u2060ef="x">'
    True
    """
    return title.replace("href", "hr\u2060ef")


def _font(style: Style) -> float:
    return FONT * (1.6 if style.large_text else 1)


def _name_font(style: Style) -> float:
    """Size of the names always shown (regisseur, top brokers, the chosen actor)."""
    return _font(style) * 1.3


def _shared_node_options(style: Style) -> dict:
    """What every node has in common, sent once as vis-network's ``nodes`` option instead of
    with each node (a third of the page for a verband of 3,000)."""
    if style.boxes:
        return _BOX
    font = _font(style)
    return {
        "borderWidth": 1,
        "font": {"size": font, "strokeWidth": 4, "strokeColor": "#ffffff"},
        "scaling": {"label": {"enabled": False, "drawThreshold": font - 1}},
    }


def _node_options(node, data, style: Style, low: float, high: float) -> dict:
    """What is particular to one node (see :func:`_shared_node_options`)."""
    name = str(data.get("name", node))
    tooltip = [name, f"type: {data.get('type', '')}"]
    if node in style.highlight:
        tooltip.append(str(style.highlight[node]))
    value = style.size.get(node, low)
    scaled = 10 + 30 * ((value - low) / (high - low)) if high > low else 15
    options = {
        "label": name,
        "title": _plain("\n".join(tooltip)),
        "color": style.colours.get(node, SECTOR_COLOURS.get(data.get("sector"), "#9e9e9e")),
        "size": round(scaled, 1),
    }
    if node in style.highlight:
        options["borderWidth"] = 5
    if style.boxes:
        options["shape"] = "box"  # pyvis sets "dot" on every node unless told
    elif node in style.labelled or node == style.focus:
        options["font"] = {"size": _name_font(style), "strokeWidth": 4, "strokeColor": "#ffffff"}
        options["scaling"] = {"label": {"enabled": False, "drawThreshold": 0}}
    return options


_BOX = {"shape": "box", "margin": 6, "font": {"color": "#ffffff", "size": FONT}}


BRIDGE_NOTE = "relatie van de regisseur met de sociale of reguliere economie"
SURVEY_NOTE = "netwerkbevraging"
ECONOMY = ("sociale_economie", "reguliere_economie")


def _bridge(graph: nx.Graph, u, v, bridging: frozenset) -> bool:
    """A tie between a bridging node and an actor of the social or the regular economy."""
    for one, other in ((u, v), (v, u)):
        if one in bridging and graph.nodes[other].get("sector") in ECONOMY:
            return True
    return False


VIS_FILE = "vis-network.min.js"
"""vis-network as pyvis ships it; the clickable frame loads it as this file, next to its page."""


def vis_script() -> Path:
    """pyvis's copy of vis-network (9.1.2), which its template puts inline."""
    return Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / VIS_FILE


@cache
def _inline_vis() -> str:
    return f"<script>{vis_script().read_text(encoding='utf-8')}</script>"


def _vis_as_file(page: str) -> str:
    """``page`` with vis-network loaded from :data:`VIS_FILE` instead of inline: 470 KB less to
    send with every drawing, and a file the browser keeps and compiles once."""
    inline = _inline_vis()
    if inline not in page:
        raise RuntimeError("pyvis zette vis-network niet zoals verwacht in de pagina")
    return page.replace(inline, f'<script src="{VIS_FILE}"></script>', 1)


@cache
def _templates(folder: str) -> jinja2.Environment:
    """One Jinja environment for pyvis's template, as pyvis configures it, so that the
    template is compiled once (pyvis makes a new environment, and compiles again, for every
    network: 0.08 s of each drawing)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder))


def render(
    graph: nx.Graph,
    style: Style | None = None,
    *,
    height: str = "650px",
    seed: int = 1,
    clickable: bool = False,
) -> str:
    """Self-contained HTML (no outside resource) showing ``graph`` with vis-network.

    Parameters
    ----------
    graph : networkx graph
        A view of :mod:`graphmodel.views`: nodes carry ``name``, ``type``, ``sector``; edges
        ``kind`` (and ``directed`` for the typed view). It is not changed. Actors without
        ties are drawn in a grid below the others.
    style : Style, optional
    height : str
    seed : int
        Seed of the precomputed layout for large graphs.
    clickable : bool
        For :mod:`dashboards.network_frame`: report a click on an organisation to the page,
        and load vis-network from the frame's folder (:data:`VIS_FILE`) instead of inline.
    """
    style = style or Style()
    network = Network(
        height=height,
        width="100%",
        directed=graph.is_directed(),
        notebook=False,
        cdn_resources="in_line",
    )
    network.templateEnv = _templates(network.template_dir)
    # pyvis's default "dynamic" smooth edges put every edge into the physics simulation: on
    # headless Chromium a verband of 60 organisations took 5 s to its first drawing.
    network.set_edge_smooth("continuous")
    network.options.physics.stabilization.iterations = STABILIZATION
    values = dict(style.size)
    low, high = (min(values.values()), max(values.values())) if values else (0.0, 0.0)
    named = style.labelled | {style.focus}
    positions = network_positions(
        graph, seed, style.positions, labelled=named, font=_name_font(style)
    )
    network.options.nodes = _shared_node_options(style)
    fixed = {} if len(positions) == len(graph) else {"physics": False}
    for node, data in graph.nodes(data=True):
        options = _node_options(node, data, style, low, high)
        if node in positions:
            x, y = positions[node]
            options.update(x=round(x, 1), y=round(y, 1), **fixed)
        network.add_node(str(node), **options)
    seen = set()
    for u, v, data in graph.edges(data=True):
        key = (u, v, data.get("kind"))
        if key in seen:
            continue
        seen.add(key)
        bridge = _bridge(graph, u, v, style.bridging)
        # pyvis gives every edge of a directed network an arrow unless told otherwise
        options = {"arrows": "to" if data.get("directed") else ""} if network.directed else {}
        title = str(data.get("kind", "")) + (f"\n{BRIDGE_NOTE}" if bridge else "")
        status = style.surveyed.get(frozenset((u, v)))
        if status is not None:
            options["color"] = SURVEY_COLOURS[status]
            title += f"\n{SURVEY_NOTE}: {status}"
        network.add_edge(str(u), str(v), title=title, **options | ({"width": 4} if bridge else {}))
    for s in style.suggestions:
        if s.source in graph and s.target in graph:
            network.add_edge(
                str(s.source),
                str(s.target),
                title=s.reason,
                dashes=True,
                color=SUGGESTION_COLOUR,
                width=1 + 4 * s.score,
                physics=False,
            )
    if len(positions) == len(graph):
        network.toggle_physics(False)
    page = network.generate_html(notebook=False)
    shown = sorted(str(n) for n in named if n in graph)
    page = page.replace("<body>", "<body>" + _legend(style.legend), 1)
    extra = _focus(style.focus if style.focus in graph else None)
    extra += _readable(shown, _name_font(style))
    if len(positions) < len(graph):  # the browser's physics places the nodes
        extra += _apart(shown)
    extra += DRAWN_MARK
    if style.suggestions:
        extra += REASON_BOX
    if clickable:
        extra += _BRIDGE.replace("HEIGHT", str(frame_height(height, legend=bool(style.legend))))
        page = _vis_as_file(page)
    return _EXTERNAL_TAG.sub("", page).replace("</body>", extra + "</body>", 1)


LEGEND_HEIGHT = 62
"""Pixels of the legend strip above the drawing: three lines of entries."""


def frame_height(height: str, *, legend: bool) -> int:
    """Pixels a frame needs to show a drawing of ``height`` ("650px"), with or without its
    legend strip.

    >>> frame_height("650px", legend=True), frame_height("650px", legend=False)
    (742, 680)
    """
    return int(height.removesuffix("px")) + 30 + (LEGEND_HEIGHT if legend else 0)


REASON_BOX = (
    "<div id='reden' style='position:absolute;bottom:10px;left:10px;right:10px;background:"
    "rgba(255,255,255,0.95);padding:6px 10px;font:14px sans-serif;border:1px solid #ccc;"
    "border-radius:4px'>Klik op een gestreepte lijn om te lezen waarom ze voorgesteld wordt."
    "</div><script>network.on('selectEdge', function (params) {"
    " var edge = network.body.data.edges.get(params.edges[0]);"
    " if (edge && edge.dashes) { document.getElementById('reden').textContent = edge.title; }"
    "});</script>"
)
"""A box that shows the reason of a clicked suggested link (as text, never as markup)."""


_LEGEND_MARKS = {
    "--": "<span style='display:inline-block;width:22px;border-top:3px dashed {colour};"
    "vertical-align:middle'></span>",
    "==": "<span style='display:inline-block;width:22px;border-top:5px solid {colour};"
    "vertical-align:middle'></span>",
    "__": "<span style='display:inline-block;width:22px;border-top:3px solid {colour};"
    "vertical-align:middle'></span>",
    "()": "<span style='display:inline-block;width:8px;height:8px;border:3px solid {colour};"
    "border-radius:50%;vertical-align:middle'></span>",
    "#": "<span style='color:{colour};font-size:18px'>&#9679;</span>",
}
"""The mark of a legend entry by its colour's prefix: ``--`` a dashed line, ``==`` a thick
line, ``__`` a line, ``()`` a thick ring, none a dot."""


def _legend(entries: tuple[tuple[str, str], ...]) -> str:
    """The legend as a strip above the drawing (over the drawing it hid a corner of it); our
    own strings, escaped all the same."""
    if not entries:
        return ""
    items = []
    for colour, text in entries:
        kind, plain = (colour[:2], colour[2:]) if colour[:2] in _LEGEND_MARKS else ("#", colour)
        mark = _LEGEND_MARKS[kind].format(colour=html.escape(plain))
        items.append(f"<div>{mark} {html.escape(text)}</div>")
    return (
        "<div id='legende' style='display:flex;flex-wrap:wrap;gap:2px 18px;box-sizing:border-box;"
        f"height:{LEGEND_HEIGHT}px;overflow:hidden;padding:2px 8px;font:12px/18px sans-serif'>"
        f"{''.join(items)}</div>"
    )


DRAWN_MARK = (
    "<script>network.once('afterDrawing', function () {"
    " window.__verbinderDrawn = performance.now(); });</script>"
)
"""Marks when the network was first drawn (read by benchmarks/browser.py)."""

_BRIDGE = """<script>(function () {
  function send(type, data) {
    window.parent.postMessage(Object.assign({isStreamlitMessage: true, type: type}, data), "*");
  }
  var listener = function (event) {
    if (!event.data || event.data.type !== "streamlit:render") { return; }
    var html = event.data.args.html;
    if (html === window.__verbinderHtml) { return; }
    window.__verbinderHtml = html;
    document.open(); document.write(html); document.close();
  };
  if (window.__verbinderListener) {
    window.removeEventListener("message", window.__verbinderListener);
  }
  window.__verbinderListener = listener;
  window.addEventListener("message", listener);
  send("streamlit:setFrameHeight", {height: HEIGHT});
  network.on("click", function (params) {
    if (params.nodes.length) {
      send("streamlit:setComponentValue",
           {value: {id: params.nodes[0], t: Date.now()}, dataType: "json"});
    }
  });
})();</script>"""
"""Inside the component frame: size the frame, report clicks, take later renders."""


def _readable(nodes: list[str], size: float) -> str:
    """Keep the names of ``nodes`` at least ``size`` pixels on screen at every zoom: a large
    verband fitted into view is drawn at a small scale, where a fixed font would vanish."""
    if not nodes:
        return ""
    ids = json.dumps(nodes).replace("<", "\\u003c")
    return (
        "<script>(function () { var ids = " + ids + "; var shown = 0;"
        "function keep() { var s = network.getScale();"
        " var want = Math.max(" + f"{size:g}" + ", " + f"{size:g}" + " / s);"
        " if (Math.abs(want - shown) < 0.01 * want) { return; } shown = want;"
        " network.body.data.nodes.update(ids.map(function (id) {"
        " return {id: id, font: {size: want, strokeWidth: want / 4}}; })); }"
        "network.on('zoom', keep); network.once('stabilized', keep);"
        "network.once('afterDrawing', keep); })();</script>"
    )


def _apart(nodes: list[str]) -> str:
    """Once the browser's physics has placed the nodes and the names are drawn at their
    first size, move ``nodes`` apart until no two of them, dot and name, overlap or touch
    (vis-network's own label boxes and dot sizes, with a margin; each pair along the axis
    that needs the shorter move, as
    :func:`dashboards.network_layout.network_positions` does for a precomputed layout), and
    take them out of the simulation so it does not pull them back (they can still be
    dragged); the chosen organisation is centred again."""
    if len(nodes) < 2:
        return ""
    ids = json.dumps(nodes).replace("<", "\\u003c")
    return (
        "<script>(function () { var ids = " + ids + ";"
        "function spread() { var all = network.body.nodes, boxes = [];"
        " ids.forEach(function (id) { var n = all[id]; if (!n) { return; }"
        "  var s = n.labelModule.size, r = n.shape.radius || n.options.size || 10;"
        "  var left = Math.min(s.left, n.x - r) - 6;"
        "  var right = Math.max(s.left + s.width, n.x + r) + 6;"
        "  var top = Math.min(s.top, n.y - r);"
        "  var bottom = Math.max(s.top + s.height, n.y + r) + 0.4 * s.height;"
        "  boxes.push({id: id, x: n.x, y: n.y, cx: (left + right) / 2 - n.x,"
        "  cy: (top + bottom) / 2 - n.y, w: right - left, h: bottom - top}); });"
        " for (var round = 0; round < 200; round++) { var moved = false;"
        "  for (var i = 0; i < boxes.length; i++) { for (var j = i + 1; j < boxes.length; j++) {"
        "   var a = boxes[i], b = boxes[j];"
        "   var dx = (b.x + b.cx) - (a.x + a.cx), dy = (b.y + b.cy) - (a.y + a.cy);"
        "   var nx = (a.w + b.w) / 2 - Math.abs(dx), ny = (a.h + b.h) / 2 - Math.abs(dy);"
        "   if (nx <= 0 || ny <= 0) { continue; } moved = true;"
        "   if (ny < nx) { var sy = (dy >= 0 ? 1 : -1) * (0.51 * ny + 0.01);"
        "    a.y -= sy; b.y += sy; }"
        "   else { var sx = (dx >= 0 ? 1 : -1) * (0.51 * nx + 0.01); a.x -= sx; b.x += sx; }"
        "  } } if (!moved) { break; } }"
        " network.body.data.nodes.update(boxes.map(function (b) {"
        "  return {id: b.id, x: b.x, y: b.y, physics: false}; }));"
        " if (window.__verbinderFocus) { window.__verbinderFocus(); }"
        " window.__verbinderApart = true; }"
        "network.once('stabilized', function () { network.once('afterDrawing', spread);"
        " network.redraw(); }); })();</script>"
    )


def _focus(node: str | None) -> str:
    """Select ``node`` and centre the view on it once drawn."""
    if node is None:
        return ""
    target = json.dumps(str(node)).replace("<", "\\u003c")
    return (
        "<script>(function () { var id = " + target + ";"
        "function go() { network.selectNodes([id]);"
        " network.focus(id, {scale: 1.1, animation: false}); }"
        "window.__verbinderFocus = go; go(); network.once('stabilized', go); })();</script>"
    )
