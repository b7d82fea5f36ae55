"""Start-up and screen-switch benchmark, as ratios against a bare Textual app in the same run.

Not part of the default test run (`-m benchmark` selects it): timings depend on the machine,
so the figures are reported, and only generous ratios are asserted. Run with
`pytest tests/benchmarks -m benchmark -s` to see the table.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from growth_tui.cli import main as growth_main

ROOT = Path(__file__).parent.parent.parent
RUNS = 5
#: Each screen's first open, and the first open of the tabs that are built on demand.
SCREEN_KEYS = [
    "f2",
    "f3",
    "f4",
    "2@#wins-table",
    "4@#heatmap",
    "5@#log-grid",
    "f5",
    "f6",
    "2@#weekly-spark",
    "3@#summary-md",
    "f1",
]


def probe(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.probe", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.benchmark
def test_startup_and_screens_against_a_bare_textual_app(tmp_path: Path) -> None:
    db = tmp_path / "ten-years.db"
    assert growth_main(["demo", "--years", "10", "--db", str(db)]) == 0
    bare = [probe("bare") for _ in range(RUNS)]
    growth = [probe("growth", str(db), *SCREEN_KEYS) for _ in range(RUNS)]

    def median(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(row[key] for row in rows)

    bare_paint, bare_ready = median(bare, "paint"), median(bare, "ready")
    lines = [f"{'measure':<28}{'growth s':>10}{'bare s':>10}{'ratio':>8}"]
    for key, reference in (("paint", bare_paint), ("ready", bare_ready)):
        value = median(growth, key)
        lines.append(f"{key:<28}{value:>10.3f}{reference:>10.3f}{value / reference:>8.2f}")
    for key in SCREEN_KEYS:
        value = median(growth, key)
        lines.append(f"{'open + load ' + key:<28}{value:>10.3f}{'':>10}{value / bare_paint:>8.2f}")
    print("\n" + "\n".join(lines))
    # First paint: the app may import a little more than a bare one, not much more.
    assert median(growth, "paint") / bare_paint < 2.0
    # Database opened and Home filled from a 10-year file, still within a few bare starts.
    assert median(growth, "ready") / bare_ready < 4.0
    for key in SCREEN_KEYS:
        assert median(growth, key) / bare_paint < 2.0, key
