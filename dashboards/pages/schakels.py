"""Ontbrekende schakels: ranked missing links with their reasons, and the event planner."""

from __future__ import annotations

import streamlit as st

from dashboards import labels
from dashboards.components import choose
from loaders.sector_fit import default_sector_fit
from queries.event_planner import plan_event
from queries.export import table_bytes
from queries.missing_links import missing_links

st.title(labels.PAGES["schakels"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    fit = default_sector_fit()
    left, right = st.columns(2)
    top = left.number_input(labels.TOP_N, min_value=1, max_value=500, value=25, key="schakels_top")
    sectors = right.multiselect(
        labels.SECTOR_FILTER, fit.activities, key="schakels_sector", placeholder=labels.CHOOSE
    )
    links = missing_links(data, verband, fit=fit, sectors=sectors or None, top=int(top))
    st.dataframe(
        links[["score", "se_naam", "werkgever_naam", "uitleg"]],
        hide_index=True,
        use_container_width=True,
    )
    first, second = st.columns(2)
    first.download_button(
        labels.DOWNLOAD_CSV,
        table_bytes(links, ".csv", synthetic=data.synthetic),
        "ontbrekende-schakels.csv",
        "text/csv",
    )
    second.download_button(
        labels.DOWNLOAD_XLSX,
        table_bytes(links, ".xlsx", synthetic=data.synthetic),
        "ontbrekende-schakels.xlsx",
    )
    st.subheader(labels.PLAN)
    capacity = st.number_input(
        labels.CAPACITY, min_value=2, max_value=300, value=20, key="schakels_capacity"
    )
    plan = plan_event(data, verband, capacity=int(capacity), fit=fit, sectors=sectors or None)
    st.dataframe(plan, hide_index=True, use_container_width=True)
    st.download_button(
        labels.DOWNLOAD_XLSX,
        table_bytes(plan, ".xlsx", synthetic=data.synthetic),
        "uitnodigingen.xlsx",
    )
