"""Widgets shared by the pages; each owns its session_state key."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.data import DatasetInfo, dataset, datasets, upload_limit_mb
from verbinder.graphmodel.formatting import count
from verbinder.graphmodel.model import Dataset
from verbinder.queries.catalogue import measure
from verbinder.queries.presentation import measure_table, shown

__all__ = [
    "chart",
    "choose",
    "choose_actor",
    "explain",
    "kept_choice",
    "measure_rows",
    "show_saved",
    "synthetic_banner",
    "table",
    "uploader",
]


def show_saved(message_key: str, confirm_key: str | None = None) -> None:
    """Show what the previous run saved (left under ``message_key``) and clear the
    confirmation checkbox ``confirm_key``: every write needs its own confirmation."""
    if message_key in st.session_state:
        st.success(st.session_state.pop(message_key))
        if confirm_key is not None:
            st.session_state[confirm_key] = False


def _css_text(text: str) -> str:
    """``text`` as a CSS string (quotes and backslashes escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def uploader(label: str, *, key: str, multiple: bool = False):
    """Streamlit's file uploader for one workbook (several with ``multiple``), in Dutch.

    Streamlit writes its button ("Upload") and size line ("200MB per file") in English and
    offers no setting for them; a style sheet hides those texts and shows Dutch ones in their
    place (the browser tests read what is visible). The hint shown while a file is dragged
    over the field ("Drag and drop a file here") stays English: its element has no stable
    name, and a broader rule garbled the list of uploaded files."""
    zone = '[data-testid="stFileUploaderDropzone"]'
    hidden = {
        f'{zone} button [data-testid="stMarkdownContainer"] p': (
            labels.UPLOAD_BUTTON_MANY if multiple else labels.UPLOAD_BUTTON
        ),
        '[data-testid="stFileUploaderDropzoneInstructions"] span': labels.UPLOAD_LIMIT.format(
            mb=count(upload_limit_mb())
        ),
    }
    rules = "".join(
        f"{selector} {{font-size: 0}} {selector}::after {{content: {_css_text(text)}; "
        "font-size: 0.875rem}"
        for selector, text in hidden.items()
    )
    st.html(f"<style>{rules}</style>")
    return st.file_uploader(label, type=["xlsx"], key=key, accept_multiple_files=multiple)


def synthetic_banner(data: Dataset) -> None:
    """The banner every page shows above synthetic data."""
    if data.synthetic:
        st.warning(labels.SYNTHETIC, icon="⚠️")


def _memory(key: str) -> str:
    """Where a kept choice lives in the session, under a key no widget owns."""
    return f"gekozen_{key}"


def kept_choice(key: str, options: list[str], where=st.sidebar, **widget: object) -> str:
    """A choice (a selectbox in ``where``, the sidebar by default) that stays across pages
    and lives in the URL (``?key=value``), so a view can be bookmarked or sent on. Streamlit
    resets a widget on another page, so the choice is kept under a key no widget owns,
    updated by the widget's own callback (which runs before the page) and written into the
    widget before it is drawn. An empty choice ("") stays out of the URL."""
    memory = _memory(key)
    if memory not in st.session_state and st.query_params.get(key) in options:
        st.session_state[memory] = st.query_params[key]  # a bookmarked or shared view
    if st.session_state.get(memory) in options:
        st.session_state[key] = st.session_state[memory]

    def remember() -> None:
        st.session_state[memory] = st.session_state[key]

    chosen = where.selectbox(options=options, key=key, on_change=remember, **widget)
    st.session_state[memory] = chosen
    if chosen:
        st.query_params[key] = chosen
    elif key in st.query_params:
        del st.query_params[key]
    return chosen


def choose_actor(actor: str) -> None:
    """Make ``actor`` the chosen organisation (as if picked in the search box) for the next run."""
    st.session_state[_memory("actor")] = actor


def choose() -> tuple[DatasetInfo, Dataset, str] | None:
    """Dataset (its info and content) and verband chosen in the sidebar, kept across pages
    and in the URL; None when the store is empty."""
    infos = datasets()
    if not infos:
        st.info(labels.NO_DATASET)
        return None
    name = kept_choice("dataset", [info.name for info in infos], label=labels.DATASET)
    info = next(info for info in infos if info.name == name)
    data = dataset(info)
    verbanden = sorted(data.verband_by_id)
    if not verbanden:
        st.info(labels.NO_DATASET)
        return None
    verband = kept_choice(
        "verband",
        verbanden,
        label=labels.VERBAND,
        format_func=lambda v: f"{v} - {data.verband_by_id[v].name}",
    )
    synthetic_banner(data)
    return info, data, verband


ROWS_SHOWN = 500
"""Rows a table shows until the user asks for all: the first rows of a sorted table are what
people read, and formatting 3,000 rows took half a second of every page switch."""


def table(frame: pd.DataFrame, **options: object) -> None:
    """``frame`` as people read it: Dutch headings from the measure catalogue, Belgian number
    formats (the values stay numbers, so a column still sorts as numbers), and each heading's
    reading as its tooltip. A table of more than :data:`ROWS_SHOWN` rows shows its first ones,
    says so, and has a switch to show them all."""
    if frame.index.name is not None:
        frame = frame.reset_index()
    if len(frame) > ROWS_SHOWN:
        every = st.toggle(
            labels.SHOW_ALL_ROWS.format(count=count(len(frame))),
            key="alle_rijen_" + "|".join(map(str, frame.columns)),
        )
        if not every:
            st.caption(labels.ROWS_SHOWN.format(shown=count(ROWS_SHOWN), count=count(len(frame))))
            frame = frame.head(ROWS_SHOWN)
    entries = [measure(str(column)) for column in frame.columns]
    named = frame.set_axis([entry.name for entry in entries], axis=1)
    styler = named.style.format(
        {entry.name: (lambda value, entry=entry: shown(value, entry)) for entry in entries}
    )
    config = {entry.name: st.column_config.Column(help=entry.reading) for entry in entries}
    st.dataframe(styler, hide_index=True, column_config=config, width="stretch", **options)


def measure_rows(values: dict[str, object]) -> None:
    """Whole-network measures as a table: name, value, what it says."""
    st.dataframe(measure_table(values), hide_index=True, width="stretch")


def explain(columns: list[str]) -> None:
    """A 'Wat zie ik?' expander: what each column means, with its method and source."""
    with st.expander(labels.WHAT_DO_I_SEE):
        for column in columns:
            entry = measure(column)
            source = f" *{entry.method}* ({entry.reference})" if entry.method else ""
            st.markdown(f"**{entry.name}**: {entry.reading}{source}")


def chart(figure) -> None:
    """A chart of :mod:`queries.charts` across the page's width."""
    st.altair_chart(figure, width="stretch")
