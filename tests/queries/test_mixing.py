"""Comparing verbanden fairly: the effect size does not drift with size, the z-score does; funnel
limits equal values worked out by hand; the ranking of the demo does not follow its size."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pytest
from verbinder.graphmodel.metrics.mixing import mixing_effect
from verbinder.queries.compare import hypergeometric_z
from verbinder.queries.funnel import HIGHER, LOWER, WITHIN, Funnel, funnel, poisson_limit
from verbinder.queries.mixing import MIXINGS, mixing_comparison

SIZES = (50, 200, 500, 1000, 3000)
SEEDS = (1, 2, 3)


def _two_blocks(n: int, p_within: float, p_between: float, seed: int) -> tuple[nx.Graph, set]:
    """A block model: the first 40% of the nodes are SE, the rest regular; a pair is tied with
    ``p_within`` inside a block and ``p_between`` across."""
    rng = np.random.default_rng(seed)
    se = np.arange(n) < int(0.4 * n)
    chance = np.where(se[:, None] == se[None, :], p_within, p_between)
    upper = np.triu(rng.random((n, n)) < chance, k=1)
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(zip(*np.nonzero(upper), strict=True))
    return graph, set(np.flatnonzero(se).tolist())


def _true_log_odds(p_within: float, p_between: float) -> float:
    # With two blocks every other pair is a within pair: the odds ratio is exact.
    return math.log(p_between / (1 - p_between)) - math.log(p_within / (1 - p_within))


def _measures(n: int, p_within: float, p_between: float, seed: int):
    graph, se = _two_blocks(n, p_within, p_between, seed)
    regular = set(graph) - se
    effect = mixing_effect(graph, se, regular)
    z = hypergeometric_z(effect.observed, effect.ties, effect.pairs, effect.all_pairs)
    return effect, z


def test_the_effect_size_stays_within_its_interval_of_the_truth_while_z_drifts():
    p_within, p_between = 0.05, 0.03  # the same tie probabilities at every size
    truth = _true_log_odds(p_within, p_between)
    covered, z_by_size = 0, {}
    for n in SIZES:
        zs = []
        for seed in SEEDS:
            effect, z = _measures(n, p_within, p_between, seed)
            low = effect.log_odds_ratio - 1.96 * effect.standard_error
            high = effect.log_odds_ratio + 1.96 * effect.standard_error
            covered += low <= truth <= high
            zs.append(z)
        z_by_size[n] = float(np.mean(zs))
    assert covered >= 13  # of 15: a 95% interval misses about one in twenty
    means = [z_by_size[n] for n in SIZES]
    assert all(later < earlier for earlier, later in itertools.pairwise(means))
    assert means[-1] < 10 * means[0] < 0  # -> ever more "significant" at the same deficit
    print(f"log OR waar {truth:.3f}; gemiddelde z per grootte: {z_by_size}")


def test_a_small_strong_deficit_ranks_below_a_large_mild_one_where_z_says_the_opposite():
    small, z_small = _measures(60, 0.10, 0.039, seed=7)  # true odds ratio about 0,37
    large, z_large = _measures(2000, 0.006, 0.0052, seed=7)  # true odds ratio about 0,87
    assert small.ratio < large.ratio  # the effect size sees the strong deficit
    assert z_small > z_large  # the z-score calls the large, mild one worse


def test_poisson_limits_equal_the_hand_calculation():
    # Poisson(4): F(0) = e^-4 = 0,018316, F(1) = 5 e^-4 = 0,091578. The 2,5% quantile is 1;
    # alpha = (0,091578 - 0,025) / (0,091578 - 0,018316) = 0,90876; limit (1 - 0,90876) / 4.
    assert poisson_limit(0.025, 1.0, 4.0) == pytest.approx(0.02281, abs=1e-4)
    # Upper: F(7) = 0,948866, F(8) = 0,978637; alpha = 0,12215; (8 - 0,12215) / 4.
    assert poisson_limit(0.975, 1.0, 4.0) == pytest.approx(1.96946, abs=1e-4)


def test_overdispersed_limits_of_two_verbanden_equal_the_hand_calculation():
    limits = Funnel(target=0.5, phi=2.0, overdispersed=True)
    # E = 8: 0,5 +- 1,95996 x sqrt(2 x 0,5 / 8) = 0,5 +- 0,69295; the lower limit stops at 0.
    low, high = limits.limits(8.0, 0.95)
    assert (low, high) == (0.0, pytest.approx(1.19295, abs=1e-4))
    # E = 50: 0,5 +- 1,95996 x sqrt(1 / 50) = 0,5 +- 0,27718.
    low, high = limits.limits(50.0, 0.95)
    assert (low, high) == (pytest.approx(0.22282, abs=1e-4), pytest.approx(0.77718, abs=1e-4))
    # 99,8%: z = 3,09023; E = 50: 0,5 +- 0,43702.
    assert limits.limits(50.0, 0.998)[1] == pytest.approx(0.93702, abs=1e-4)
    assert limits.reading(0.95, 50.0) == HIGHER
    assert limits.reading(0.5, 50.0) == WITHIN
    assert limits.reading(0.05, 50.0) == LOWER


def test_overdispersion_is_the_winsorised_mean_squared_z_and_used_only_beyond_chance():
    # E = 100 each, target = 500 / 500 = 1, sd of a ratio sqrt(1/100) = 0,1:
    # O = 80 .. 120 gives z = -2, -1, 0, 1, 2; the 10th and 90th percentiles are -1,6 and 1,6,
    # so the squared winsorised z are 2,56, 1, 0, 1, 2,56: phi = 7,12 / 5 = 1,424, and
    # 5 x 1,424 = 7,12 is below chi-square(4) at 95% = 9,488: not overdispersed.
    calm = funnel([80, 90, 100, 110, 120], [100] * 5)
    assert (calm.target, calm.phi, calm.overdispersed) == (1.0, pytest.approx(1.424), False)
    # O = 60 .. 140: z = -4 .. 4, clipped at -+3,2: (10,24 + 4 + 0 + 4 + 10,24) / 5 = 5,696.
    spread = funnel([60, 80, 100, 120, 140], [100] * 5)
    assert (spread.phi, spread.overdispersed) == (pytest.approx(5.696), True)
    assert spread.limits(100, 0.95)[1] > calm.limits(100, 0.95)[1]


def test_the_demo_ranking_does_not_follow_the_size_of_the_verband(demo):
    table = mixing_comparison(demo, "se_regulier")
    rho = table["verhouding"].corr(table["actoren"], method="spearman")
    print(f"Spearman(verhouding SE-regulier, aantal organisaties) op de demo: {rho:.3f}")
    assert abs(rho) < 0.3
    assert list(table["rang_verhouding"]) == sorted(table["rang_verhouding"])
    assert table.attrs["doel"] == pytest.approx(
        table["waargenomen"].sum() / table["verwacht"].sum()
    )


@pytest.mark.parametrize("kind", list(MIXINGS))
def test_every_kind_gives_a_reading_for_every_verband(demo, kind):
    table = mixing_comparison(demo, kind)
    assert len(table) == len(demo.verbanden)
    assert set(table["lezing"]) <= {WITHIN, HIGHER, LOWER, "niet te berekenen"}
    inside = table.dropna(subset=["ondergrens_95"])
    assert (inside["ondergrens_998"] <= inside["ondergrens_95"]).all()
    assert (inside["bovengrens_95"] <= inside["bovengrens_998"]).all()
