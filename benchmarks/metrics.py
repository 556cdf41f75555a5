"""Benchmark: all metrics for the whole of Flanders, ours against a straightforward networkx run.

Each side runs in its own process (so that its peak memory is its own) on the same synthetic
demo at ``--size`` actors; the demo is generated before the clock starts.

- ours: the Flanders-wide network (brokerage roles, structural holes, centrality with sampled
  betweenness and closeness, cohesion), then for every verband the ``brokers`` query (exact
  betweenness and closeness, roles, holes, the SE-regular view with dependencies) and
  ``compare_verbanden``.
- networkx: the same questions with the functions a networkx user would call (brokerage as
  a plain loop over two-paths, since networkx has none) and ``--timeout`` seconds in all.

It prints, per part and in total, seconds and peak resident memory (MB), and the ratio
networkx / ours. A side that runs out of time shows the parts it finished.

Usage: ``python benchmarks/metrics.py [--size 50000] [--timeout 600] [--smoke]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _report(part: str, started: float) -> None:
    print(
        json.dumps({"part": part, "seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}),
        flush=True,
    )


def _ours(dataset) -> None:
    import networkx as nx

    from graphmodel.metrics.brokerage import brokerage
    from graphmodel.metrics.centrality import centrality
    from graphmodel.metrics.cohesion import (
        components_summary,
        degree_centralization,
        ei_index,
        group_densities,
    )
    from graphmodel.metrics.structural_holes import structural_holes
    from graphmodel.views import to_multidigraph
    from queries.brokers import brokers
    from queries.compare import compare_verbanden

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
    for verband in dataset.verbanden:
        brokers(dataset, verband.id)
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


def _networkx(dataset) -> None:
    import networkx as nx

    from graphmodel.types import SectorGroup
    from graphmodel.views import to_multidigraph

    start = time.perf_counter()
    flanders = to_multidigraph(dataset)
    simple = nx.Graph(flanders)
    _report("Vlaanderen: netwerk opbouwen", start)
    arcs = nx.DiGraph(flanders)
    sector = dict(arcs.nodes(data="sector"))
    roles = {}
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
    _report("Vlaanderen: makelaarsrollen", start)
    nx.effective_size(simple)
    nx.constraint(simple)
    _report("Vlaanderen: structurele gaten", start)
    nx.pagerank(simple, weight=None)
    nx.betweenness_centrality(simple, k=min(1000, len(simple)), seed=0)
    nx.closeness_centrality(simple)
    _report("Vlaanderen: centraliteit", start)
    nx.density(simple)
    nx.degree_centrality(simple)
    list(nx.connected_components(simple))
    _report("Vlaanderen: cohesie", start)
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
    _report("per verband: brokers", start)
    for verband in dataset.verbanden:
        graph = nx.Graph(to_multidigraph(dataset, verband_id=verband.id))
        list(nx.bridges(graph))
        list(nx.local_bridges(graph))
        nx.community.louvain_communities(graph, seed=1)
        nx.transitivity(graph)
    _report("alle verbanden: compare", start)


def _worker(side: str, size: int) -> None:
    from loaders.demo import generate_demo, scale_for

    dataset = generate_demo(scale=scale_for(size))
    print(json.dumps({"actors": len(dataset.actors), "ties": len(dataset.ties)}), flush=True)
    (_ours if side == "ours" else _networkx)(dataset)


def _run(side: str, size: int, timeout: float) -> tuple[dict, list[dict], bool]:
    command = [sys.executable, __file__, "--worker", side, "--size", str(size)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
        output, finished = done.stdout, True
    except subprocess.TimeoutExpired as expired:
        output, finished = (
            (expired.stdout or b"").decode()
            if isinstance(expired.stdout, bytes)
            else (expired.stdout or ""),
            False,
        )
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return lines[0] if lines else {}, lines[1:], finished


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--smoke", action="store_true", help="tiny size, short timeout (CI)")
    parser.add_argument("--worker", choices=["ours", "networkx"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker, args.size)
        return
    size, timeout = (800, 120) if args.smoke else (args.size, args.timeout)
    sizes, ours, ours_done = _run("ours", size, timeout)
    _, theirs, theirs_done = _run("networkx", size, timeout)
    print(
        f"Alle maten voor Vlaanderen: {sizes.get('actors')} actoren, {sizes.get('ties')} "
        f"relaties (synthetische demo)"
    )
    header = f"{'deel':32} {'ons s':>8} {'networkx s':>11} {'verhouding':>10}"
    print(header)
    print("-" * len(header))
    previous = {"ours": 0.0, "networkx": 0.0}
    theirs_by_part = {line["part"]: line for line in theirs}
    for line in ours:
        mine = line["seconds"] - previous["ours"]
        previous["ours"] = line["seconds"]
        other = theirs_by_part.get(line["part"])
        if other is None:
            print(f"{line['part']:32} {mine:8.2f} {'niet klaar':>11} {'':>10}")
            continue
        base = other["seconds"] - previous["networkx"]
        previous["networkx"] = other["seconds"]
        print(f"{line['part']:32} {mine:8.2f} {base:11.2f} {base / mine:10.1f}")
    total = ours[-1]["seconds"] if ours else float("nan")
    print(f"{'totaal':32} {total:8.2f} ", end="")
    if theirs_done:
        print(f"{theirs[-1]['seconds']:11.2f} {theirs[-1]['seconds'] / total:10.1f}")
    else:
        print(f"{'> ' + str(int(timeout)):>11} {'> ' + format(timeout / total, '.1f'):>10}")
    print(
        f"piekgeheugen (RSS): ons {ours[-1]['peak_mb']:.0f} MB; networkx "
        f"{theirs[-1]['peak_mb'] if theirs else float('nan'):.0f} MB"
        f"{'' if theirs_done else ' (tot waar het kwam)'}"
    )
    if not ours_done:
        raise SystemExit("onze kant raakte niet klaar binnen de tijd")


if __name__ == "__main__":
    main()
