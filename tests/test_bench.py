"""The benchmark still runs end to end (at a tiny size; no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_smoke_run_writes_its_table(tmp_path):
    out = tmp_path / "bench.md"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--tiny", "--out", str(out)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    text = out.read_text("utf-8")
    for row in [
        "Start-up ratio app / floor",
        "Selection latency p95, Carr",
        "at a reader's pace",
        "Border switch",
        "Book scale",
        "peak memory",
        "The common approach",
        "Export: slides, each",
        "Export: the Carr PDF handout",
        "Export: the web page",
    ]:
        assert row in text
    assert "Machine: " in text
