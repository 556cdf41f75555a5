"""Gegevens: upload a workbook, read the validation report, import it when clean; the template."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.components import table, uploader
from verbinder.dashboards.data import (
    LoadError,
    StoreError,
    periods,
    read_upload,
    save,
    template_bytes,
)
from verbinder.queries.places import periods_text

st.title(labels.PAGES["gegevens"])
st.download_button(labels.TEMPLATE, template_bytes(), "verbinder-sjabloon.xlsx")

upload = uploader(labels.UPLOAD, key="gegevens_upload")
if upload is not None:
    name = st.text_input(labels.IMPORT_AS, value=Path(upload.name).stem, key="gegevens_name")
    period = st.selectbox(
        labels.PERIOD_CHOICE,
        periods(),
        format_func=lambda period: periods_text([period]),
        key="gegevens_period",
        help=labels.PERIOD_CHOICE_HELP,
    )
    try:
        result = read_upload(upload.name, upload.getvalue(), name, period)
    except LoadError as exc:
        st.error(labels.ERRORS.format(count=len(exc.report.errors)))
        st.text("\n".join(f"- {problem}" for problem in exc.report.errors[:100]))
        table(pd.DataFrame(exc.report.as_rows()))
        result = None
    if result is not None:
        st.success(labels.NO_ERRORS)
        if result.report.problems:
            table(pd.DataFrame(result.report.as_rows()))
        replace = st.checkbox(labels.REPLACE, key="gegevens_replace")
        if st.button(labels.IMPORT, key="gegevens_import"):
            try:
                info = save(
                    result.dataset,
                    action=labels.IMPORT_ACTION,
                    replace=replace,
                    file=upload.name,
                    sha256=result.sha256,
                )
                st.success(
                    labels.IMPORTED.format(
                        name=info.name, actors=info.counts["actoren"], ties=info.counts["relaties"]
                    )
                )
            except StoreError as exc:
                st.error(str(exc))
