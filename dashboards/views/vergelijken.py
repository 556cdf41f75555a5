"""Vergelijken (WSE): all verbanden side by side, fairly for their size: a funnel plot of the
effect size, the reading per verband, and the raw measures with the chosen verband marked."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.components import chart, choose, explain
from verbinder.dashboards.components import table as show_table
from verbinder.dashboards.data import ambitions_of, compared, mixing_of
from verbinder.graphmodel.formatting import number, percent
from verbinder.queries.ambitions import FUNNELED, INDICATORS, scorecard
from verbinder.queries.charts import density_chart, funnel_chart
from verbinder.queries.export import table_bytes
from verbinder.queries.mixing import MIXING_COLUMNS, MIXINGS
from verbinder.queries.places import periods_text


def _density(table: pd.DataFrame, verband: str) -> None:
    chart(density_chart(table, verband))
    st.caption(labels.MEDIAN_DENSITY.format(median=percent(float(table["dichtheid"].median()))))


def _flag(reading: str) -> str:
    good = reading.startswith(("opvallend hoger", "boven"))
    bad = reading.startswith(("opvallend lager", "onder"))
    return "background-color: #e8f5e9" if good else "background-color: #fff3e0" if bad else ""


def _groupings(table: pd.DataFrame) -> dict[str, pd.Series]:
    options = {labels.GROUPINGS_ALL: table["verband"].notna()}
    options[labels.GROUPINGS_CENTRE] = table["met_centrumstad"]
    options[labels.GROUPINGS_NO_CENTRE] = ~table["met_centrumstad"]
    options[labels.GROUPINGS_ALONE] = table["stad_alleen"]
    for column in ("provincie", "rechtsvorm"):
        for value in sorted(table[column].dropna().unique()):
            options[value] = table[column] == value
    return options


def _ambitions(table: pd.DataFrame, verband: str, name: str) -> None:
    st.subheader(labels.AMBITIONS.format(name=name))
    card = scorecard(table, verband)
    st.dataframe(card.style.map(_flag, subset=["Lezing"]), hide_index=True, width="stretch")
    st.caption(labels.AMBITIONS_NOTE)
    st.subheader(labels.AMBITIONS_ALL)
    options = _groupings(table)
    chosen = st.selectbox(labels.GROUPING, list(options), key="vergelijken_groep")
    columns = ["naam", *[c for ind in INDICATORS.values() for c in ind]]
    columns += [f"{kind}_lezing" for kind in FUNNELED]
    show_table(table.loc[options[chosen], columns])


st.title(labels.PAGES["vergelijken"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    st.caption(labels.PERIODS_COMPARED.format(periods=periods_text(data.periods)))
    kind = st.selectbox(
        labels.FUNNEL_KIND,
        list(MIXINGS),
        format_func=lambda k: MIXINGS[k][0],
        key="vergelijken_soort",
    )
    comparison = mixing_of(info, kind)
    what = MIXINGS[kind][0]
    st.subheader(labels.FUNNEL.format(what=what))
    chart(funnel_chart(comparison, verband))
    target = number(comparison.attrs["doel"])
    st.caption(labels.FUNNEL_NOTE.format(what=what, target=target))
    if comparison.attrs["overdispersie"]:
        st.caption(labels.OVERDISPERSED.format(phi=number(comparison.attrs["phi"])))
    st.subheader(labels.FUNNEL_READINGS)
    show_table(
        comparison[["naam", "lezing", "verhouding", "rang_verhouding", *MIXING_COLUMNS[3:5]]]
    )
    explain(["verhouding", "lezing", "verwacht", "rang_verhouding"])
    st.download_button(
        labels.DOWNLOAD_XLSX,
        table_bytes(comparison, ".xlsx", synthetic=data.synthetic),
        f"trechter-{kind}.xlsx",
        key="vergelijken_trechter",
    )
    _ambitions(ambitions_of(info), verband, data.verband_by_id[verband].name)
    table = compared(info)
    _density(table, verband)
    show_table(table)
    st.download_button(
        labels.DOWNLOAD_XLSX,
        table_bytes(table, ".xlsx", synthetic=data.synthetic),
        "verbanden.xlsx",
        key="vergelijken_alles",
    )
