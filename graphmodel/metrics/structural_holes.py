"""Burt's structural holes: effective size, efficiency, constraint and hierarchy, on sparse data.

Definitions (Burt 1992; weighted forms as in networkx, Borgatti 1997)
---------------------------------------------------------------------
With ``a_ij`` the tie weight (1 when unweighted), the mutual weight is
``s_ij = a_ij + a_ji`` and ``N(i)`` the contacts of ``i`` (in- and out-neighbours).

- proportional strength ``p_ij = s_ij / sum_k s_ik``; marginal strength
  ``m_ij = s_ij / max_k s_ik``
- effective size ``e_i = sum_{j in N(i)} (1 - sum_{q in N(i)} p_iq m_jq)``; for unweighted
  undirected graphs this is Borgatti's ``n - 2t/n`` (``t`` ties among the ``n`` contacts)
- efficiency ``e_i / |N(i)|``
- constraint ``C_i = sum_{j in N(i)} c_ij`` with ``c_ij = (p_ij + sum_{q} p_iq p_qj)^2``
- hierarchy ``H_i = sum_j r_j ln r_j / (|N(i)| ln |N(i)|)`` with ``r_j = c_ij / (C_i / |N(i)|)``

Only pairs ``(i, j)`` that are tied and their common contacts ``q`` contribute, so the work is
one pass over the ties and their common neighbours: no dense ``n x n`` matrix is built.
Isolated nodes get NaN for every measure, and nodes with one contact NaN for hierarchy
(``0 / 0``).

References
----------
.. [1] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard UP.
.. [2] Borgatti, S. P. (1997). Structural holes: Unpacking Burt's redundancy measures.
   Connections 20(1): 35-38.
"""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
from verbinder.graphmodel.metrics import node_index

__all__ = ["constraint", "effective_size", "efficiency", "hierarchy", "structural_holes"]


def _mutual_weights(G: nx.Graph, weight: str | None) -> dict:
    mutual: dict = {node: {} for node in G}
    for u, v, w in G.edges(data=weight, default=1):
        if u == v:
            continue
        w = 1 if weight is None else w
        mutual[u][v] = mutual[u].get(v, 0) + w
        mutual[v][u] = mutual[v].get(u, 0) + w
    return mutual


def structural_holes(G: nx.Graph, *, weight: str | None = None) -> pd.DataFrame:
    """Effective size, efficiency, constraint and hierarchy of every node.

    Parameters
    ----------
    G : networkx graph
        Directed or undirected, simple or multi (parallel ties add their weights).
    weight : str, optional
        Edge attribute with the tie weight; None counts every tie as 1.

    Returns
    -------
    DataFrame
        Index: nodes in ``G`` order; columns ``effective_size``, ``efficiency``,
        ``constraint``, ``hierarchy``.

    Examples
    --------
    Borgatti's (1997) example graph:

    >>> G = nx.Graph([("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"),
    ...               ("F", "G"), ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")])
    >>> holes = structural_holes(G).round(3)
    >>> holes.loc[["G", "A", "C"], ["effective_size", "constraint"]].values.tolist()
    [[4.667, 0.4], [2.5, 0.595], [1.0, 1.0]]
    """
    mutual = _mutual_weights(G, weight)
    proportional = {}
    marginal = {}
    for node, ties in mutual.items():
        if ties:
            total, largest = sum(ties.values()), max(ties.values())
            proportional[node] = {j: s / total for j, s in ties.items()}
            marginal[node] = {j: s / largest for j, s in ties.items()}
    rows = {}
    for i in G:
        contacts = mutual[i]
        if not contacts:
            rows[i] = (math.nan, math.nan, math.nan, math.nan)
            continue
        p_i = proportional[i]
        size = 0.0
        local = []
        for j in contacts:
            common = contacts.keys() & mutual[j].keys()
            m_j = marginal[j]
            redundancy = sum(p_i[q] * m_j[q] for q in common)
            indirect = sum(p_i[q] * proportional[q][j] for q in common)
            size += 1 - redundancy
            local.append((p_i[j] + indirect) ** 2)
        total = sum(local)
        n = len(contacts)
        if n > 1 and total > 0:
            ratios = [c / (total / n) for c in local]
            h = sum(r * math.log(r) for r in ratios if r > 0) / (n * math.log(n))
        else:
            h = math.nan
        rows[i] = (size, size / n, total, h)
    return pd.DataFrame(
        list(rows.values()),
        index=node_index(rows),
        columns=["effective_size", "efficiency", "constraint", "hierarchy"],
    )


def effective_size(G: nx.Graph, *, weight: str | None = None) -> dict:
    """Burt's effective size per node (see :func:`structural_holes`)."""
    return structural_holes(G, weight=weight)["effective_size"].to_dict()


def efficiency(G: nx.Graph, *, weight: str | None = None) -> dict:
    """Effective size divided by the number of contacts (see :func:`structural_holes`)."""
    return structural_holes(G, weight=weight)["efficiency"].to_dict()


def constraint(G: nx.Graph, *, weight: str | None = None) -> dict:
    """Burt's constraint per node (see :func:`structural_holes`)."""
    return structural_holes(G, weight=weight)["constraint"].to_dict()


def hierarchy(G: nx.Graph, *, weight: str | None = None) -> dict:
    """Burt's hierarchy of constraint per node (see :func:`structural_holes`)."""
    return structural_holes(G, weight=weight)["hierarchy"].to_dict()
