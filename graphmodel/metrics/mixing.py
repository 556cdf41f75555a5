"""How much two groups of a network are tied compared with chance: an effect size that does not
grow with the size of the network, with its standard error.

For a group pair (``first`` and ``second``, or ``first`` with itself) with ``K`` possible pairs
among ``P`` pairs of the whole network that holds ``m`` ties (undirected simple view):

- observed ``O``: ties between the two groups;
- expected ``E = m K / P``: what the same number of ties would give if they fell at random on
  the pairs (the network's own density, the same actors and the same group sizes);
- ratio ``O / E``: 1 as chance, 0,5 half as many ties as chance, 2 twice as many;
- the log odds ratio of a tie among the group's pairs against the other pairs, from the 2 x 2
  table ``a = O``, ``b = K - O``, ``c = m - O``, ``d = (P - K) - (m - O)``:
  ``ln(a d / (b c))`` with Woolf's standard error ``sqrt(1/a + 1/b + 1/c + 1/d)``; when a cell
  is 0, 0,5 is added to every cell (Haldane-Anscombe).

Unlike a z-score against chance, neither the ratio nor the log odds ratio drifts with the size
of the network when the tie probabilities stay the same (a z-score grows with the square root
of the number of pairs); the standard error says how sure the figure is.

References
----------
.. [1] Agresti, A. (2013). Categorical Data Analysis, 3rd ed., section 3.1 (odds ratio,
   Woolf's standard error, the 0,5 correction).
.. [2] Woolf, B. (1955). On estimating the relation between blood group and disease. Annals of
   Human Genetics 19(4): 251-253.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass

import networkx as nx

__all__ = ["MixingEffect", "between_groups_effect", "mixing_effect"]


@dataclass(frozen=True)
class MixingEffect:
    """Ties between two groups against chance (see the module's definition)."""

    observed: int
    expected: float
    pairs: int
    """``K``: pairs possible between the groups."""
    ties: int
    """``m``: ties in the whole network."""
    all_pairs: int
    """``P``: pairs possible in the whole network."""
    log_odds_ratio: float
    standard_error: float

    @property
    def ratio(self) -> float:
        """``O / E``; NaN when nothing is expected (no ties or no pairs)."""
        return self.observed / self.expected if self.expected > 0 else float("nan")


def _log_odds(a: float, b: float, c: float, d: float) -> tuple[float, float]:
    if min(a, b, c, d) < 0 or (a + b) * (c + d) * (a + c) * (b + d) == 0:
        return float("nan"), float("nan")
    if min(a, b, c, d) == 0:
        a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
    return math.log(a * d / (b * c)), math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)


def mixing_effect(G: nx.Graph, first: Collection, second: Collection | None = None) -> MixingEffect:
    """Ties between ``first`` and ``second`` (or within ``first``) against chance.

    The groups must not overlap; nodes not in ``G`` are ignored. Directions, multiple ties and
    self-loops are ignored (the undirected simple view).

    Examples
    --------
    Two groups of two on a path a-b-c-d (``a, b`` against ``c, d``): one tie of three crosses,
    four pairs of six are between the groups, so E = 3 x 4 / 6 = 2 and O / E = 0,5; the table
    is a = 1, b = 3, c = 2, d = 0, so 0,5 is added to every cell: ln(1,5 x 0,5 / (3,5 x 2,5))
    = ln(0,0857) = -2,457 and sqrt(1/1,5 + 1/3,5 + 1/2,5 + 1/0,5) = sqrt(3,352) = 1,831.

    >>> effect = mixing_effect(nx.path_graph("abcd"), {"a", "b"}, {"c", "d"})
    >>> effect.observed, effect.expected, effect.ratio
    (1, 2.0, 0.5)
    >>> round(effect.log_odds_ratio, 3), round(effect.standard_error, 3)
    (-2.457, 1.831)
    """
    simple = _simple_view(G)
    one = {node for node in first if node in simple}
    other = one if second is None else {node for node in second if node in simple}
    if second is not None and one & other:
        raise ValueError("de twee groepen overlappen")
    pairs = len(one) * (len(one) - 1) // 2 if second is None else len(one) * len(other)
    observed = sum(
        1 for u, v in simple.edges() if (u in one and v in other) or (u in other and v in one)
    )
    return _effect(simple, observed, pairs)


def between_groups_effect(G: nx.Graph, groups: Mapping[Hashable, Hashable]) -> MixingEffect:
    """Ties between different groups (any two) against chance: ``K`` is every pair of nodes
    of two different groups. The effect-size companion of Krackhardt and Stern's E-I index.

    >>> effect = between_groups_effect(nx.path_graph("abcd"), dict(zip("abcd", "xxyy")))
    >>> effect.observed, effect.pairs, effect.ratio
    (1, 4, 0.5)
    """
    simple = _simple_view(G)
    group = {node: groups.get(node) for node in simple}
    sizes = Counter(group.values())
    within = sum(size * (size - 1) // 2 for size in sizes.values())
    n = simple.number_of_nodes()
    observed = sum(1 for u, v in simple.edges() if group[u] != group[v])
    return _effect(simple, observed, n * (n - 1) // 2 - within)


def _simple_view(G: nx.Graph) -> nx.Graph:
    """``G`` undirected, simple and without self-loops; ``G`` itself when it already is (it is
    only read)."""
    if not G.is_directed() and not G.is_multigraph() and nx.number_of_selfloops(G) == 0:
        return G
    simple = nx.Graph(G.to_undirected(as_view=True)) if G.is_directed() else nx.Graph(G)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    return simple


def _effect(simple: nx.Graph, observed: int, pairs: int) -> MixingEffect:
    n, m = simple.number_of_nodes(), simple.number_of_edges()
    all_pairs = n * (n - 1) // 2
    expected = m * pairs / all_pairs if all_pairs else 0.0
    log_odds, error = _log_odds(
        observed, pairs - observed, m - observed, all_pairs - pairs - (m - observed)
    )
    return MixingEffect(observed, expected, pairs, m, all_pairs, log_odds, error)
