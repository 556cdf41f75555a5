"""Write docs/reliability.md: the inputs tried, the faults injected, the limits and the results.

Every input case is made here and imported with ``verbinder import --vervang`` over an
existing dataset, so each row shows the CLI's exit code, its first message and whether the
store stayed unchanged (a case that is meant to load says so). The fault rows run the crash,
concurrency and fuzzing tests with pytest and copy the figures they print.

Usage::

    .venv/bin/python scripts/reliability_report.py            # inputs and faults
    .venv/bin/python scripts/reliability_report.py --quick    # inputs only
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from click.testing import CliRunner  # noqa: E402
from openpyxl import load_workbook  # noqa: E402
from verbinder.graphmodel.store import SQLiteStore  # noqa: E402
from verbinder.loaders.demo import generate_demo  # noqa: E402
from verbinder.loaders.limits import ENV, OLE_MAGIC, Limits  # noqa: E402
from verbinder.queries.export import export_dataset  # noqa: E402

from verbinder.cli import main  # noqa: E402

TARGET = ROOT / "docs" / "reliability.md"


def _valid(folder: Path, suffix: str = ".xlsx") -> Path:
    return export_dataset(generate_demo(scale=0.02, name="x"), folder / f"geldig{suffix}")


def _edit(folder: Path, change: Callable, name: str = "bewerkt.xlsx") -> Path:
    path = _valid(folder)
    book = load_workbook(path)
    change(book)
    target = folder / name
    book.save(target)
    return target


def _cell(sheet: str, ref: str, value: object) -> Callable:
    def change(book) -> None:
        book[sheet][ref] = value

    return change


def _bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name

    return make


def _zip_bomb(folder: Path) -> Path:
    path = _valid(folder)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        for n in range(12):
            archive.writestr(f"xl/media/opvulling{n}.bin", bytes(100_000_000))
    return path


def _sparse(folder: Path) -> Path:
    path = folder / "groot.xlsx"
    with path.open("wb") as file:
        file.truncate(200_000_000)
    return path


DECLARATIONS = {
    "billion_laughs": (
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in ("ab", "bc", "cd"))
        + "]>",
        "&d;",
    ),
    "external_entity": ('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "&e;"),
}
"""Entity declarations a hostile workbook part can carry, and the reference that uses them."""


def rewrite_part(source: Path, target: Path, part: str, change: Callable) -> Path:
    """A copy of the workbook ``source`` whose ``part`` is ``change(bytes)``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, change(data) if info.filename == part else data)
    return target


def declare(kind: str) -> Callable[[bytes], bytes]:
    """A change that declares the entities of ``DECLARATIONS[kind]`` in an XML part and uses
    them in its first attribute value, so that a parser would expand them."""
    declaration, reference = DECLARATIONS[kind]

    def change(data: bytes) -> bytes:
        text = data.decode("utf-8")
        text = re.sub(r"^(<\?xml[^>]*\?>)?", lambda m: (m[0] or "") + declaration, text, count=1)
        return re.sub(r'="', '="' + reference, text, count=1).encode("utf-8")

    return change


def _declared(part: str, kind: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return rewrite_part(_valid(folder), folder / "entiteiten.xlsx", part, declare(kind))

    return make


def _deep_json(folder: Path) -> Path:
    path = folder / "diep.json"
    path.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    return path


def million_rows(folder: Path) -> Path:
    """A CSV folder whose actor sheet has a million rows (also used by the limit test)."""
    target = folder / "miljoen"
    target.mkdir()
    with (target / "actoren.csv").open("w", encoding="utf-8") as file:
        file.write("id;naam;type\n")
        file.writelines(f"a{n};Organisatie {n};werkgever\n" for n in range(1_000_000))
    (target / "relaties.csv").write_text("bron;doel;soort\n", encoding="utf-8")
    return target


def _merged_header(folder: Path) -> Path:
    return _edit(folder, lambda book: book["actoren"].merge_cells("B1:C1"), "samengevoegd.xlsx")


def _hidden_sheet(folder: Path) -> Path:
    def hide(book) -> None:
        book["evenementen"].sheet_state = "hidden"

    return _edit(folder, hide, "verborgen.xlsx")


def _macro(folder: Path) -> Path:
    target = folder / "macro.xlsm"
    shutil.copy(_valid(folder), target)
    return target


def _csv(name: str, content: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        target = folder / name
        target.mkdir()
        (target / "actoren.csv").write_bytes(content)
        (target / "relaties.csv").write_text("bron;doel;soort\n", encoding="utf-8")
        return target

    return make


HOSTILE_NAME = "<img src=x onerror=alert(1)> \u202eטקסט\u200b ='=1+1"

# (case, expectation, maker, should load)
CASES: list[tuple[str, str, Callable[[Path], Path], bool]] = [
    ("empty .xlsx (0 bytes)", "refused, named empty", _bytes("leeg.xlsx", b""), False),
    ("binary garbage as .xlsx", "refused", _bytes("rommel.xlsx", bytes(range(256)) * 40), False),
    ("wrong extension (.pdf)", "refused, formats named", _bytes("x.pdf", b"%PDF-1.4"), False),
    (
        "password-protected / old .xls",
        "refused, told to save as .xlsx",
        _bytes("beveiligd.xlsx", OLE_MAGIC + bytes(4096)),
        False,
    ),
    (
        "damaged zip (found by atheris)",
        "refused",
        _bytes("kapot.xlsx", b"PK\x05\x06" + bytes(18)),
        False,
    ),
    (".xlsm with macros", "loads, macros ignored (warning)", _macro, True),
    ("hidden sheet", "loads, warning", _hidden_sheet, True),
    ("merged header cells", "refused, located, merge explained", _merged_header, False),
    (
        "formula without saved value",
        "refused, located",
        lambda f: _edit(f, _cell("actoren", "B2", "=1+1")),
        False,
    ),
    (
        "Excel error value #N/A in a name",
        "refused, located",
        lambda f: _edit(f, _cell("actoren", "B2", "#N/A")),
        False,
    ),
    (
        "HTML, RTL and zero-width text in a name",
        "loads unchanged",
        lambda f: _edit(f, _cell("actoren", "B2", HOSTILE_NAME)),
        True,
    ),
    (
        "control character (BEL) in a name",
        "refused, located",
        _csv("stuurteken", b"id;naam;type\na;Kring\x07winkel;lde\n"),
        False,
    ),
    (
        "cp1252 CSV with ; and decimal comma",
        "loads",
        _csv("cp1252", "id;naam;type;vte\na;Zoë Café;lde;12,5\n".encode("cp1252")),
        True,
    ),
    (
        "UTF-16 CSV with broken bytes (atheris)",
        "refused",
        _csv("utf16", b"\xff\xfe\xff\x00\x00\x00\xfe\x0forganisatie"),
        False,
    ),
    ("1,000,000 rows (CSV)", "refused: row limit", million_rows, False),
    ("200 MB file", "refused at once: size limit", _sparse, False),
    ("zip bomb: 1.2 GB expanded", "refused: expanded-size limit", _zip_bomb, False),
    (
        "nested entities (billion laughs) in a sheet's XML",
        "refused before parsing, sheet named",
        _declared("xl/worksheets/sheet1.xml", "billion_laughs"),
        False,
    ),
    (
        "external entity (file:///etc/passwd) in workbook.xml",
        "refused before parsing, part named",
        _declared("xl/workbook.xml", "external_entity"),
        False,
    ),
    ("JSON nested 100,000 deep", "refused, named too deep", _deep_json, False),
]


def _store_state(db: Path) -> list[tuple[str, int]]:
    with SQLiteStore(db) as store:
        return [(info.name, info.version) for info in store.datasets()]


def run_inputs() -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "v.sqlite"
        with SQLiteStore(db) as store:
            store.save(generate_demo(scale=0.02, name="x"))
        for number, (case, expected, make, should_load) in enumerate(CASES):
            work = folder / f"geval{number}"
            work.mkdir()
            path = make(work)
            before = _store_state(db)
            result = CliRunner().invoke(
                main, ["--db", str(db), "import", str(path), "--dataset", "x", "--vervang"]
            )
            after = _store_state(db)
            lines = [line for line in result.output.splitlines() if line.strip()]
            errors = [line for line in lines if line.startswith("- ") and " info: " not in line]
            if result.exit_code:
                message = errors[0] if errors else (lines[-1] if lines else "")
            else:  # loaded: the first warning if any, and the import line
                warned = [line[2:] for line in errors if "waarschuwing:" in line][:1]
                message = " / ".join([*warned, lines[-1] if lines else ""])
            traceback = result.exception is not None and not isinstance(
                result.exception, SystemExit
            )
            loaded = result.exit_code == 0
            unchanged = before == after
            ok = not traceback and (loaded if should_load else (not loaded and unchanged))
            if loaded and case.startswith("HTML"):
                with SQLiteStore(db) as store:
                    names = {a.name for a in store.load("x").actors}
                ok = ok and HOSTILE_NAME.strip() in names
                message += " (name stored exactly as typed)" if ok else " (NAME CHANGED)"
            rows.append(
                {
                    "case": case,
                    "expected": expected,
                    "exit": result.exit_code,
                    "store": "unchanged" if unchanged else "new version",
                    "ok": "yes" if ok else "NO",
                    "message": message[2:] if message.startswith("- ") else message,
                }
            )
    return rows


FAULTS = [
    ("SIGKILL during a SQLite import", "tests/graphmodel/test_sqlite_crash.py"),
    ("SIGKILL during a schema migration", "tests/graphmodel/test_sqlite_migration_crash.py"),
    ("SIGKILL of the client during a Neo4j push", "tests/graphmodel/test_neo4j_crash.py"),
    (
        "Bolt server killed during a push",
        "tests/graphmodel/test_neo4j_store.py::"
        "test_killing_the_server_during_a_push_leaves_the_old_or_the_new_dataset",
    ),
    ("two processes importing at once", "tests/graphmodel/test_sqlite_concurrency.py"),
    (
        "two writers replacing one dataset on the Bolt server",
        "tests/graphmodel/test_neo4j_store.py::"
        "test_two_writers_of_one_dataset_at_once_both_land_on_the_server",
    ),
    (
        "two regisseurs writing one dataset at once",
        "tests/graphmodel/test_guarded_store.py::test_two_regisseurs_importing_at_once_both_land",
    ),
    ("fuzzing: bytes, mutations, cells, names, replays", "tests/loaders/test_fuzzing.py"),
]


def run_faults() -> list[dict]:
    rows = []
    for fault, test in FAULTS:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:warnings", test],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        figures = [line for line in done.stdout.splitlines() if re.match(r"\d+ kills, ", line)]
        summary = next(
            (
                line
                for line in reversed(done.stdout.splitlines())
                if " passed" in line or " failed" in line
            ),
            "no result",
        )
        rows.append(
            {
                "fault": fault,
                "test": test,
                "figures": "; ".join(figures) or "-",
                "result": re.sub(r"=+", "", summary).strip(),
                "ok": "yes" if done.returncode == 0 else "NO",
            }
        )
    return rows


def _table(rows: list[dict], columns: list[str]) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        cells = [str(row[c]).replace("|", "\\|").replace("\n", " ") for c in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write(inputs: list[dict], faults: list[dict] | None) -> str:
    limits = Limits()
    parts = [
        "# Reliability report",
        "",
        f"Produced by `scripts/reliability_report.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        " (re-run it to refresh). Issue #7.",
        "",
        "## Limits (checked before a file is parsed; raise them with the variable)",
        "",
        _table(
            [
                {
                    "limit": "file size",
                    "default": f"{limits.file_mb:g} MB",
                    "variable": ENV["file_mb"],
                },
                {
                    "limit": "workbook expanded",
                    "default": f"{limits.expanded_mb:g} MB",
                    "variable": ENV["expanded_mb"],
                },
                {"limit": "rows per sheet", "default": f"{limits.rows:,}", "variable": ENV["rows"]},
            ],
            ["limit", "default", "variable"],
        ),
        "",
        "## Inputs tried",
        "",
        "Each file is imported with `verbinder import FILE --dataset x --vervang` over an existing "
        "dataset `x`; *ok* means: no traceback, and either loaded (when meant to) or refused with "
        "the store unchanged.",
        "",
        _table(inputs, ["case", "expected", "exit", "store", "ok", "message"]),
    ]
    if faults is not None:
        parts += [
            "",
            "## Faults injected",
            "",
            _table(faults, ["fault", "test", "figures", "result", "ok"]),
        ]
    return "\n".join(parts) + "\n"


def main_report() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="inputs only, no fault tests")
    args = parser.parse_args()
    inputs = run_inputs()
    faults = None if args.quick else run_faults()
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(write(inputs, faults), encoding="utf-8")
    bad = [r["case"] for r in inputs if r["ok"] != "yes"]
    bad += [r["fault"] for r in faults or [] if r["ok"] != "yes"]
    print(f"{TARGET}: {len(inputs)} inputs, {len(faults or [])} faults, {len(bad)} not ok")
    if bad:
        raise SystemExit("not ok: " + ", ".join(bad))


if __name__ == "__main__":
    main_report()
