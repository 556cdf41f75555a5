"""Netwerkbevraging: the partners' own forms for a verband: make them, read the returned ones,
and the round's response, confirmed relations, trust and value (issue #18)."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.components import (
    choose,
    explain,
    measure_rows,
    show_saved,
    table,
    uploader,
)
from verbinder.dashboards.data import (
    LoadError,
    can_write,
    read_roster_upload,
    roster_forms_zip,
    save,
)
from verbinder.graphmodel.formatting import Kind, format_value
from verbinder.queries.roster import (
    record_roster,
    response_rates,
    response_warning,
    roster_additions,
    roster_comparison,
    roster_members,
    roster_scores,
    roster_summary,
    roster_ties,
)


def _forms(data, verband: str) -> None:
    """Make the forms on request (a few seconds for a large verband), then offer the zip."""
    key = f"netwerkbevraging_zip_{data.name}_{verband}"
    if len(roster_members(data, verband)) < 2:
        st.info(labels.ROSTER_TOO_FEW)
        return
    if st.button(labels.ROSTER_MAKE, key="netwerkbevraging_maak"):
        with st.spinner(labels.ROSTER_MAKING):
            st.session_state[key] = roster_forms_zip(data, verband)
    if key in st.session_state:
        st.download_button(
            labels.ROSTER_DOWNLOAD,
            st.session_state[key],
            f"netwerkbevraging-{verband}.zip",
            key="netwerkbevraging_download",
        )


def _read(data, verband: str) -> None:
    files = uploader(labels.ROSTER_UPLOAD, key="netwerkbevraging_upload", multiple=True)
    rule = st.radio(
        labels.ROSTER_RULE,
        list(labels.ROSTER_RULES),
        format_func=labels.ROSTER_RULES.get,
        key="netwerkbevraging_regel",
    )
    if not files or not st.button(labels.ROSTER_READ, key="netwerkbevraging_lees"):
        return
    try:
        with st.spinner(labels.ROSTER_READING.format(count=len(files))):
            forms = read_roster_upload([(f.name, f.getvalue()) for f in files], data, verband)
    except LoadError as exc:
        st.error(labels.ROSTER_NOTHING_READ)
        st.text("\n".join(f"- {problem}" for problem in exc.report.errors[:100]))
        table(pd.DataFrame(exc.report.as_rows()))
        return
    changed = record_roster(data, verband, forms.responses, rule=rule)
    if changed.same_content(data):
        st.info(labels.ROSTER_UNCHANGED.format(count=len(forms.responses)))
        return
    save(changed, action=labels.ROSTER_ACTION, file=f"{len(files)} formulieren")
    st.session_state["netwerkbevraging_saved"] = labels.ROSTER_SAVED.format(
        count=len(forms.responses), verband=verband
    )
    st.rerun()


st.title(labels.PAGES["netwerkbevraging"])
chosen = choose()
if chosen is not None:
    info, data, verband = chosen
    show_saved("netwerkbevraging_saved")
    st.caption(labels.ROSTER_INTRO)
    if can_write():
        _forms(data, verband)
        _read(data, verband)
    summary = roster_summary(data, verband)
    st.subheader(labels.ROSTER_OVERVIEW)
    if not summary["geantwoord"]:
        st.info(labels.ROSTER_NONE)
    else:
        if warning := response_warning(summary["respons"]):
            st.warning(warning)
        measure_rows(summary)
        table(response_rates(data, verband))
        if can_write():  # an analist sees the aggregates only
            st.subheader(labels.ROSTER_TIES)
            ties = roster_ties(data, verband)
            table(ties.drop(columns=["actor_a", "actor_b"]))
            st.subheader(labels.ROSTER_SCORES)
            table(roster_scores(data, verband).drop(columns="actor"))
            added = roster_additions(data, verband)
            if not added.empty:
                st.subheader(labels.ROSTER_ADDED)
                st.caption(labels.ROSTER_ADDED_NOTE)
                table(added)
        explain(["bevestiging", "vertrouwen", "meerwaarde", "respons"])
    compared = roster_comparison(data)
    if not compared.empty:
        st.subheader(labels.ROSTER_COMPARE)
        pooled = format_value(compared.attrs["vlaanderen"], Kind.SHARE, labels.NOT_COMPUTABLE)
        st.caption(labels.ROSTER_COMPARE_NOTE.format(share=pooled))
        table(compared)
        explain(["respons_lezing", "respons_ondergrens"])
