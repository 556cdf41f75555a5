"""Verbinder's Streamlit dashboard: the entry file (run with `streamlit run dashboards/app.py`)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.data import (
    NotSignedInError,
    StoreError,
    auth_configured,
    is_analyst,
    principal,
)

st.set_page_config(page_title=labels.APP_TITLE, page_icon="🔗", layout="wide")
try:
    who = principal()
except NotSignedInError:
    st.title(labels.APP_TITLE)
    if not auth_configured():
        st.error(labels.AUTH_MISSING)
    elif st.button(labels.SIGN_IN, type="primary"):
        st.login()
    st.stop()
except StoreError as exc:
    st.title(labels.APP_TITLE)
    st.error(str(exc))
    if st.user.get("is_logged_in") and st.button(labels.SIGN_OUT):
        st.logout()
    st.stop()

pages = labels.ANALYST_PAGES if is_analyst(who) else labels.PAGES
here = Path(__file__).parent / "views"
navigation = st.navigation(
    [
        st.Page(str(here / f"{key}.py"), title=labels.PAGES[key], default=key == "start")
        for key in pages
    ]
)
try:
    navigation.run()
except StoreError as exc:  # no access, or saved by someone else in between: say so
    st.error(str(exc))
st.sidebar.caption(who.describe())
if not who.local and st.sidebar.button(labels.SIGN_OUT, key="afmelden"):
    st.logout()
