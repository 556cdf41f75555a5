"""Widgets shared by the pages; each owns its session_state key."""

from __future__ import annotations

import streamlit as st

from dashboards import labels
from dashboards.data import dataset, datasets
from graphmodel.model import Dataset
from graphmodel.store import DatasetInfo

__all__ = ["choose", "show_saved", "synthetic_banner"]


def show_saved(message_key: str, confirm_key: str | None = None) -> None:
    """Show what the previous run saved (left under ``message_key``) and clear the
    confirmation checkbox ``confirm_key``: every write needs its own confirmation."""
    if message_key in st.session_state:
        st.success(st.session_state.pop(message_key))
        if confirm_key is not None:
            st.session_state[confirm_key] = False


def synthetic_banner(data: Dataset) -> None:
    """The banner every page shows above synthetic data."""
    if data.synthetic:
        st.warning(labels.SYNTHETIC, icon="⚠️")


def choose() -> tuple[DatasetInfo, Dataset, str] | None:
    """Dataset (its info and content) and verband chosen in the sidebar, kept across pages;
    None when the store is empty."""
    infos = datasets()
    if not infos:
        st.info(labels.NO_DATASET)
        return None
    names = [info.name for info in infos]
    name = st.sidebar.selectbox(labels.DATASET, names, key="dataset")
    info = next(info for info in infos if info.name == name)
    data = dataset(info)
    verbanden = sorted(data.verband_by_id)
    if not verbanden:
        st.info(labels.NO_DATASET)
        return None
    verband = st.sidebar.selectbox(
        labels.VERBAND,
        verbanden,
        key="verband",
        format_func=lambda v: f"{v} - {data.verband_by_id[v].name}",
    )
    synthetic_banner(data)
    return info, data, verband
