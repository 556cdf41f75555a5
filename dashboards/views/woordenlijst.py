"""Woordenlijst: the words and measures of Verbinder in plain Dutch, for every user."""

from __future__ import annotations

import streamlit as st
from verbinder.dashboards import labels
from verbinder.queries.catalogue import catalogue, glossary

st.title(labels.PAGES["woordenlijst"])
st.markdown(glossary().split("\n", 1)[1])  # the file's own title is the page's
st.subheader(labels.GLOSSARY_MEASURES)
wanted = st.text_input(labels.GLOSSARY_FILTER, key="woordenlijst_zoek").strip().lower()
for entry in catalogue().values():
    if wanted and wanted not in f"{entry.name} {entry.reading}".lower():
        continue
    source = f"  \n*{entry.method}* {entry.reference}" if entry.method else ""
    st.markdown(f"**{entry.name}**: {entry.reading}{source}")
