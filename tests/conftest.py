"""Shared fixtures: a fixed "today", memory stores, and apps built on them."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from growth_tui.demo import build_demo
from growth_tui.store.engine import Store

#: A Sunday. Every test that needs "today" uses this, so snapshots and counts never drift.
TODAY = date(2026, 11, 22)

MARKUP_TEXT = "Ship [/] v1 [b]x"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data or settings from a test."""
    monkeypatch.setenv("GROWTH_TUI_DB", str(tmp_path / "env-default.db"))
    monkeypatch.setenv("GROWTH_TUI_CONFIG_DIR", str(tmp_path / "config"))
    os.environ.pop("TEXTUAL", None)


@pytest.fixture
def store() -> Store:
    store = Store.memory()
    yield store
    store.close()


@pytest.fixture
def demo_store() -> Store:
    store = Store.memory()
    build_demo(store, years=1, today=TODAY)
    yield store
    store.close()


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., object]:
    from growth_tui.ui.app import GrowthApp

    def make(store: Store | None = None, **kwargs) -> GrowthApp:
        kwargs.setdefault("today", lambda: TODAY)
        kwargs.setdefault("settings_path", tmp_path / "config" / "settings.json")
        if store is None and "db_path" not in kwargs:
            store = Store.memory()
        return GrowthApp(store=store, **kwargs)

    return make


async def ready(pilot, timeout: float = 20.0) -> None:
    """Wait until the database is open and the current screen has shown its data.

    Bounded by time, not by a number of pauses: on a busy machine a pause can be very short.
    """
    import time

    app = pilot.app
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause(0.01)
        if app.store is not None and getattr(app.screen, "loaded", True):
            await app.workers.wait_for_complete()
            await pilot.pause()
            return
        await app.workers.wait_for_complete()
    raise AssertionError("the app never finished loading")
