"""The network drawn as a Streamlit component, so that a click on an organisation reaches the
page (a plain ``st.iframe`` cannot answer). The frame is ``network_frame/index.html``, served
by Streamlit itself: nothing is loaded from outside."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

__all__ = ["network_frame"]

_FRAME = components.declare_component(
    "verbinder_netwerk", path=str(Path(__file__).parent / "network_frame")
)


def network_frame(page: str, *, height: int, key: str) -> str | None:
    """Show ``page`` (from :func:`dashboards.network_view.render` with ``clickable=True``)
    and return the id of an organisation clicked since the last call, else None."""
    clicked = _FRAME(html=page, height=height, key=key, default=None)
    seen = f"{key}_seen"
    if not clicked or clicked.get("t") == st.session_state.get(seen):
        return None
    st.session_state[seen] = clicked.get("t")
    return str(clicked.get("id"))
