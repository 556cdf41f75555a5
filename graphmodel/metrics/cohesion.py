"""Gaps and cohesion of a network: densities by group, E-I index, centralization, components.

All functions work on the undirected simple view of a network (ties between two actors count
once, whatever their direction or number), which is what "is there a tie?" questions need.

References
----------
.. [1] Krackhardt, D. and Stern, R. N. (1988). Informal networks and organizational crises:
   an experimental simulation. Social Psychology Quarterly 51(2): 123-140.
.. [2] Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
   Social Networks 1(3): 215-239.
.. [3] Wasserman, S. and Faust, K. (1994). Social Network Analysis, sections 4.2-4.3.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping

import networkx as nx

__all__ = [
    "EIResult",
    "components_summary",
    "degree_centralization",
    "density",
    "ei_index",
    "group_densities",
]


def _simple(G: nx.Graph) -> nx.Graph:
    if not G.is_directed() and not G.is_multigraph() and nx.number_of_selfloops(G) == 0:
        return G
    simple = nx.Graph()
    simple.add_nodes_from(G.nodes(data=True))
    simple.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return simple


def _groups(G: nx.Graph, groups: str | Mapping) -> dict:
    return dict(G.nodes(data=groups)) if isinstance(groups, str) else dict(groups)


def density(G: nx.Graph) -> float:
    """Ties present over pairs possible, ``2 m / (n (n - 1))``, on the undirected simple view.

    >>> density(nx.path_graph(4))
    0.5
    """
    n = len(G)
    return 0.0 if n < 2 else _simple(G).number_of_edges() / (n * (n - 1) / 2)


def group_densities(G: nx.Graph, *, groups: str | Mapping = "sector") -> dict:
    """Density within each group and between each pair of groups.

    Within group ``g``: ``m_gg / (n_g (n_g - 1) / 2)``; between ``g`` and ``h``:
    ``m_gh / (n_g n_h)``. Keys are ``(g, g)`` and ``(g, h)`` with ``g <= h`` (as strings);
    values are NaN where no pair is possible.

    >>> G = nx.Graph([(1, 2), (2, 3)])
    >>> group_densities(G, groups={1: "a", 2: "a", 3: "b"})
    {('a', 'a'): 1.0, ('a', 'b'): 0.5, ('b', 'b'): nan}
    """
    group_of = _groups(G, groups)
    sizes = Counter(group_of[n] for n in G)
    ties: Counter = Counter()
    for u, v in _simple(G).edges():
        ties[tuple(sorted((group_of[u], group_of[v]), key=str))] += 1
    labels = sorted(sizes, key=str)
    result = {}
    for i, g in enumerate(labels):
        for h in labels[i:]:
            pairs = sizes[g] * (sizes[g] - 1) / 2 if g == h else sizes[g] * sizes[h]
            result[(g, h)] = ties[(g, h)] / pairs if pairs else float("nan")
    return result


class EIResult(dict):
    """E-I indices: ``network``, ``network_expected``, ``groups`` and ``actors`` (dicts)."""


def _ei(external: float, internal: float) -> float:
    total = external + internal
    return (external - internal) / total if total else float("nan")


def ei_index(G: nx.Graph, *, groups: str | Mapping = "sector") -> EIResult:
    """Krackhardt and Stern's E-I index for the network, per group and per actor.

    ``EI = (E - I) / (E + I)`` with ``E`` the ties to other groups and ``I`` the ties within
    the group: -1 is a closed silo, +1 only outward ties. The expected value under random
    mixing is the E-I index of all *possible* pairs with the same group sizes, so an observed
    value above it means more mixing than chance, below it more closure.

    Returns
    -------
    EIResult
        ``network`` and ``network_expected`` (floats); ``groups`` and ``groups_expected``
        (dict group -> float); ``actors`` and ``actors_expected`` (dict node -> float, NaN
        for isolated actors).

    Examples
    --------
    Two groups of two, one tie inside each and one across:

    >>> G = nx.Graph([("a1", "a2"), ("b1", "b2"), ("a1", "b1")])
    >>> ei = ei_index(G, groups={"a1": "A", "a2": "A", "b1": "B", "b2": "B"})
    >>> round(ei["network"], 3), round(ei["network_expected"], 3)
    (-0.333, 0.333)
    """
    group_of = _groups(G, groups)
    simple = _simple(G)
    sizes = Counter(group_of[n] for n in G)
    n = len(G)
    external = internal = 0
    per_group: dict[Hashable, list[int]] = {g: [0, 0] for g in sizes}
    per_actor: dict[Hashable, list[int]] = {v: [0, 0] for v in G}
    for u, v in simple.edges():
        across = group_of[u] != group_of[v]
        if across:
            external += 1
        else:
            internal += 1
        for node in (u, v):
            per_actor[node][0 if across else 1] += 1
            per_group[group_of[node]][0 if across else 1] += 1
    possible_internal = sum(s * (s - 1) / 2 for s in sizes.values())
    possible_external = n * (n - 1) / 2 - possible_internal
    return EIResult(
        network=_ei(external, internal),
        network_expected=_ei(possible_external, possible_internal),
        groups={g: _ei(e, i) for g, (e, i) in per_group.items()},
        groups_expected={g: _ei(s * (n - s), s * (s - 1)) for g, s in sizes.items()},
        actors={v: _ei(e, i) for v, (e, i) in per_actor.items()},
        actors_expected={v: _ei(n - sizes[group_of[v]], sizes[group_of[v]] - 1) for v in G},
    )


def degree_centralization(G: nx.Graph) -> float:
    """Freeman's degree centralization: ``sum (d_max - d_i) / ((n - 1)(n - 2))``.

    1 for a star, 0 when every actor has the same degree (undirected simple view).

    >>> degree_centralization(nx.star_graph(4)), degree_centralization(nx.cycle_graph(5))
    (1.0, 0.0)
    """
    n = len(G)
    if n < 3:
        return float("nan")
    degrees = [d for _, d in _simple(G).degree()]
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def components_summary(G: nx.Graph) -> dict[str, float]:
    """Number of components, size of the largest and its share of all actors.

    >>> components_summary(nx.Graph([(1, 2), (3, 4), (4, 5)]))
    {'components': 2, 'largest': 3, 'largest_share': 0.6}
    """
    sizes = [len(c) for c in nx.connected_components(_simple(G))]
    largest = max(sizes, default=0)
    return {
        "components": len(sizes),
        "largest": largest,
        "largest_share": largest / len(G) if len(G) else float("nan"),
    }
