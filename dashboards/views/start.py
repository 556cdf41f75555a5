"""Start: the chosen verband's key figures and reference facts."""

from __future__ import annotations

import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.components import choose, table
from verbinder.dashboards.data import can_write, datasets, load_demo, profile_of, template_bytes
from verbinder.graphmodel.formatting import count, money, percent
from verbinder.queries.places import municipality_list, periods_text
from verbinder.queries.report import verband_report

st.title(labels.PAGES["start"])


def first_run() -> None:
    """An empty store: offer the demo and the way to one's own data."""
    st.markdown(labels.FIRST_RUN)
    if not can_write():
        st.info(labels.FIRST_RUN_ASK)
        return
    demo, own = st.columns(2)
    with demo:
        st.markdown(labels.FIRST_RUN_DEMO)
        if st.button(labels.LOAD_DEMO, key="start_demo", type="primary"):
            with st.spinner(labels.SPIN_DEMO):
                load_demo()
            st.rerun()
    with own:
        st.markdown(labels.FIRST_RUN_OWN)
        st.download_button(labels.TEMPLATE, template_bytes(), "verbinder-sjabloon.xlsx")
        st.page_link("views/gegevens.py", label=labels.GO_UPLOAD)


chosen = None if not datasets() else choose()
if chosen is None and not datasets():
    first_run()
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
    st.caption(f"{labels.POLICY_CYCLE}: {periods_text([facts.period])}")
    st.caption(f"{labels.MUNICIPALITIES}: {municipality_list(facts.municipalities)}")
    if facts.source:
        st.caption(facts.source)
    table(report.actors_by_type)
