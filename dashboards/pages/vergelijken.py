"""Vergelijken (WSE): all verbanden side by side, fairly for their size: a funnel plot of the
effect size, the reading per verband, and the raw measures with the chosen verband marked."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboards import labels
from dashboards.components import chart, choose, explain
from dashboards.components import table as show_table
from dashboards.data import ambitions_of, compared, mixing_of
from graphmodel.formatting import number, percent
from queries.ambitions import FUNNELED, INDICATORS, scorecard
from queries.catalogue import measure
from queries.export import table_bytes
from queries.mixing import MIXING_COLUMNS, MIXINGS, funnel_curves

COLOURS = alt.Scale(
    domain=[labels.OTHER_VERBANDEN, labels.THIS_VERBAND], range=["#90a4ae", "#e65100"]
)


def _chosen(frame: pd.DataFrame, verband: str) -> pd.DataFrame:
    frame = frame.copy()
    frame["verband_keuze"] = [
        labels.THIS_VERBAND if v == verband else labels.OTHER_VERBANDEN for v in frame["verband"]
    ]
    return frame


def _tooltip(*columns: str) -> list[alt.Tooltip]:
    return [alt.Tooltip(c, title=measure(c).name) for c in columns]


def _density(table: pd.DataFrame, verband: str) -> alt.Chart:
    frame = _chosen(table[["verband", "naam", "actoren", "dichtheid"]].dropna(), verband)
    median = float(table["dichtheid"].median())
    dots = (
        alt.Chart(frame)
        .mark_circle(size=70)
        .encode(
            x=alt.X("actoren", title=measure("actoren").name),
            y=alt.Y("dichtheid", title=measure("dichtheid").name, axis=alt.Axis(format="%")),
            color=alt.Color("verband_keuze", title=None, scale=COLOURS),
            tooltip=_tooltip("naam", "actoren", "dichtheid"),
        )
    )
    line = alt.Chart(pd.DataFrame({"mediaan": [median]})).mark_rule(color="grey")
    chart(dots + line.encode(y="mediaan"))
    st.caption(labels.MEDIAN_DENSITY.format(median=percent(median)))


def _funnel(comparison: pd.DataFrame, verband: str) -> alt.LayerChart:
    curves = funnel_curves(comparison)
    x = alt.X("verwacht", title=measure("verwacht").name, scale=alt.Scale(type="log"))
    layers = [
        alt.Chart(curves)
        .mark_line(color="#546e7a", strokeDash=dash, strokeWidth=1.5)
        .encode(x=x, y=alt.Y(column, title=measure("verhouding").name))
        for column, dash in (
            ("ondergrens_95", [5, 4]),
            ("bovengrens_95", [5, 4]),
            ("ondergrens_998", [1, 0]),
            ("bovengrens_998", [1, 0]),
        )
    ]
    target = pd.DataFrame({"verhouding": [comparison.attrs["doel"]]})
    layers.append(alt.Chart(target).mark_rule(color="#546e7a").encode(y="verhouding"))
    points = _chosen(comparison[comparison["verwacht"] > 0], verband)
    base = alt.Chart(points).encode(
        x=x,
        y="verhouding",
        tooltip=_tooltip("naam", "verhouding", "verwacht", "waargenomen", "lezing"),
    )
    layers.append(
        base.mark_circle(size=80, opacity=0.85).encode(
            color=alt.Color("verband_keuze", title=None, scale=COLOURS),
            size=alt.condition(f"datum.verband == '{verband}'", alt.value(220), alt.value(70)),
        )
    )
    layers.append(
        base.transform_filter(f"datum.verband == '{verband}'")
        .mark_text(align="left", dx=9, fontWeight="bold", color="#e65100")
        .encode(text="naam")
    )
    return alt.layer(*layers)


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
    kind = st.selectbox(
        labels.FUNNEL_KIND,
        list(MIXINGS),
        format_func=lambda k: MIXINGS[k][0],
        key="vergelijken_soort",
    )
    comparison = mixing_of(info, kind)
    what = MIXINGS[kind][0]
    st.subheader(labels.FUNNEL.format(what=what))
    chart(_funnel(comparison, verband))
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
