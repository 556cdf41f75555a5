"""Gould-Fernandez brokerage roles with their expected values and z-scores.

Definitions
-----------
A broker ``b`` sits on an *open* two-path ``a -> b -> c``: ``a != c`` and there is no arc
``a -> c`` (an arc ``c -> a`` does not matter). With a partition of the actors into groups,
each open two-path gives the broker one role (Gould & Fernandez 1989, Table 1; the names and
the letters of R's ``sna::brokerage``):

========================= ============ ============================================
role                      sna          groups of (a, b, c)
========================= ============ ============================================
coordinator               w_I          A -> A -> A
itinerant (consultant)    w_O          A -> B -> A
representative            b_IO         A -> A -> B  (broker in the source's group)
gatekeeper                b_OI         A -> B -> B  (broker in the target's group)
liaison                   b_O          A -> B -> C
========================= ============ ============================================

Undirected ties count as two arcs; several ties between the same ordered pair are one arc.

Expected counts and variances under random assignment follow ``sna::brokerage`` (Butts,
sna 2.x, R/nli.R): with density ``d = m / (N (N - 1))`` over ``m`` arcs, ``p = d^2 (1 - d)``,
``q = d^3 (1 - d)^3``, a broker in group ``i`` of size ``n_i`` and the other groups ``j``:

- coordinator: ``E = p (n_i - 1)(n_i - 2)``,
  ``Var = E (1 - p) + 2 (n_i - 1)(n_i - 2)(n_i - 3) q``
- itinerant: ``E = p sum_j n_j (n_j - 1)``, ``Var = E (1 - p) + 2 q sum_j n_j (n_j - 1)(n_j - 2)``
- representative and gatekeeper: ``E = p (N - n_i)(n_i - 1)``,
  ``Var = E (1 - p) + 2 q ((n_i - 1) C(N - n_i, 2) + (N - n_i) C(n_i - 1, 2))``
- liaison: ``E = p ((N - n_i)^2 - sum_j n_j^2)``,
  ``Var = E (1 - p) + 4 q sum_j n_j C(N - n_j - n_i, 2)``
- total: ``E = p (N - 1)(N - 2)``, ``Var = E (1 - p) + 2 (N - 1)(N - 2)(N - 3) q``

References
----------
.. [1] Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: A formal approach
   to brokerage in transaction networks. Sociological Methodology 19: 89-126.
.. [2] Butts, C. T. sna: Tools for Social Network Analysis, function ``brokerage``.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from itertools import permutations
from math import comb

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
from verbinder.graphmodel.metrics import node_index

__all__ = ["ROLES", "brokerage", "brokerage_counts"]

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def _groups_of(G: nx.Graph, groups: str | Mapping[Hashable, Hashable]) -> dict:
    if isinstance(groups, str):
        values = dict(G.nodes(data=groups))
    else:
        values = {n: groups.get(n) for n in G}
    missing = [n for n, g in values.items() if g is None]
    if missing:
        raise ValueError(f"no group for nodes {missing[:5]}")
    return values


def _arcs(G: nx.Graph, index: dict) -> tuple[np.ndarray, np.ndarray]:
    """Source and target indices of every arc; an undirected edge gives both directions and
    parallel ties between the same ordered pair give one arc (the adjacency has one entry)."""
    src: list[int] = []
    dst: list[int] = []
    for u, neighbours in G.adj.items():
        iu = index[u]
        for v in neighbours:
            if v != u:
                src.append(iu)
                dst.append(index[v])
    return np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64)


def _closed_paths(n: int, k: int, g: np.ndarray, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """closed[b, x, y]: two-paths a -> b -> c with a in x, c in y that the arc a -> c closes.

    Three such nodes form a triangle of the undirected view, so the triangles (listed by
    igraph's C code) are checked in their six orientations against the arc set.
    """
    closed = np.zeros((n, k, k), dtype=np.int64)
    if len(src) == 0:
        return closed
    codes = np.unique(src * n + dst)
    pairs = np.unique(np.sort(np.stack([src, dst], axis=1), axis=1), axis=0)
    triangles = np.array(ig.Graph(n=n, edges=pairs.tolist()).list_triangles(), dtype=np.int64)
    if len(triangles) == 0:
        return closed

    def has(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        wanted = a * n + b
        found = np.searchsorted(codes, wanted)
        return (found < len(codes)) & (codes[np.minimum(found, len(codes) - 1)] == wanted)

    for first, middle, last in permutations(range(3)):
        a, b, c = triangles[:, first], triangles[:, middle], triangles[:, last]
        hit = has(a, b) & has(b, c) & has(a, c)
        np.add.at(closed, (b[hit], g[a[hit]], g[c[hit]]), 1)
    return closed


def brokerage_counts(G: nx.Graph, *, groups: str | Mapping = "sector") -> pd.DataFrame:
    """Raw counts of the five brokerage roles for every node.

    Parameters
    ----------
    G : networkx graph
        Directed or undirected; multi-edges are collapsed, self-loops ignored.
    groups : str or mapping
        A node attribute name (default ``"sector"``) or a mapping node -> group.

    Returns
    -------
    DataFrame
        Index: nodes in ``G`` order; columns :data:`ROLES` and ``total``.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> brokerage_counts(G, groups={"a": 1, "b": 2, "c": 3}).loc["b", "liaison"]
    np.int64(1)
    """
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    group_of = _groups_of(G, groups)
    labels = {g: i for i, g in enumerate(sorted(set(group_of.values()), key=str))}
    g = np.array([labels[group_of[node]] for node in nodes], dtype=np.int64)
    n, k = len(nodes), len(labels)
    src, dst = _arcs(G, index)

    in_group = np.zeros((n, k), dtype=np.int64)  # in_group[b, x]: arcs a -> b with a in x
    out_group = np.zeros((n, k), dtype=np.int64)
    np.add.at(in_group, (dst, g[src]), 1)
    np.add.at(out_group, (src, g[dst]), 1)
    codes = src * n + dst
    mutual = np.isin(dst * n + src, codes)  # arc a -> b whose reverse b -> a exists
    back = np.zeros((n, k), dtype=np.int64)
    np.add.at(back, (dst[mutual], g[src[mutual]]), 1)

    closed = _closed_paths(n, k, g, src, dst)
    open_paths = in_group[:, :, None] * out_group[:, None, :] - closed
    open_paths[:, np.arange(k), np.arange(k)] -= back  # a -> b -> a is not a two-path

    same_source = np.arange(k)[None, :] == g[:, None]  # [b, x]: x is b's group
    src_own = same_source[:, :, None]
    dst_own = same_source[:, None, :]
    same_ends = np.eye(k, dtype=bool)[None, :, :]
    masks = {
        "coordinator": src_own & dst_own,
        "itinerant": ~src_own & ~dst_own & same_ends,
        "representative": src_own & ~dst_own,
        "gatekeeper": ~src_own & dst_own,
        "liaison": ~src_own & ~dst_own & ~same_ends,
    }
    counts = {role: (open_paths * mask).sum(axis=(1, 2)) for role, mask in masks.items()}
    frame = pd.DataFrame(counts, index=node_index(nodes))
    frame["total"] = frame[list(ROLES)].sum(axis=1)
    frame.attrs["arcs"] = len(src)
    return frame


def _moments(n_i: float, others: np.ndarray, N: float, d: float) -> dict[str, tuple[float, float]]:
    p = d * d * (1 - d)
    q = d**3 * (1 - d) ** 3
    moments = {}
    e = p * (n_i - 1) * (n_i - 2)
    moments["coordinator"] = (e, e * (1 - p) + 2 * (n_i - 1) * (n_i - 2) * (n_i - 3) * q)
    e = p * float(np.sum(others * (others - 1)))
    moments["itinerant"] = (
        e,
        e * (1 - p) + 2 * float(np.sum(others * (others - 1) * (others - 2))) * q,
    )
    e = p * (N - n_i) * (n_i - 1)
    v = (
        e * (1 - p)
        + 2 * ((n_i - 1) * comb(int(N - n_i), 2) + (N - n_i) * comb(int(n_i - 1), 2)) * q
    )
    moments["representative"] = moments["gatekeeper"] = (e, v)
    e = p * ((N - n_i) ** 2 - float(np.sum(others**2)))
    v = e * (1 - p) + 4 * q * sum(n_j * comb(int(N - n_j - n_i), 2) for n_j in others)
    moments["liaison"] = (e, v)
    e = p * (N - 1) * (N - 2)
    moments["total"] = (e, e * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * q)
    return moments


def brokerage(G: nx.Graph, *, groups: str | Mapping = "sector") -> pd.DataFrame:
    """Brokerage roles per node: raw counts, expected counts, standard deviations, z-scores.

    See the module docstring for the definitions and formulas.

    Returns
    -------
    DataFrame
        Index: nodes. Columns ``group`` and, for each of :data:`ROLES` and ``total``:
        ``<role>`` (raw count), ``<role>_exp``, ``<role>_sd`` and ``<role>_z`` (NaN when the
        standard deviation is 0).

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> result = brokerage(G, groups={"a": "x", "b": "x", "c": "y", "d": "y"})
    >>> result.loc["b", ["representative", "gatekeeper"]].tolist()
    [1, 0]
    """
    raw = brokerage_counts(G, groups=groups)
    group_of = _groups_of(G, groups)
    sizes = pd.Series(list(group_of.values())).value_counts()
    N = float(len(G))
    n_arcs = raw.attrs["arcs"]
    d = n_arcs / (N * (N - 1)) if N > 1 else 0.0
    columns = [*ROLES, "total"]
    by_group = {}
    for label, size in sizes.items():
        others = sizes.drop(label).to_numpy(dtype=float)
        by_group[label] = _moments(float(size), others, N, d)
    result = pd.DataFrame(index=raw.index)
    labels = list(by_group)
    code = {label: i for i, label in enumerate(labels)}
    node_group = np.array([code[group_of[node]] for node in G], dtype=np.int64)
    result["group"] = [labels[i] for i in node_group]
    for column in columns:
        expected = np.array([by_group[label][column][0] for label in labels])[node_group]
        sd = np.sqrt(np.array([by_group[label][column][1] for label in labels]))[node_group]
        result[column] = raw[column]
        result[f"{column}_exp"] = expected
        result[f"{column}_sd"] = sd
        with np.errstate(divide="ignore", invalid="ignore"):
            result[f"{column}_z"] = np.where(sd > 0, (raw[column] - expected) / sd, np.nan)
    return result
