"""Netwerk: the interactive network of the verband, coloured by sector, sized by a measure."""

from __future__ import annotations

import streamlit as st

from dashboards import labels
from dashboards.components import choose
from dashboards.data import brokers_of
from dashboards.network_view import SECTOR_COLOURS, render
from graphmodel.types import ActorType, Engagement, TieKind
from queries.view import filtered_network

st.title(labels.PAGES["netwerk"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    figures = brokers_of(info, verband).set_index("actor")
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
    kinds = st.multiselect(
        labels.TIES,
        [k.value for k in TieKind],
        default=[k.value for k in TieKind],
        key="netwerk_kinds",
        placeholder=labels.CHOOSE,
    )
    names = {actor: name for actor, name in figures["naam"].items()}
    ego = st.selectbox(
        labels.EGO,
        [None, *sorted(names, key=names.get)],
        format_func=lambda a: labels.EVERYONE if a is None else names[a],
        key="netwerk_ego",
    )
    period = st.date_input(labels.PERIOD, value=None, key="netwerk_period", format="DD/MM/YYYY")
    graph = filtered_network(
        data,
        verband,
        types=types,
        min_engagement=[e.label for e in Engagement].index(level),
        kinds=kinds,
        ego=ego,
        at=period,
    )
    highlight = {a: labels.HIGHLIGHT_BROKER for a in figures.index[:5]}
    highlight |= {
        a: labels.HIGHLIGHT_REGISSEUR
        for a in figures.index
        if figures.loc[a, "type"] == ActorType.REGISSEUR.value
    }
    page = render(graph, size=figures[size_by].to_dict(), highlight=highlight)
    st.iframe(page, height=680)
    legend = " · ".join(
        f"<span style='color:{colour}'>●</span> {group.replace('_', ' ')}"
        for group, colour in SECTOR_COLOURS.items()
    )
    st.markdown(f"{labels.LEGEND}: {legend}", unsafe_allow_html=True)  # our own strings only
    st.caption(labels.DRAWN.format(actors=graph.number_of_nodes(), arcs=graph.number_of_edges()))
