"""Vergelijken (WSE): all verbanden side by side, raw and adjusted, with the chosen one marked."""

from __future__ import annotations

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
    st.dataframe(table, hide_index=True, use_container_width=True)
    st.download_button(
        labels.DOWNLOAD_XLSX,
        table_bytes(table, ".xlsx", synthetic=data.synthetic),
        "verbanden.xlsx",
    )
