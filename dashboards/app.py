"""Verbinder's Streamlit dashboard: the entry file (run with `streamlit run dashboards/app.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboards import labels

st.set_page_config(page_title=labels.APP_TITLE, page_icon="🔗", layout="wide")
here = Path(__file__).parent / "pages"
navigation = st.navigation(
    [
        st.Page(str(here / f"{key}.py"), title=title, default=key == "start")
        for key, title in labels.PAGES.items()
    ]
)
navigation.run()
