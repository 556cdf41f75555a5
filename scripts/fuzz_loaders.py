"""Coverage-guided fuzzing of every loader with atheris (libFuzzer for Python).

Every way a file enters Verbinder is a target: a workbook (.xlsx), a CSV folder, a JSON
export, an attendance list (.csv, .xlsx), a suggestions export and a sector-fit table. The
only allowed outcomes are a result or :class:`loaders.LoadError` (a located Dutch message);
anything else is a crash. Crashing inputs are written to ``tests/loaders/fuzz_regressions/``
(``<target>-<sha1>.bin``), where ``tests/loaders/test_fuzzing.py`` replays them on every run.

Usage::

    .venv/bin/python scripts/fuzz_loaders.py --runs 20000          # all targets, seeded
    .venv/bin/python scripts/fuzz_loaders.py --seconds 600 --target xlsx
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

REGRESSIONS = ROOT / "tests" / "loaders" / "fuzz_regressions"


def _tiny_dataset():
    from verbinder.graphmodel.model import Actor, Dataset
    from verbinder.graphmodel.types import ActorType

    return Dataset(
        "fuzz",
        actors=(
            Actor("lde-1", "Kringwinkel Zoë", ActorType.LDE, kbo="0403170701"),
            Actor("wg-1", "Transport Peeters", ActorType.WERKGEVER),
        ),
    )


def _load(path: Path) -> None:
    from verbinder.loaders import load_dataset

    load_dataset(path, name="fuzz")


def _attendance(path: Path) -> None:
    from verbinder.loaders.attendance import match_attendance

    match_attendance(path, _tiny_dataset())


def _suggestions(path: Path) -> None:
    from verbinder.loaders.attendance import read_suggestions

    read_suggestions(path)


def _sector_fit(path: Path) -> None:
    from verbinder.loaders.sector_fit import load_sector_fit

    load_sector_fit(path)


TARGETS: dict[str, tuple[str, Callable[[Path], None]]] = {
    "xlsx": ("invoer.xlsx", _load),
    "csvmap": ("invoer/actoren.csv", _load),
    "json": ("invoer.json", _load),
    "aanwezig-csv": ("aanwezig.csv", _attendance),
    "aanwezig-xlsx": ("aanwezig.xlsx", _attendance),
    "voorstellen": ("voorstellen.csv", _suggestions),
    "sectorfit": ("sectorfit.csv", _sector_fit),
}
"""Target name: (file name inside a fresh folder, loader call)."""


def check(target: str, data: bytes) -> None:
    """Feed ``data`` as the target's file; raises whatever the loader raises except LoadError."""
    from verbinder.loaders import LoadError

    name, call = TARGETS[target]
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data)
        entry = file.parent if target == "csvmap" else file
        with contextlib.suppress(LoadError):
            call(entry)


@functools.cache
def seeds(target: str) -> list[bytes]:
    """Inputs to start from: a small export in the target's format (first), and for workbooks
    and JSON a hostile one (entity declarations, deep nesting) that mutations can reshape."""
    from reliability_report import declare, rewrite_part
    from verbinder.loaders.demo import generate_demo
    from verbinder.queries.export import export_dataset

    with tempfile.TemporaryDirectory() as folder:
        data = generate_demo(scale=0.02)
        base = Path(folder)
        if target in ("xlsx", "aanwezig-xlsx"):
            valid = export_dataset(data, base / "d.xlsx")
            hostile = rewrite_part(
                valid, base / "h.xlsx", "xl/workbook.xml", declare("billion_laughs")
            )
            return [valid.read_bytes(), hostile.read_bytes()]
        if target == "json":
            deep = ("[" * 5_000 + "]" * 5_000).encode()
            return [export_dataset(data, base / "d.json").read_bytes(), deep]
        if target == "csvmap":
            return [(export_dataset(data, base / "csv") / "actoren.csv").read_bytes()]
        if target == "sectorfit":
            return [(ROOT / "graphmodel" / "data" / "sector_fit.csv").read_bytes()]
        if target == "voorstellen":
            return [b"se_actor;werkgever;score\nlde-1;wg-1;0,8\n"]
        return ["organisatie;kbo\nKringwinkel Zoe;0403.170.701\n".encode("cp1252")]


def save_crash(target: str, data: bytes) -> Path:
    """Keep a crashing input as a regression case."""
    REGRESSIONS.mkdir(parents=True, exist_ok=True)
    path = REGRESSIONS / f"{target}-{hashlib.sha1(data).hexdigest()[:12]}.bin"
    path.write_bytes(data)
    return path


def _run(target: str, runs: int, seconds: int, seed: int) -> None:
    import atheris

    with atheris.instrument_imports():
        import verbinder.loaders
        import verbinder.loaders.attendance
        import verbinder.loaders.sector_fit  # noqa: F401

    corpus = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-"))
    for n, seed_input in enumerate(seeds(target)):
        (corpus / f"seed-{n}").write_bytes(seed_input)

    def one_input(data: bytes) -> None:
        try:
            check(target, data)
        except Exception:
            print(f"crash in {target}: kept as {save_crash(target, data)}", file=sys.stderr)
            raise

    arguments = [sys.argv[0], f"-seed={seed}", f"-max_len={1 << 16}", "-rss_limit_mb=4096"]
    arguments += [f"-artifact_prefix={corpus}/"]
    arguments += [f"-runs={runs}"] if runs else [f"-max_total_time={seconds}"]
    atheris.Setup([*arguments, str(corpus)], one_input)
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=sorted(TARGETS), action="append")
    parser.add_argument("--runs", type=int, default=0, help="inputs per target (seeded)")
    parser.add_argument("--seconds", type=int, default=60, help="time per target without --runs")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    crashed = []
    for target in args.target or sorted(TARGETS):
        # libFuzzer ends the process when it is done: one child process per target.
        command = [sys.executable, __file__, "--seed", str(args.seed), "--single", target]
        command += ["--runs", str(args.runs), "--seconds", str(args.seconds)]
        print(f"== {target}", flush=True)
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        runs = re.findall(r"Done (\d+) runs in (\d+) second", done.stderr)
        print(f"   {runs[-1][0]} inputs in {runs[-1][1]} s" if runs else "", flush=True)
        if done.returncode:
            print("\n".join(done.stderr.splitlines()[-40:]), file=sys.stderr)
            crashed.append(target)
    if crashed:
        raise SystemExit(f"crash in {', '.join(crashed)}; the inputs are in {REGRESSIONS}")


if __name__ == "__main__":
    if "--single" in sys.argv:
        single = argparse.ArgumentParser()
        single.add_argument("--single")
        single.add_argument("--runs", type=int)
        single.add_argument("--seconds", type=int)
        single.add_argument("--seed", type=int)
        options = single.parse_args()
        _run(options.single, options.runs, options.seconds, options.seed)
    else:
        main()
