"""Vergelijken (WSE): all verbanden side by side, raw and adjusted, with the chosen one marked."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboards import labels
from dashboards.components import choose
from dashboards.data import compared
from queries.export import table_bytes

st.title(labels.PAGES["vergelijken"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    table = compared(info)
    chart = table[["verband", "actoren", "dichtheid", "gemiddelde_graad", "se_regulier_z"]].copy()
    chart["verband_keuze"] = [
        labels.THIS_VERBAND if v == verband else labels.OTHER_VERBANDEN for v in chart["verband"]
    ]
    st.scatter_chart(chart, x="actoren", y="dichtheid", color="verband_keuze")
    st.caption(f"Mediaan dichtheid: {table['dichtheid'].median():.3f}".replace(".", ","))
    st.subheader(labels.FUNNEL)
    funnel = table[["verband", "actoren", "se_regulier_z"]].dropna().copy()
    funnel["verband_keuze"] = [
        labels.THIS_VERBAND if v == verband else labels.OTHER_VERBANDEN for v in funnel["verband"]
    ]
    points = (
        alt.Chart(funnel)
        .mark_circle(size=70)
        .encode(
            x=alt.X("actoren", title=labels.ACTORS),
            y=alt.Y("se_regulier_z", title="z"),
            color=alt.Color("verband_keuze", title=None),
            tooltip=["verband", "actoren", "se_regulier_z"],
        )
    )
    bands = (
        alt.Chart(pd.DataFrame({"z": [-3, -1.96, 1.96, 3]}))
        .mark_rule(strokeDash=[4, 4], color="grey")
        .encode(y="z")
    )
    st.altair_chart(points + bands, width="stretch")
    st.caption(labels.FUNNEL_NOTE)
    st.dataframe(table, hide_index=True, width="stretch")
    st.download_button(
        labels.DOWNLOAD_XLSX,
        table_bytes(table, ".xlsx", synthetic=data.synthetic),
        "verbanden.xlsx",
    )
