"""Time how long the Log screen and its full-log table take to show on a database.

    python -m tests.benchmarks.time_log_screen /tmp/log10.db [--size 120x40]

Runs the real app headless (Textual's test driver), presses F4, waits until the screen has
shown its data, then presses 5 (the Full log tab, built when first opened) and waits for the
first page of the full log; then reloads a page, jumps to the last page and moves the cursor.
Prints the times.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path


async def measure(db: Path, size: tuple[int, int], today) -> dict[str, float]:
    from growth_tui.ui.app import GrowthApp
    from growth_tui.ui.widgets.log_table import LogTable

    app = GrowthApp(db, today=today, settings_path=Path("/tmp/time-log-settings.json"))
    figures: dict[str, float] = {}
    async with app.run_test(size=size) as pilot:
        while app.store is None or not getattr(app.screen, "loaded", False):
            await asyncio.sleep(0.01)
        await app.workers.wait_for_complete()
        await pilot.pause()
        began = time.perf_counter()
        await pilot.press("f4")
        while not getattr(app.screen, "loaded", False):
            await asyncio.sleep(0.005)
        figures["log screen shown"] = time.perf_counter() - began
        began = time.perf_counter()
        app.simulate_key("5")  # the Full log tab is built when first opened
        while not app.screen.query(LogTable) or not app.screen.query_one(LogTable).rows:
            await asyncio.sleep(0.005)
        figures["full-log tab built + first page"] = time.perf_counter() - began
        table = app.screen.query_one(LogTable)
        await pilot.pause()
        table.rows = []
        began = time.perf_counter()
        table.refresh_log()
        while not table.rows:
            await asyncio.sleep(0.005)
        figures["full-log page reloaded"] = time.perf_counter() - began
        pages = (table.total - 1) // 100
        began = time.perf_counter()
        table.rows = []
        table._goto(pages * 100, 0)  # noqa: SLF001 - jump to the last page
        while not table.rows:
            await asyncio.sleep(0.005)
        figures[f"last page ({table.total:,} entries)"] = time.perf_counter() - began
        began = time.perf_counter()
        await pilot.press("down", "down", "down", "up")
        figures["4 cursor moves"] = time.perf_counter() - began
    return figures


def main() -> int:
    from datetime import date

    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    figures = asyncio.run(measure(args.db, size, lambda: args.today))
    for label, seconds in figures.items():
        print(f"{label:34} {seconds * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
