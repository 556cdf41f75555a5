"""Start: the chosen verband's key figures and reference facts."""

from __future__ import annotations

import streamlit as st

from dashboards import labels
from dashboards.components import choose
from dashboards.data import profile_of
from queries.report import verband_report
from verbinder.render import dutch_number

st.title(labels.PAGES["start"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    report = verband_report(data, verband)
    profile = profile_of(info, verband).measures
    facts = report.verband
    st.subheader(facts.name)
    first, second, third, fourth = st.columns(4)
    first.metric(labels.ACTORS, dutch_number(report.n_actors))
    second.metric(labels.TIES, dutch_number(report.n_ties))
    third.metric(labels.INHABITANTS, dutch_number(facts.inhabitants))
    subsidy = "-" if facts.subsidy_eur is None else f"€ {dutch_number(facts.subsidy_eur)}"
    fourth.metric(labels.SUBSIDY, subsidy)
    left, right = st.columns(2)
    left.metric(labels.ENGAGED, f"{profile['betrokken_aandeel']:.0%}")
    right.metric(labels.SE_REGULAR_SHARE, f"{profile['regisseur_se_regulier_aandeel']:.0%}")
    if profile["regisseur_enige_brug"]:
        st.error(labels.ONLY_BRIDGE)
    st.caption(f"{labels.MUNICIPALITIES}: {', '.join(facts.municipalities)}")
    if facts.source:
        st.caption(facts.source)
    st.dataframe(report.actors_by_type, hide_index=True)
