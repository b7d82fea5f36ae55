"""Run one app headless in a fresh process and print when it painted and when it was ready.

usage: python -m tests.benchmarks.probe bare|growth [DB] [KEYS...]
Prints JSON: seconds from the start of this script to the first frame, to data on screen,
and for each key pressed, the time until what it opened is loaded. A key is a screen's key
("f4": wait until the screen has shown its data) or a tab's key with the widget that tab builds
("5@#log-grid": wait until that widget exists and no worker is left, i.e. it is filled). Imports happen after the clock starts, so their cost
counts, as it does for a person.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402


def main() -> None:
    kind = sys.argv[1]
    marks: dict[str, float] = {}
    if kind == "bare":
        from textual.app import App
        from textual.widgets import Footer, Static

        class Bare(App):
            def compose(self):
                yield Static("hello")
                yield Footer()

        app = Bare()

        async def pilot_run(pilot) -> None:
            marks["paint"] = time.perf_counter() - START
            await pilot.pause()
            marks["ready"] = time.perf_counter() - START
            app.exit()

    else:
        from pathlib import Path

        from growth_tui.ui.app import GrowthApp

        app = GrowthApp(Path(sys.argv[2]), settings_path=Path("/nonexistent/settings.json"))
        keys = sys.argv[3:]

        async def wait_loaded(pilot, leaving=None) -> None:
            # Poll with a plain sleep: pilot.pause() dispatches messages to every widget, and
            # doing that every few milliseconds would slow down the very thing measured.
            import asyncio

            for _ in range(4000):
                await asyncio.sleep(0.005)
                if app.screen is leaving:
                    continue
                if app.store is not None and getattr(app.screen, "loaded", True):
                    await app.workers.wait_for_complete()
                    return
            raise SystemExit("never loaded")

        async def wait_built(selector: str) -> None:
            import asyncio

            quiet = 0
            for _ in range(4000):
                await asyncio.sleep(0.005)
                busy = any(not worker.is_finished for worker in app.workers)
                quiet = 0 if busy or not app.screen.query(selector) else quiet + 1
                if quiet >= 3:
                    return
            raise SystemExit(f"{selector} never filled")

        async def pilot_run(pilot) -> None:
            marks["paint"] = time.perf_counter() - START
            await wait_loaded(pilot)
            marks["ready"] = time.perf_counter() - START
            for spec in keys:
                key, _, selector = spec.partition("@")
                leaving = app.screen
                before = time.perf_counter()
                # Not pilot.press: it also waits for animations to end (a tab's underline
                # slides for a while after its content is on screen).
                app.simulate_key(key)
                if selector:
                    await wait_built(selector)
                else:
                    await wait_loaded(pilot, leaving)
                marks[spec] = time.perf_counter() - before
            app.exit()

    app.run(headless=True, size=(120, 40), auto_pilot=pilot_run)
    print(json.dumps(marks))


if __name__ == "__main__":
    main()
