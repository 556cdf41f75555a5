"""The charts Verbinder draws, defined once for the dashboard and the printable report:
Vega-Lite specifications (Altair) with Dutch titles from the catalogue and Belgian numbers.

The dashboard shows them with Streamlit; the report turns them into SVG offline
(``vl-convert``, no browser and no internet needed).
"""

from __future__ import annotations

import altair as alt
import igraph as ig
import pandas as pd
import vl_convert
from verbinder.graphmodel.metrics.centrality import to_igraph
from verbinder.queries.catalogue import measure
from verbinder.queries.mixing import funnel_curves
from verbinder.queries.network import VerbandNetwork

__all__ = [
    "LOCALE",
    "OTHER",
    "THIS",
    "density_chart",
    "funnel_chart",
    "network_chart",
    "svg",
]

THIS, OTHER = "dit verband", "andere verbanden"
LOCALE = {
    "number": {
        "decimal": ",",
        "thousands": ".",
        "grouping": [3],
        "currency": ["€ ", ""],
        "percent": "%",
    }
}
"""Belgian number format for axes and tooltips (Vega-Lite's ``config.locale``)."""
COLOURS = alt.Scale(domain=[OTHER, THIS], range=["#90a4ae", "#e65100"])
SECTOR_COLOURS = alt.Scale(
    domain=["sociale economie", "reguliere economie", "overheid", "intermediair"],
    range=["#2e7d32", "#1565c0", "#6a1b9a", "#ef6c00"],
)


def _chosen(frame: pd.DataFrame, verband: str) -> pd.DataFrame:
    frame = frame.copy()
    frame["verband_keuze"] = [THIS if v == verband else OTHER for v in frame["verband"]]
    return frame


def _tooltip(*columns: str) -> list[alt.Tooltip]:
    return [alt.Tooltip(c, title=measure(c).name) for c in columns]


def funnel_chart(comparison: pd.DataFrame, verband: str) -> alt.LayerChart:
    """The funnel plot of a :func:`~queries.mixing.mixing_comparison`: ratio against expected
    count (log scale), the 95% (dashed) and 99,8% (solid) limits, Flanders as a line, the
    chosen verband in orange with its name."""
    curves = funnel_curves(comparison)
    x = alt.X("verwacht", title=measure("verwacht").name, scale=alt.Scale(type="log", nice=False))
    layers = [
        alt.Chart(curves)
        .mark_line(color="#546e7a", strokeDash=dash, strokeWidth=1.5)
        .encode(x=x, y=alt.Y(column, title=measure("verhouding").name))
        for column, dash in (
            ("ondergrens_95", [5, 4]),
            ("bovengrens_95", [5, 4]),
            ("ondergrens_998", [1, 0]),
            ("bovengrens_998", [1, 0]),
        )
    ]
    target = pd.DataFrame({"verhouding": [comparison.attrs["doel"]]})
    layers.append(alt.Chart(target).mark_rule(color="#546e7a").encode(y="verhouding"))
    points = _chosen(comparison[comparison["verwacht"] > 0], verband)
    base = alt.Chart(points).encode(
        x=x,
        y="verhouding",
        tooltip=_tooltip("naam", "verhouding", "verwacht", "waargenomen", "lezing"),
    )
    layers.append(
        base.mark_circle(size=80, opacity=0.85).encode(
            color=alt.Color("verband_keuze", title=None, scale=COLOURS),
            size=alt.condition(f"datum.verband == '{verband}'", alt.value(220), alt.value(70)),
        )
    )
    layers.append(
        base.transform_filter(f"datum.verband == '{verband}'")
        .mark_text(align="left", dx=9, fontWeight="bold", color="#e65100")
        .encode(text="naam")
    )
    return alt.layer(*layers).configure(locale=LOCALE)


def density_chart(compared: pd.DataFrame, verband: str) -> alt.LayerChart:
    """Density against the number of organisations, the median of the verbanden as a line."""
    frame = _chosen(compared[["verband", "naam", "actoren", "dichtheid"]].dropna(), verband)
    dots = (
        alt.Chart(frame)
        .mark_circle(size=70)
        .encode(
            x=alt.X("actoren", title=measure("actoren").name),
            y=alt.Y("dichtheid", title=measure("dichtheid").name, axis=alt.Axis(format="%")),
            color=alt.Color("verband_keuze", title=None, scale=COLOURS),
            tooltip=_tooltip("naam", "actoren", "dichtheid"),
        )
    )
    median = pd.DataFrame({"mediaan": [float(compared["dichtheid"].median())]})
    line = alt.Chart(median).mark_rule(color="grey").encode(y="mediaan")
    return alt.layer(dots, line).configure(locale=LOCALE)


def network_chart(network: VerbandNetwork, named: set, seed: int = 1) -> alt.LayerChart:
    """A static picture of a verband's network: organisations coloured by sector group, ties
    as lines, the names of ``named`` written; organisations without ties left out."""
    graph, nodes = to_igraph(network.simple)
    layout = graph.layout_fruchterman_reingold(seed=ig.Layout([[0.0, 0.0]] * len(nodes)))
    layout = graph.layout_fruchterman_reingold(seed=layout, niter=500)
    tied = {i for edge in graph.get_edgelist() for i in edge}
    sector = dict(network.simple.nodes(data="sector"))
    name = dict(network.simple.nodes(data="name"))
    points = pd.DataFrame(
        [
            {
                "x": layout[i][0],
                "y": layout[i][1],
                "sectorgroep": sector[node].replace("_", " "),
                "naam": name[node],
                "label": name[node] if node in named else "",
            }
            for i, node in enumerate(nodes)
            if i in tied
        ]
    )
    lines = pd.DataFrame(
        [
            {"x": layout[a][0], "y": layout[a][1], "x2": layout[b][0], "y2": layout[b][1]}
            for a, b in graph.get_edgelist()
        ]
    )
    bare = alt.Axis(title=None, labels=False, ticks=False, grid=False, domain=False)
    edges = (
        alt.Chart(lines)
        .mark_rule(color="#b0bec5", strokeWidth=0.6)
        .encode(x=alt.X("x", axis=bare), y=alt.Y("y", axis=bare), x2="x2", y2="y2")
    )
    dots = (
        alt.Chart(points)
        .mark_circle(size=45, opacity=0.9)
        .encode(
            x="x",
            y="y",
            color=alt.Color("sectorgroep", title=measure("sectorgroep").name, scale=SECTOR_COLOURS),
            tooltip=_tooltip("naam", "sectorgroep"),
        )
    )
    labels = (
        alt.Chart(points)
        .mark_text(dy=-9, fontSize=10, fontWeight="bold")
        .encode(x="x", y="y", text="label")
    )
    return (
        alt.layer(edges, dots, labels)
        .properties(width=520, height=420)
        .configure(locale=LOCALE)
        .configure_view(stroke=None)
    )


def svg(chart: alt.TopLevelMixin) -> str:
    """The chart as a self-contained SVG string, rendered offline."""
    return vl_convert.vegalite_to_svg(chart.to_json())
