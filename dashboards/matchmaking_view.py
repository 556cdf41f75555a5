"""The matchmaking view: SE actors on the left, employers on the right, the suggested links
between them weighted by score; a click on a link shows its reasons."""

from __future__ import annotations

import networkx as nx
import pandas as pd
from verbinder.dashboards import labels
from verbinder.dashboards.network_view import (
    SECTOR_COLOURS,
    SUGGESTION_COLOUR,
    Style,
    Suggestion,
    render,
)

__all__ = ["MATCH_HEIGHT", "matchmaking_page"]

COLUMN_X = 330
ROW_Y = 40
MATCH_HEIGHT = "650px"
"""Height of the matchmaking drawing (its frame adds the legend: ``frame_height``)."""


def _column(ids: list[str], x: float) -> dict[str, tuple[float, float]]:
    middle = (len(ids) - 1) / 2
    return {node: (x, (i - middle) * ROW_Y) for i, node in enumerate(ids)}


def matchmaking_page(links: pd.DataFrame, height: str = MATCH_HEIGHT) -> str:
    """Self-contained HTML of the suggestions in ``links`` (columns of missing_links)."""
    graph = nx.Graph()
    for row in links.itertuples(index=False):
        graph.add_node(row.se_actor, name=row.se_naam, type=row.se_type, sector="sociale_economie")
        graph.add_node(
            row.werkgever,
            name=row.werkgever_naam,
            type="werkgever",
            sector="reguliere_economie",
        )
    weight = links["score"].max() if len(links) else 1.0
    se = list(dict.fromkeys(links["se_actor"]))
    employers = list(dict.fromkeys(links["werkgever"]))
    style = Style(
        labelled=frozenset(graph),
        boxes=True,
        positions=_column(se, -COLUMN_X) | _column(employers, COLUMN_X),
        suggestions=tuple(
            Suggestion(r.se_actor, r.werkgever, r.score / (weight or 1.0), r.uitleg)
            for r in links.itertuples(index=False)
        ),
        legend=(
            (SECTOR_COLOURS["sociale_economie"], labels.SECTOR_LEGEND["sociale_economie"]),
            (SECTOR_COLOURS["reguliere_economie"], labels.SECTOR_LEGEND["reguliere_economie"]),
            ("--" + SUGGESTION_COLOUR, labels.SUGGESTION_LEGEND),
        ),
    )
    return render(graph, style, height=height)
