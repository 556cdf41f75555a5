"""Run a benchmark worker in its own process, with a time limit, and read its JSON lines."""

from __future__ import annotations

import json
import subprocess

__all__ = ["run_worker"]


def run_worker(command: list[str], timeout: float) -> tuple[list[dict], str]:
    """The JSON lines the worker printed (those starting with ``{``) and how it ended:
    'ok', 'afgebroken (code N)' or 'niet klaar na N s' (lines printed until then are kept)."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        output = done.stdout
        ended = "ok" if done.returncode == 0 else f"afgebroken (code {done.returncode})"
    except subprocess.TimeoutExpired as expired:
        output = (
            expired.stdout.decode() if isinstance(expired.stdout, bytes) else (expired.stdout or "")
        )
        ended = f"niet klaar na {timeout:.0f} s"
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")], ended
