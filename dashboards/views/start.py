"""Start: the chosen verband's key figures and reference facts."""

from __future__ import annotations

import streamlit as st

from dashboards import labels
from dashboards.components import choose, table
from dashboards.data import profile_of
from graphmodel.formatting import count, money, percent
from queries.report import verband_report

st.title(labels.PAGES["start"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    report = verband_report(data, verband)
    profile = profile_of(info, verband).measures
    facts = report.verband
    st.subheader(facts.name)
    first, second, third, fourth = st.columns(4)
    first.metric(labels.ACTORS, count(report.n_actors))
    second.metric(labels.TIES, count(report.n_ties), help=labels.TIES_HELP)
    inhabitants = "onbekend" if facts.inhabitants is None else count(facts.inhabitants)
    third.metric(labels.INHABITANTS, inhabitants)
    subsidy = "onbekend" if facts.subsidy_eur is None else money(facts.subsidy_eur)
    fourth.metric(labels.SUBSIDY, subsidy)
    left, right = st.columns(2)
    left.metric(labels.ENGAGED, percent(profile["betrokken_aandeel"]))
    right.metric(labels.SE_REGULAR_SHARE, percent(profile["regisseur_se_regulier_aandeel"]))
    if profile["regisseur_enige_brug"]:
        st.error(labels.ONLY_BRIDGE)
    st.caption(f"{labels.MUNICIPALITIES}: {', '.join(facts.municipalities)}")
    if facts.source:
        st.caption(facts.source)
    table(report.actors_by_type)
