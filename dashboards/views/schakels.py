"""Ontbrekende schakels: ranked missing links with their reasons, and the event planner."""

from __future__ import annotations

from datetime import date

import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.components import choose, explain, show_saved, table
from verbinder.dashboards.data import links_of, plan_of, save, sector_activities
from verbinder.dashboards.matchmaking_view import MATCH_HEIGHT, matchmaking_page
from verbinder.dashboards.network_view import frame_height
from verbinder.graphmodel.formatting import count, number
from verbinder.queries.actions import record_contact
from verbinder.queries.export import table_bytes

st.title(labels.PAGES["schakels"])


def show_plan(plan, data) -> None:
    """The invite list with its seating plan, notes, reading and download."""
    st.markdown(
        labels.PLAN_SUMMARY.format(
            invited=count(len(plan)), expected=number(plan.attrs["verwachte_links"], 1)
        )
    )
    for note in plan.attrs["opmerkingen"]:
        st.info(note)
    table(plan[["tafel", "naam", "type", "kant", "bijdrage", "reden"]])
    explain(["tafel", "bijdrage"])
    st.download_button(
        labels.DOWNLOAD_XLSX,
        table_bytes(plan, ".xlsx", synthetic=data.synthetic),
        "uitnodigingen.xlsx",
    )


chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    show_saved("schakels_saved", "schakels_confirm")
    left, right = st.columns(2)
    top = left.number_input(labels.TOP_N, min_value=1, max_value=500, value=25, key="schakels_top")
    sectors = right.multiselect(
        labels.SECTOR_FILTER, sector_activities(), key="schakels_sector", placeholder=labels.CHOOSE
    )
    links = links_of(info, verband, tuple(sectors), int(top))
    for line in links.attrs["dekking"]:
        st.info(line)
    table(links[["score", "se_naam", "werkgever_naam", "uitleg"]])
    explain(["score", "sectorfit", "plaats", "netwerknabijheid", "openheid", "capaciteit"])
    st.subheader(labels.MATCH_MAP)
    towns = st.multiselect(
        labels.MATCH_TOWNS,
        sorted(set(links["werkgever_gemeente"].dropna())),
        key="schakels_towns",
        placeholder=labels.CHOOSE,
    )
    shown = links[links["werkgever_gemeente"].isin(towns)] if towns else links
    st.caption(labels.MATCH_CAPTION)
    st.iframe(matchmaking_page(shown), height=frame_height(MATCH_HEIGHT, legend=True))
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
    st.subheader(labels.CONTACT)
    pairs = list(zip(links["se_actor"], links["werkgever"], strict=True))
    names = dict(zip(links["se_actor"], links["se_naam"], strict=True)) | dict(
        zip(links["werkgever"], links["werkgever_naam"], strict=True)
    )
    if pairs:
        pair = st.selectbox(
            labels.CONTACT_PAIR,
            pairs,
            key="schakels_pair",
            format_func=lambda p: f"{names[p[0]]} - {names[p[1]]}",
        )
        confirmed = st.checkbox(labels.CONTACT_CONFIRM, key="schakels_confirm")
        if st.button(labels.CONTACT_SAVE, disabled=not confirmed, key="schakels_save"):
            day = date.today()
            save(record_contact(data, pair[0], pair[1], day=day), action=labels.CONTACT_ACTION)
            st.session_state["schakels_saved"] = labels.CONTACT_SAVED.format(
                day=day.strftime("%d/%m/%Y")
            )
            st.rerun()  # show the list without the recorded pair
    st.subheader(labels.PLAN)
    left, right = st.columns(2)
    capacity = left.number_input(
        labels.CAPACITY, min_value=2, max_value=300, value=20, key="schakels_capacity"
    )
    table_size = right.number_input(
        labels.TABLE_SIZE, min_value=2, max_value=20, value=6, key="schakels_table_size"
    )
    wanted = (info.name, info.version, verband, tuple(sectors), int(capacity), int(table_size))
    if st.button(labels.MAKE_PLAN, key="schakels_make_plan"):
        st.session_state["schakels_plan_for"] = wanted
    if st.session_state.get("schakels_plan_for") == wanted:
        show_plan(plan_of(info, verband, tuple(sectors), int(capacity), int(table_size)), data)
    else:
        st.caption(labels.PLAN_HINT)
