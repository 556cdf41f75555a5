"""Gegevens: upload a workbook, read the validation report, import it when clean; the template."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboards import labels
from dashboards.data import store_path
from graphmodel.store import SQLiteStore, StoreError
from loaders import LoadError, load_dataset
from loaders.template import write_template

st.title(labels.PAGES["gegevens"])
with tempfile.TemporaryDirectory() as folder:
    template = write_template(Path(folder) / "verbinder-sjabloon.xlsx").read_bytes()
st.download_button(labels.TEMPLATE, template, "verbinder-sjabloon.xlsx")

upload = st.file_uploader(labels.UPLOAD, type=["xlsx"], key="gegevens_upload")
if upload is not None:
    name = st.text_input(labels.IMPORT_AS, value=Path(upload.name).stem, key="gegevens_name")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(upload.name).name
        path.write_bytes(upload.getvalue())
        try:
            result = load_dataset(path, name=name)
        except LoadError as exc:
            st.error(labels.ERRORS.format(count=len(exc.report.errors)))
            st.text("\n".join(f"- {problem}" for problem in exc.report.errors[:100]))
            st.dataframe(pd.DataFrame(exc.report.as_rows()), hide_index=True)
            result = None
    if result is not None:
        st.success(labels.NO_ERRORS)
        if result.report.problems:
            st.dataframe(pd.DataFrame(result.report.as_rows()), hide_index=True)
        if st.button(labels.IMPORT, key="gegevens_import"):
            try:
                with SQLiteStore(store_path()) as store:
                    info = store.save(
                        result.dataset,
                        action="import (dashboard)",
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
