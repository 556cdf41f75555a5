"""Dubbels: the review list of possible duplicates; merge a confirmed pair, undo a merge."""

from __future__ import annotations

import streamlit as st
from verbinder.dashboards import labels
from verbinder.dashboards.components import choose, show_saved, table
from verbinder.dashboards.data import can_merge, duplicates_of, save
from verbinder.queries.merging import MergeRefusedError, merge_actors, undo_merge

st.title(labels.PAGES["dubbels"])
chosen = choose()
if chosen is not None:
    info, data, _ = chosen
    show_saved("dubbels_done", "dubbels_confirm")
    st.caption(labels.DUPLICATES_INTRO)
    found = duplicates_of(info)
    if found.empty:
        st.info(labels.NO_DUPLICATES)
    elif not can_merge():
        table(found)
        st.info(labels.MERGE_BY_BEHEERDER)
    else:
        table(found)
        rows = list(found.itertuples(index=False))
        choice = st.selectbox(
            labels.DUPLICATE_PAIR,
            range(len(rows)),
            format_func=lambda i: (
                f"{rows[i].naam_a} ({rows[i].actor_a}) ← "
                f"{rows[i].naam_b} ({rows[i].actor_b}) [{rows[i].zekerheid}]"
            ),
            key="dubbels_pair",
        )
        confirmed = st.checkbox(labels.DUPLICATE_CONFIRM, key="dubbels_confirm")
        if st.button(labels.DUPLICATE_MERGE, disabled=not confirmed, key="dubbels_merge"):
            row = rows[choice]
            try:
                merged = merge_actors(data, row.actor_a, row.actor_b, reason=row.reden)
            except MergeRefusedError as exc:
                st.error(str(exc))
            else:
                save(merged, action=labels.MERGE_ACTION)
                st.session_state["dubbels_done"] = labels.DUPLICATE_MERGED.format(
                    id=merged.merges[-1].id
                )
                st.rerun()
    if data.merges:
        st.subheader(labels.MERGES)
        for record in data.merges:
            line, button = st.columns([5, 1])
            line.write(
                labels.MERGE_LINE.format(
                    id=record.id,
                    at=record.at.strftime("%d/%m/%Y"),
                    dropped=record.dropped,
                    kept=record.kept,
                )
                + (f" ({record.reason})" if record.reason else "")
            )
            if can_merge() and button.button(labels.UNDO, key=f"dubbels_undo_{record.id}"):
                try:
                    save(undo_merge(data, record.id), action=labels.UNDO_ACTION)
                except MergeRefusedError as exc:
                    st.error(str(exc))
                else:
                    st.session_state["dubbels_done"] = labels.UNDONE.format(id=record.id)
                    st.rerun()
