"""The network drawn as a Streamlit component, so that a click on an organisation reaches the
page (a plain ``st.iframe`` cannot answer). Streamlit serves the component's folder itself:
nothing is loaded from outside.

The folder holds the frame's page (``network_frame/index.html`` of the package) and
vis-network as a file (:data:`dashboards.network_view.VIS_FILE`, pyvis's copy), which each
drawing loads by name instead of carrying it inline: the browser fetches and compiles it once.
Since an installed package may not be writable, the folder is made once per version in the
user's cache directory (a temporary one when that cannot be written).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import platformdirs
import streamlit as st
import streamlit.components.v1 as components
from verbinder.dashboards.network_view import vis_script

__all__ = ["frame_folder", "network_frame"]

_PAGE = Path(__file__).parent / "network_frame" / "index.html"


def _fill(folder: Path) -> None:
    """Copy the frame's files into ``folder`` (each written aside, then renamed in place)."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in (_PAGE, vis_script()):
        target = folder / source.name
        if not target.exists():
            partial = folder / f".{source.name}.{os.getpid()}"
            shutil.copyfile(source, partial)
            partial.replace(target)


def frame_folder() -> Path:
    """The component's folder: ``index.html`` and ``vis-network.min.js``, named after a hash
    of both so that a new version never serves an old copy."""
    digest = hashlib.sha256(_PAGE.read_bytes() + vis_script().read_bytes()).hexdigest()[:16]
    name = f"netwerk-{digest}"
    try:
        folder = platformdirs.user_cache_path("verbinder") / name
        _fill(folder)
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix=f"verbinder-{name}-"))
        _fill(folder)
    return folder


_FRAME = components.declare_component("verbinder_netwerk", path=str(frame_folder()))


def network_frame(page: str, *, height: int, key: str) -> str | None:
    """Show ``page`` (from :func:`dashboards.network_view.render` with ``clickable=True``)
    and return the id of an organisation clicked since the last call, else None."""
    clicked = _FRAME(html=page, height=height, key=key, default=None)
    seen = f"{key}_seen"
    if not clicked or clicked.get("t") == st.session_state.get(seen):
        return None
    st.session_state[seen] = clicked.get("t")
    return str(clicked.get("id"))
