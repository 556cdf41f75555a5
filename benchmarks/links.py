"""Benchmark: missing links for every verband and one Flanders-wide query, against naive networkx.

- every verband of the demo at ``--size`` actors: ``missing_links(top=50)`` per verband;
- quality: precision@10 and recall@50 of recovering hidden SE-employer ties, against two
  baselines (:mod:`link_quality`), on the default demo (4,621 actors; 800 with ``--smoke``);
- Flanders-wide: a demo scaled to ``--employers`` regular employers, of which ``--se`` social-
  economy actors are kept, one ``missing_links(top=100)`` over all of them (blocked by
  province).

The naive baseline scores every SE x employer pair of the same scope with networkx's
``adamic_adar_index`` and the same sector-fit and place rules in plain Python, then sorts. Each
side runs in its own process with a time limit; the script prints seconds, peak RSS and the
ratio baseline / ours. The demo is generated before the clock starts.

Usage: ``python benchmarks/links.py [--size 50000] [--employers 100000] [--se 1000]
[--timeout 300] [--smoke]``.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time

from worker import run_worker


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _flanders(employers: int, se: int):
    from verbinder.graphmodel.types import ActorType
    from verbinder.loaders.demo import generate_demo

    dataset = generate_demo(scale=employers / 3394)
    social = [a for a in dataset.actors if a.type.is_social_economy]
    keep = {a.id for a in random.Random(1).sample(social, min(se, len(social)))}
    actors = tuple(a for a in dataset.actors if not a.type.is_social_economy or a.id in keep)
    ids = {a.id for a in actors}
    ties = tuple(t for t in dataset.ties if t.source in ids and t.target in ids)
    participations = tuple(p for p in dataset.participations if p.actor_id in ids)
    dataset = dataset.replace(actors=actors, ties=ties, participations=participations)
    count = sum(a.type is ActorType.WERKGEVER for a in actors)
    return dataset, count


def _naive(dataset, verband_id, fit) -> int:
    """All SE x employer pairs of the scope, scored one by one with networkx."""
    import networkx as nx
    from verbinder.graphmodel.types import ActorType
    from verbinder.graphmodel.views import to_weighted_graph

    graph = nx.Graph(to_weighted_graph(dataset))
    actors = dataset.members_of(verband_id) if verband_id else list(dataset.actors)
    social = [a for a in actors if a.type.is_social_economy and a.activities]
    employers = [a for a in actors if a.type is ActorType.WERKGEVER]
    province = {a.id: {dataset.verband_by_id[v].province for v in a.verbanden} for a in actors}
    pairs = [(s, e) for s in social for e in employers if not graph.has_edge(s.id, e.id)]
    scores = dict(
        ((u, v), p) for u, v, p in nx.adamic_adar_index(graph, [(s.id, e.id) for s, e in pairs])
    )
    ranked = []
    for s, e in pairs:
        rule = fit.best(s.activities, e.nace)
        if rule is None or not province[s.id] & province[e.id]:
            continue
        place = 1.0 if s.municipality == e.municipality else 0.6
        ranked.append((rule.weight + place + scores[(s.id, e.id)], s.id, e.id))
    ranked.sort(reverse=True)
    return len(pairs)


def _worker(side: str, case: str, args) -> None:
    from verbinder.loaders.demo import generate_demo, scale_for
    from verbinder.loaders.sector_fit import default_sector_fit
    from verbinder.queries.missing_links import missing_links

    fit = default_sector_fit()
    if case == "verbanden":
        dataset = generate_demo(scale=scale_for(args.size))
        label = f"{len(dataset.actors)} actoren, {len(dataset.verbanden)} verbanden"
    else:
        dataset, employers = _flanders(args.employers, args.se)
        label = f"{employers} werkgevers, {args.se} SE-actoren, {len(dataset.actors)} actoren"
    print(json.dumps({"label": label}), flush=True)
    start = time.perf_counter()
    if case == "verbanden":
        for verband in dataset.verbanden:
            if side == "ours":
                missing_links(dataset, verband.id, fit=fit, top=50)
            else:
                _naive(dataset, verband.id, fit)
    elif side == "ours":
        missing_links(dataset, fit=fit, top=100)
    else:
        _naive(dataset, None, fit)
    print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}), flush=True)


def _run(side: str, case: str, args, timeout: float) -> tuple[str, dict | None]:
    command = [
        sys.executable,
        __file__,
        "--worker",
        side,
        "--case",
        case,
        "--size",
        str(args.size),
        "--employers",
        str(args.employers),
        "--se",
        str(args.se),
    ]
    lines, ended = run_worker(command, timeout)
    label = lines[0]["label"] if lines else ""
    return label, (lines[1] if ended == "ok" and len(lines) > 1 else {"ended": ended})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--employers", type=int, default=100_000)
    parser.add_argument("--se", type=int, default=1_000)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes (CI)")
    parser.add_argument("--worker", choices=["ours", "naive"], help=argparse.SUPPRESS)
    parser.add_argument("--case", choices=["verbanden", "vlaanderen"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker, args.case, args)
        return
    if args.smoke:
        args.size, args.employers, args.se, args.timeout = 800, 2_000, 100, 120
    header = (
        f"{'geval':12} {'ons s':>7} {'ons MB':>7} {'naief s':>22} {'naief MB':>9} "
        f"{'verhouding':>10}"
    )
    print(header)
    print("-" * len(header))
    for case in ("verbanden", "vlaanderen"):
        label, ours = _run("ours", case, args, args.timeout)
        if "seconds" not in ours:
            raise SystemExit(f"onze kant, {case}: {ours['ended']}")
        _, naive = _run("naive", case, args, args.timeout)
        if "seconds" in naive:
            other = (
                f"{naive['seconds']:22.2f} {naive['peak_mb']:9.0f} "
                f"{naive['seconds'] / ours['seconds']:10.1f}"
            )
        else:
            timed_out = naive["ended"].startswith("niet klaar")
            bound = "> " + format(args.timeout / ours["seconds"], ".0f") if timed_out else "-"
            other = f"{naive['ended']:>22} {'':>9} {bound:>10}"
        print(f"{case:12} {ours['seconds']:7.2f} {ours['peak_mb']:7.0f} {other}   ({label})")
    _print_quality(800 if args.smoke else QUALITY_SIZE)


QUALITY_SIZE = 4621
"""The default demo: the quality figures are counted on it, not at ``--size`` (whole-Flanders
candidate lists make the common-neighbours baseline take minutes)."""


def _print_quality(size: int) -> None:
    from link_quality import CANDIDATES, link_quality
    from verbinder.graphmodel.formatting import count, percent
    from verbinder.loaders.demo import generate_demo, scale_for
    from verbinder.loaders.sector_fit import default_sector_fit

    quality, looked_for = link_quality(generate_demo(scale=scale_for(size)), default_sector_fit())
    print(
        f"\nKwaliteit op de demo van {count(size)} actoren: vijf keer 20% van de "
        f"SE-werkgeverrelaties verborgen en gezocht ({count(looked_for)} paren). Synthetische "
        "demo: een maat voor de samenhang met hoe de demo gemaakt is, niet voor een echt verband."
    )
    print(f"{'methode':30} {'precisie@10':>12} {'recall@50':>10}")
    for method, q in quality.items():
        if method == CANDIDATES:
            print(f"{'(in de kandidaat-paren: ' + percent(q.recall_at_50) + ')':30}")
            continue
        print(f"{method:30} {percent(q.precision_at_10):>12} {percent(q.recall_at_50):>10}")


if __name__ == "__main__":
    main()
