"""Vergelijken (WSE): all verbanden side by side, raw and adjusted, with the chosen one marked."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboards import labels
from dashboards.components import choose
from dashboards.components import table as show_table
from dashboards.data import compared
from graphmodel.formatting import percent
from queries.export import table_bytes

COLOURS = alt.Scale(
    domain=[labels.OTHER_VERBANDEN, labels.THIS_VERBAND], range=["#90a4ae", "#e65100"]
)


def _dots(table: pd.DataFrame, column: str, verband: str, y: alt.Y) -> alt.Chart:
    """One dot per verband (size on x, ``column`` on y), the chosen verband in orange."""
    frame = table[["verband", "actoren", column]].dropna().copy()
    frame["verband_keuze"] = [
        labels.THIS_VERBAND if v == verband else labels.OTHER_VERBANDEN for v in frame["verband"]
    ]
    return (
        alt.Chart(frame)
        .mark_circle(size=70)
        .encode(
            x=alt.X("actoren", title=labels.ACTORS),
            y=y,
            color=alt.Color("verband_keuze", title=None, scale=COLOURS),
            tooltip=["verband", "actoren", column],
        )
    )


st.title(labels.PAGES["vergelijken"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    table = compared(info)
    median = float(table["dichtheid"].median())
    dots = _dots(table, "dichtheid", verband, alt.Y("dichtheid"))
    line = (
        alt.Chart(pd.DataFrame({"mediaan": [median]})).mark_rule(color="grey").encode(y="mediaan")
    )
    st.altair_chart(dots + line, width="stretch")
    st.caption(labels.MEDIAN_DENSITY.format(median=percent(median)))
    st.subheader(labels.FUNNEL)
    points = _dots(table, "se_regulier_z", verband, alt.Y("se_regulier_z", title="z"))
    bands = (
        alt.Chart(pd.DataFrame({"z": [-3, -1.96, 1.96, 3]}))
        .mark_rule(strokeDash=[4, 4], color="grey")
        .encode(y="z")
    )
    st.altair_chart(points + bands, width="stretch")
    st.caption(labels.FUNNEL_NOTE)
    show_table(table)
    st.download_button(
        labels.DOWNLOAD_XLSX,
        table_bytes(table, ".xlsx", synthetic=data.synthetic),
        "verbanden.xlsx",
    )
