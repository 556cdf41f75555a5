"""Verbinders: brokerage roles, structural holes and the SE-regular view, each with its reading."""

from __future__ import annotations

import streamlit as st

from dashboards import labels
from dashboards.components import choose
from dashboards.data import brokers_of, profile_of

st.title(labels.PAGES["verbinders"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    table = brokers_of(info, verband)
    profile = profile_of(info, verband)
    if profile.measures["regisseur_enige_brug"]:
        st.error(labels.ONLY_BRIDGE)
    st.metric(labels.REGISSEUR_LOST, f"{profile.measures['regisseur_verloren_aandeel']:.0%}")
    shown = ["naam", "type", *labels.READINGS]
    st.dataframe(table[shown], hide_index=True, width="stretch")
    for column, reading in labels.READINGS.items():
        st.markdown(f"**{column}**: {reading}")
    st.subheader(labels.ROLES)
    roles = [f"rol_{r}" for r in labels.ROLE_READINGS] + [f"z_{r}" for r in labels.ROLE_READINGS]
    st.dataframe(table[["naam", *roles]], hide_index=True, width="stretch")
    for role, reading in labels.ROLE_READINGS.items():
        st.markdown(f"**{role}**: {reading}")
    st.subheader(labels.EI_GROUPS)
    st.dataframe(profile.groups, hide_index=True)
