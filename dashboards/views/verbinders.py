"""Verbinders: brokerage roles, structural holes and the SE-regular view, each with its reading."""

from __future__ import annotations

import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.components import choose, explain, table
from verbinder.dashboards.data import brokers_of, profile_of
from verbinder.graphmodel.formatting import percent
from verbinder.queries.brokers import KEY_COLUMNS
from verbinder.queries.catalogue import measure
from verbinder.queries.roster import roster_scores

st.title(labels.PAGES["verbinders"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    brokers = brokers_of(info, verband)
    profile = profile_of(info, verband)
    if profile.measures["regisseur_enige_brug"]:
        st.error(labels.ONLY_BRIDGE)
    lost = measure("regisseur_verloren_aandeel")
    st.metric(lost.name, percent(profile.measures[lost.id]), help=lost.reading)
    st.caption(labels.SORTED_BY.format(name=measure(KEY_COLUMNS[0]).name))
    table(brokers[["naam", "type", *KEY_COLUMNS]])
    explain(list(KEY_COLUMNS))
    st.subheader(labels.ROLES)
    roles = [f"rol_{r}" for r in labels.ROLE_READINGS] + [f"z_{r}" for r in labels.ROLE_READINGS]
    table(brokers[["naam", *roles]])
    explain(roles)
    st.subheader(labels.EI_GROUPS)
    table(profile.groups)
    explain(list(profile.groups.columns))
    scores = roster_scores(data, verband)
    if not scores.empty:  # the partners' own view, from the network survey
        st.subheader(labels.ROSTER_SCORES)
        table(scores.drop(columns="actor"))
        explain(["vertrouwen", "meerwaarde", "beoordelaars"])
