"""Regenerate the pictures in screenshots/ from a seeded demo plan: `python -m growth_tui.screenshots`.

Every screen at 120x40 and at 80x24, on a fixed "today", so the pictures change only when the
app does.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import date
from pathlib import Path

from growth_tui.ui.widgets.nav import SCREENS

TODAY = date(2026, 11, 22)


async def _shoot(folder: Path, size: tuple[int, int]) -> list[Path]:
    from growth_tui.demo import build_demo
    from growth_tui.store.engine import Store
    from growth_tui.ui.app import GrowthApp

    store = Store.memory()
    build_demo(store, years=3, today=TODAY)
    app = GrowthApp(store=store, today=lambda: TODAY, settings_path=folder / ".settings.json")
    written: list[Path] = []
    async with app.run_test(size=size) as pilot:
        for info in SCREENS:
            await pilot.press(info.fkey)
            for _ in range(200):
                await pilot.pause(0.01)
                if app.store is not None and getattr(app.screen, "loaded", True):
                    break
            await app.workers.wait_for_complete()
            await pilot.pause(0.2)
            name = f"{info.mode}-{size[0]}x{size[1]}.svg"
            app.save_screenshot(filename=name, path=str(folder))
            written.append(folder / name)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(__file__).parent.parent / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for size in ((120, 40), (80, 24)):
        for path in asyncio.run(_shoot(folder, size)):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
