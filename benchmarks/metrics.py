"""Benchmark: all metrics for the whole of Flanders, ours against a straightforward networkx run.

Each side runs in its own process (so that its peak memory is its own) on the same synthetic
demo at ``--size`` actors; the demo is generated before the clock starts.

- ours: the Flanders-wide network (brokerage roles, structural holes, centrality with sampled
  betweenness and closeness, cohesion), then for every verband the ``brokers`` query (exact
  betweenness and closeness, roles, holes, the SE-regular view with dependencies) with
  ``brokers_by_verband``, over the CPU cores, which also computes each verband's row of
  ``compare_verbanden`` from the same network (so that ``compare`` then only ranks).
- networkx: the same questions with the functions a networkx user would call (brokerage as
  a plain loop over two-paths, since networkx has none) and ``--timeout`` seconds in all.

It prints, per part and in total, seconds and peak resident memory (MB), and the ratio
networkx / ours. A side that runs out of time shows the parts it finished.

Our side runs ``--runs`` times (3 by default), each in a fresh process, and the table shows
the median per part; networkx runs once.

Usage: ``python benchmarks/metrics.py [--size 50000] [--runs 3] [--timeout 300] [--smoke]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time

from worker import run_worker


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _report(part: str, started: float) -> None:
    line = {
        "part": part,
        "seconds": time.perf_counter() - started,
        "peak_mb": _peak_mb(),
        "workers_peak_mb": _peak_mb(resource.RUSAGE_CHILDREN),
    }
    print(json.dumps(line), flush=True)


def _ours(dataset) -> None:
    import networkx as nx
    from verbinder.graphmodel.metrics.brokerage import brokerage
    from verbinder.graphmodel.metrics.centrality import centrality
    from verbinder.graphmodel.metrics.cohesion import (
        components_summary,
        degree_centralization,
        ei_index,
        group_densities,
    )
    from verbinder.graphmodel.metrics.structural_holes import structural_holes
    from verbinder.graphmodel.views import to_multidigraph
    from verbinder.queries.brokers import brokers_by_verband
    from verbinder.queries.compare import compare_verbanden

    start = time.perf_counter()
    flanders = to_multidigraph(dataset)
    simple = nx.Graph(flanders)
    _report("Vlaanderen: netwerk opbouwen", start)
    brokerage(flanders)
    _report("Vlaanderen: makelaarsrollen", start)
    structural_holes(simple)
    _report("Vlaanderen: structurele gaten", start)
    centrality(flanders)
    _report("Vlaanderen: centraliteit", start)
    group_densities(simple)
    ei_index(simple)
    degree_centralization(simple)
    components_summary(simple)
    _report("Vlaanderen: cohesie", start)
    brokers_by_verband(dataset)
    _report("per verband: brokers", start)
    compare_verbanden(dataset)
    _report("alle verbanden: compare", start)


def _naive_roles(graph) -> dict:
    """Brokerage as a plain loop over open two-paths (networkx has no such function)."""
    import networkx as nx

    arcs = nx.DiGraph(graph)
    sector = dict(arcs.nodes(data="sector"))
    roles: dict = {}
    for b in arcs:
        for a in arcs.predecessors(b):
            for c in arcs.successors(b):
                if a != c and not arcs.has_edge(a, c):
                    key = (
                        b,
                        sector[a] == sector[b],
                        sector[b] == sector[c],
                        sector[a] == sector[c],
                    )
                    roles[key] = roles.get(key, 0) + 1
    return roles


def _naive_dependency(graph, sources: list, targets: list, through: dict) -> dict:
    """Remove each actor on some SE-regular geodesic and recompute those distances."""
    import networkx as nx

    def distances(g):
        return {s: nx.single_source_shortest_path_length(g, s) for s in sources if s in g}

    before = distances(graph)
    result = {}
    for v, value in through.items():
        if value == 0:
            continue
        rest = graph.copy()
        rest.remove_node(v)
        after = distances(rest)
        result[v] = sum(
            1
            for s in sources
            if s != v
            for t in targets
            if t != v and t in before[s] and after[s].get(t, -1) != before[s][t]
        )
    return result


def _networkx(dataset, part: str) -> None:
    import networkx as nx
    from verbinder.graphmodel.types import SectorGroup
    from verbinder.graphmodel.views import to_multidigraph

    flanders = to_multidigraph(dataset)
    simple = nx.Graph(flanders)
    start = time.perf_counter()
    if part == "Vlaanderen: makelaarsrollen":
        _naive_roles(flanders)
    elif part == "Vlaanderen: structurele gaten":
        nx.effective_size(simple)
        nx.constraint(simple)
    elif part == "Vlaanderen: centraliteit":
        nx.pagerank(simple, weight=None)
        nx.betweenness_centrality(simple, k=min(1000, len(simple)), seed=0)
        nx.closeness_centrality(simple)
    elif part == "Vlaanderen: cohesie":
        sector = dict(simple.nodes(data="sector"))
        groups = sorted(set(sector.values()))
        for i, a in enumerate(groups):
            for b in groups[i:]:
                nodes = [n for n in simple if sector[n] in (a, b)]
                nx.density(simple.subgraph(nodes))
        external = sum(1 for u, v in simple.edges() if sector[u] != sector[v])
        (2 * external - simple.number_of_edges()) / max(1, simple.number_of_edges())
        for node in simple:
            ties = [sector[m] != sector[node] for m in simple[node]]
            (2 * sum(ties) - len(ties)) / len(ties) if ties else None
        degrees = dict(simple.degree())
        sum(max(degrees.values()) - d for d in degrees.values())
        list(nx.connected_components(simple))
    elif part == "per verband: brokers":
        se, reg = SectorGroup.SOCIALE_ECONOMIE.value, SectorGroup.REGULIERE_ECONOMIE.value
        for verband in dataset.verbanden:
            typed = to_multidigraph(dataset, verband_id=verband.id)
            graph = nx.Graph(typed)
            _naive_roles(typed)
            nx.betweenness_centrality(graph)
            nx.closeness_centrality(graph)
            nx.pagerank(graph)
            nx.effective_size(graph)
            nx.constraint(graph)
            sources = [n for n, s in graph.nodes(data="sector") if s == se]
            targets = [n for n, s in graph.nodes(data="sector") if s == reg]
            through = nx.betweenness_centrality_subset(graph, sources, targets)
            _naive_dependency(graph, sources, targets, through)
    elif part == "alle verbanden: compare":
        for verband in dataset.verbanden:
            graph = nx.Graph(to_multidigraph(dataset, verband_id=verband.id))
            list(nx.bridges(graph))
            list(nx.local_bridges(graph))
            nx.community.louvain_communities(graph, seed=1)
            nx.transitivity(graph)
    _report(part, start)


PARTS = (
    "Vlaanderen: makelaarsrollen",
    "Vlaanderen: structurele gaten",
    "Vlaanderen: centraliteit",
    "Vlaanderen: cohesie",
    "per verband: brokers",
    "alle verbanden: compare",
)


def _worker(side: str, size: int, part: str | None) -> None:
    from verbinder.loaders.demo import generate_demo, scale_for

    dataset = generate_demo(scale=scale_for(size))
    print(json.dumps({"actors": len(dataset.actors), "ties": len(dataset.ties)}), flush=True)
    if side == "ours":
        _ours(dataset)
    else:
        _networkx(dataset, part)


def _run(side: str, size: int, timeout: float, part: str | None = None) -> tuple[dict, list, str]:
    """Run one worker; returns its size line, its part lines and how it ended."""
    command = [sys.executable, __file__, "--worker", side, "--size", str(size)]
    if part:
        command += ["--part", part]
    lines, ended = run_worker(command, timeout)
    return (lines[0] if lines else {}), lines[1:], ended


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--timeout", type=float, default=300, help="per networkx part")
    parser.add_argument("--runs", type=int, default=3, help="runs of our side (median)")
    parser.add_argument("--smoke", action="store_true", help="tiny size, short timeout (CI)")
    parser.add_argument("--worker", choices=["ours", "networkx"], help=argparse.SUPPRESS)
    parser.add_argument("--part", choices=PARTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker, args.size, args.part)
        return
    size, timeout = (800, 120) if args.smoke else (args.size, args.timeout)
    runs = 1 if args.smoke else args.runs
    sizes, ours = _ours_median(size, 10 * timeout, runs)
    print(
        f"Alle maten voor Vlaanderen: {sizes['actors']} actoren, {sizes['ties']} relaties "
        f"(synthetische demo). Ons: één proces, mediaan van {runs} run(s); networkx: één "
        f"proces per deel, één run, hoogstens {timeout:.0f} s elk."
    )
    header = f"{'deel':32} {'ons s':>7} {'networkx s':>22} {'verhouding':>10} {'nx MB':>7}"
    print(header)
    print("-" * len(header))
    mine_total = base_total = 0.0
    all_finished = True
    for part, mine in ours["parts"].items():
        mine_total += mine
        _, theirs, how = _run("networkx", size, timeout, part)
        if how == "ok" and theirs:
            base = theirs[-1]["seconds"]
            base_total += base
            print(
                f"{part:32} {mine:7.2f} {base:22.2f} {base / mine:10.1f} "
                f"{theirs[-1]['peak_mb']:7.0f}"
            )
        else:
            all_finished = False
            print(f"{part:32} {mine:7.2f} {how:>22} {'':>10} {'':>7}")
    print(
        f"{'netwerk opbouwen + totaal':32} {ours['total']:7.2f} "
        + (
            f"{base_total:22.2f} {base_total / mine_total:10.1f}"
            if all_finished
            else f"{'niet alle delen klaar':>22}"
        )
    )
    print(
        f"totaal per run: {', '.join(f'{t:.2f}' for t in ours['totals'])} s; "
        f"piekgeheugen ons (RSS, mediaan): {ours['peak_mb']:.0f} MB; grootste werkproces: "
        f"{ours['workers_peak_mb']:.0f} MB (gedeelde pagina's tellen in beide)"
    )


def _ours_median(size: int, timeout: float, runs: int) -> tuple[dict, dict]:
    """Run our side ``runs`` times, each in a fresh process; the median of each part's
    seconds, of the totals and of the peaks, and every run's total."""
    parts: dict[str, list[float]] = {}
    totals, peaks, workers = [], [], []
    for _ in range(runs):
        sizes, lines, ended = _run("ours", size, timeout)
        if ended != "ok":
            raise SystemExit(f"onze kant: {ended}")
        previous = lines[0]["seconds"]
        for line in lines[1:]:
            parts.setdefault(line["part"], []).append(line["seconds"] - previous)
            previous = line["seconds"]
        totals.append(lines[-1]["seconds"])
        peaks.append(lines[-1]["peak_mb"])
        workers.append(lines[-1]["workers_peak_mb"])
    return sizes, {
        "parts": {part: statistics.median(values) for part, values in parts.items()},
        "total": statistics.median(totals),
        "totals": totals,
        "peak_mb": statistics.median(peaks),
        "workers_peak_mb": statistics.median(workers),
    }


if __name__ == "__main__":
    main()
