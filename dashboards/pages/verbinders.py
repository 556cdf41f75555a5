"""Verbinders: brokerage roles, structural holes and the SE-regular view, each with its reading."""

from __future__ import annotations

import streamlit as st

from dashboards import labels
from dashboards.components import choose, explain, table
from dashboards.data import brokers_of, profile_of
from graphmodel.formatting import percent
from queries.brokers import KEY_COLUMNS

st.title(labels.PAGES["verbinders"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    brokers = brokers_of(info, verband)
    profile = profile_of(info, verband)
    if profile.measures["regisseur_enige_brug"]:
        st.error(labels.ONLY_BRIDGE)
    st.metric(labels.REGISSEUR_LOST, percent(profile.measures["regisseur_verloren_aandeel"]))
    table(brokers[["naam", "type", *KEY_COLUMNS]])
    explain(list(KEY_COLUMNS))
    st.subheader(labels.ROLES)
    roles = [f"rol_{r}" for r in labels.ROLE_READINGS] + [f"z_{r}" for r in labels.ROLE_READINGS]
    table(brokers[["naam", *roles]])
    explain(roles)
    st.subheader(labels.EI_GROUPS)
    table(profile.groups)
    explain(list(profile.groups.columns))
