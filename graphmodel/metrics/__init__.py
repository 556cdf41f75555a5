"""Network metrics as pure functions on networkx graphs (one topic per module)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import pandas as pd

__all__ = ["node_index"]


def node_index(nodes: Iterable[Hashable]) -> pd.Index:
    """The index of a per-node frame: one entry per node, whatever hashable it is.

    pandas turns a list of tuples into a MultiIndex; node ids that are tuples stay whole here.

    >>> node_index([("a", 1), ("b", 2)]).tolist()
    [('a', 1), ('b', 2)]
    """
    return pd.Index(list(nodes), name="node", dtype=object, tupleize_cols=False)
