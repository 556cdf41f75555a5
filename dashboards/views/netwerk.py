"""Netwerk: the verband's network to explore: names of the key actors, a search that focuses
an actor and shows its card, actors without ties counted and shown on demand, the suggested
links dashed, colour by sector or community, large text for a projector."""

from __future__ import annotations

import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.components import choose, choose_actor, kept_choice
from verbinder.dashboards.data import brokers_of, links_of, view_of
from verbinder.dashboards.network_card import show_card
from verbinder.dashboards.network_frame import network_frame
from verbinder.dashboards.network_view import (
    COMMUNITY_COLOURS,
    SECTOR_COLOURS,
    SUGGESTION_COLOUR,
    SURVEY_COLOURS,
    Style,
    Suggestion,
    frame_height,
    render,
)
from verbinder.graphmodel.formatting import count
from verbinder.graphmodel.types import ActorType, Engagement, TieKind
from verbinder.queries.catalogue import measure
from verbinder.queries.roster import roster_ties
from verbinder.queries.view import communities, filtered_network, without_isolates


def _drawing_height(large: bool) -> str:
    return "800px" if large else "650px"


def _draw(info, data, verband: str, figures, choices: tuple) -> tuple[str, tuple[int, int], int]:
    """The network page for the page's choices, the numbers of actors and ties drawn and the
    number of actors without ties left out."""
    _, types, level, kinds, period, focus, ego_only = choices[:7]
    show_alone, show_links, large, colour, size_by = choices[7:]
    graph = filtered_network(
        data,
        verband,
        types=list(types),
        min_engagement=[e.label for e in Engagement].index(level),
        kinds=list(kinds),
        ego=focus if ego_only else None,
        at=period,
    )
    hidden = 0
    if not show_alone:
        graph, hidden = without_isolates(graph)
    regisseurs = {a for a in figures.index if figures.loc[a, "type"] == ActorType.REGISSEUR.value}
    top = [a for a in figures.index if a not in regisseurs][:5]
    highlight = {a: labels.HIGHLIGHT_BROKER for a in top} | {
        a: labels.HIGHLIGHT_REGISSEUR for a in regisseurs
    }
    legend = [(c, labels.SECTOR_LEGEND[g]) for g, c in SECTOR_COLOURS.items()]
    colours = {}
    if colour == "gemeenschap":
        found = communities(graph)
        colours = {a: COMMUNITY_COLOURS[n % len(COMMUNITY_COLOURS)] for a, n in found.items()}
        legend = [(COMMUNITY_COLOURS[0], labels.COMMUNITY_LEGEND)]
    legend.append(("()#000000", labels.BORDER_LEGEND))
    if regisseurs & set(graph):
        legend.append(("==#757575", labels.BRIDGE_LEGEND))
    surveyed = {
        frozenset((r.actor_a, r.actor_b)): r.bevestiging
        for r in roster_ties(data, verband).itertuples(index=False)
    }
    drawn = {frozenset((u, v)) for u, v in graph.edges()} & set(surveyed)
    present = {surveyed[pair] for pair in drawn}
    legend += dict.fromkeys(
        ("__" + SURVEY_COLOURS[s], labels.SURVEY_LEGEND[s]) for s in SURVEY_COLOURS if s in present
    )
    suggestions = ()
    if show_links:
        links = links_of(info, verband, (), labels.SUGGESTIONS_DRAWN)
        weight = links["score"].max() or 1.0
        suggestions = tuple(
            Suggestion(r.se_actor, r.werkgever, r.score / weight, r.uitleg)
            for r in links.itertuples(index=False)
        )
        legend.append(("--" + SUGGESTION_COLOUR, labels.SUGGESTION_LEGEND))
    style = Style(
        size=figures[size_by].to_dict(),
        highlight=highlight,
        labelled=frozenset(highlight) | ({focus} if focus else set()),
        colours=colours,
        legend=tuple(legend),
        suggestions=suggestions,
        focus=focus,
        large_text=large,
        bridging=frozenset(regisseurs),
        surveyed=surveyed,
    )
    page = render(graph, style, height=_drawing_height(large), clickable=True)
    return page, (graph.number_of_nodes(), graph.number_of_edges()), hidden


st.title(labels.PAGES["netwerk"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    figures = brokers_of(info, verband).set_index("actor")
    names = figures["naam"].to_dict()
    left, middle, right = st.columns(3)
    types = left.multiselect(
        labels.TYPES,
        [t.value for t in ActorType],
        default=sorted(set(figures["type"])),
        key="netwerk_types",
        placeholder=labels.CHOOSE,
    )
    level = middle.select_slider(
        labels.MIN_ENGAGEMENT,
        options=[e.label for e in Engagement],
        value="geen",
        key="netwerk_level",
    )
    size_by = right.selectbox(
        labels.SIZE_BY, list(labels.SIZES), format_func=labels.SIZES.get, key="netwerk_size"
    )
    with st.expander(labels.MORE_FILTERS):
        kinds = st.multiselect(
            labels.TIES,
            [k.value for k in TieKind],
            default=[k.value for k in TieKind],
            key="netwerk_kinds",
            placeholder=labels.CHOOSE,
        )
        period = st.date_input(labels.PERIOD, value=None, key="netwerk_period", format="DD/MM/YYYY")
    search, colour_by = st.columns([2, 1])
    focus = (
        kept_choice(
            "actor",
            ["", *sorted(names, key=names.get)],
            where=search,
            label=labels.SEARCH_ACTOR,
            format_func=lambda a: labels.NOBODY if a == "" else names[a],
        )
        or None
    )
    colour = colour_by.radio(
        labels.COLOUR_BY,
        list(labels.COLOURINGS),
        format_func=labels.COLOURINGS.get,
        key="netwerk_colour",
        horizontal=True,
    )
    toggles = st.columns(4)
    ego_only = toggles[0].toggle(labels.EGO_ONLY, key="netwerk_ego", disabled=focus is None)
    show_alone = toggles[1].toggle(labels.SHOW_ALONE, key="netwerk_alone")
    show_links = toggles[2].toggle(labels.SHOW_SUGGESTIONS, key="netwerk_suggestions")
    large = toggles[3].toggle(labels.LARGE_TEXT, key="netwerk_large")

    choices = (verband, tuple(types), level, tuple(kinds), period, focus, ego_only)
    choices += (show_alone, show_links, large, colour, size_by)
    page, drawn, hidden = view_of(
        info, "netwerk", choices, lambda: _draw(info, data, verband, figures, choices)
    )
    drawing, panel = st.columns([3, 1]) if focus else (st.container(), None)
    with drawing:
        height = frame_height(_drawing_height(large), legend=True)  # Netwerk always has one
        clicked = network_frame(page, height=height, key="netwerk_kaart")
    if clicked is not None and clicked in names and clicked != focus:
        choose_actor(clicked)
        st.rerun()
    if panel is not None:
        with panel:
            show_card(info, data, verband, focus, figures)
    entry = measure(size_by)
    st.caption(
        labels.DRAWN.format(actors=count(drawn[0]), arcs=count(drawn[1]))
        + " "
        + (labels.ALONE_HIDDEN_ONE if hidden == 1 else "")
        + (labels.ALONE_HIDDEN.format(count=count(hidden)) if hidden > 1 else "")
        + " "
        + labels.SIZE_SCALE.format(name=entry.name, reading=entry.reading)
    )
