"""How screens open: tabs built when first shown, a Footer that rebuilds only on change, styles
kept right when Textual's full restyle is skipped, and the collector tuned for the program.

These are the measures that make a first open fast (see `tests/benchmarks`); the tests check
that none of them changes what a person sees.
"""

from __future__ import annotations

import gc
from pathlib import Path

from textual.color import Color
from textual.widgets import DataTable, Input, Sparkline

from growth_tui.store.engine import Store
from growth_tui.ui.widgets.footer import GrowthFooter
from tests.conftest import ready
from tests.helpers import screen_text, settle


async def open_screen(pilot, key: str) -> None:
    """From start-up, go to a screen and wait until it shows its data and is quiet."""
    await ready(pilot)
    await pilot.press(key)
    await ready(pilot)
    await settle(pilot)


def footer_keys(app) -> list[str]:
    """The descriptions the Footer on the current screen shows."""
    footer = app.screen.query_one(GrowthFooter)
    return [key.description for key in footer.query("FooterKey") if key.description]


async def test_log_tabs_are_built_when_first_opened(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, "f4")
        screen = app.screen
        assert screen.query("#due-list")
        assert not screen.query("#wins-table")
        assert not screen.query("#log-grid")
        await pilot.press("2")
        await settle(pilot)
        wins = screen.query_one("#wins-table", DataTable)
        assert wins.row_count > 0
        assert app.focused is wins
        assert "Wins" in screen_text(app)
        assert not screen.query("#feedback-table")
        await pilot.press("5")
        await settle(pilot)
        grid = screen.query_one("#log-grid", DataTable)
        assert grid.row_count > 0
        assert app.focused is grid


async def test_a_filter_typed_on_wins_survives_a_reload(make_app, demo_store: Store) -> None:
    """The Feedback tab is not built yet; the Wins filter must not be lost because of that."""
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, "f4")
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#wins-table", DataTable)
        everything = table.row_count
        await pilot.click("#wins-text")
        await pilot.press(*"zzzz-no-such-win")
        await settle(pilot)
        assert table.row_count == 0
        app.screen.reload()
        await settle(pilot)
        assert table.row_count == 0, "a reload dropped the typed filter"
        assert everything > 0


async def test_history_charts_and_summary_are_built_when_opened(
    make_app, demo_store: Store
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, "f6")
        screen = app.screen
        assert screen.query_one("#timeline-table", DataTable).row_count > 0
        assert not screen.query("#weekly-spark")
        assert not screen.query("#summary-md")
        await pilot.press("2")
        await settle(pilot)
        spark = screen.query_one("#weekly-spark", Sparkline)
        assert len(spark.data) == 52 and sum(spark.data) > 0
        assert "Actions done per week" in screen_text(app)
        await pilot.press("3")
        await settle(pilot)
        assert "What I did in" in screen_text(app)


async def test_footer_follows_the_keys_that_apply(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_screen(pilot, "f4")
        assert "Tick/untick" in footer_keys(app)
        assert "Edit" not in footer_keys(app)
        await pilot.press("2")
        await settle(pilot)
        assert "Edit" in footer_keys(app)
        assert "Tick/untick" not in footer_keys(app)
        # Away and back: the Footer of a screen that was not in front is brought up to date.
        await pilot.press("f1")
        await ready(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert "Edit" in footer_keys(app)


async def test_footer_is_not_rebuilt_when_its_keys_stay_the_same(
    make_app, demo_store: Store
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_screen(pilot, "f4")
        footer = app.screen.query_one(GrowthFooter)
        rebuilds = 0
        recompose = footer.recompose

        async def counting_recompose() -> None:
            nonlocal rebuilds
            rebuilds += 1
            await recompose()

        footer.recompose = counting_recompose
        for _ in range(3):  # focus moves, same keys
            app.screen.refresh_bindings()
            await settle(pilot)
        assert rebuilds == 0
        await pilot.press("2")  # other keys
        await settle(pilot)
        assert rebuilds == 1


async def test_a_screen_opened_after_a_theme_change_has_the_new_colours(
    make_app, demo_store: Store
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("f4")
        await ready(pilot)
        expected = Color.parse(app.theme_variables["background"])
        assert app.screen.styles.background == expected
        await pilot.press("f1")
        await ready(pilot)
        assert app.screen.styles.background == expected


def test_the_program_tunes_the_collector_and_tests_do_not(tmp_path: Path) -> None:
    from growth_tui.ui.app import GC_THRESHOLDS, GrowthApp

    before = gc.get_threshold()
    seen: dict[str, object] = {}
    app = GrowthApp(tmp_path / "plan.db", settings_path=tmp_path / "settings.json")

    async def look(pilot) -> None:
        await ready(pilot)
        seen["threshold"] = gc.get_threshold()
        seen["frozen"] = gc.get_freeze_count()
        app.exit()

    try:
        app.run(headless=True, size=(80, 24), auto_pilot=look)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
    assert seen["threshold"] == GC_THRESHOLDS
    assert seen["frozen"] > 0


async def test_a_long_timeline_is_given_to_the_table_in_chunks(make_app, store: Store) -> None:
    from datetime import timedelta

    from growth_tui.store.models import Win
    from growth_tui.ui.screens.history import TIMELINE_CHUNK
    from tests.conftest import TODAY

    total = TIMELINE_CHUNK * 2 + 50
    with store.write() as session:
        session.add_all(
            Win(plan_id=store.plan_id(), happened_on=TODAY - timedelta(days=n), title=f"Win {n}")
            for n in range(total)
        )
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, "f6")
        table = app.screen.query_one("#timeline-table", DataTable)
        assert table.row_count == TIMELINE_CHUNK
        assert f"{total} of {total}" in screen_text(app)
        for _ in range(TIMELINE_CHUNK // 20):  # near the last row given: the next chunk comes
            await pilot.press("pagedown")
        await settle(pilot)
        assert table.row_count == TIMELINE_CHUNK * 2
        await pilot.press("ctrl+end")  # the very end: everything
        await settle(pilot)
        assert table.row_count == total
        assert f"Win {total - 1}" in screen_text(app)  # the oldest, at the bottom


async def test_a_screen_shown_just_as_the_database_opens_loads_once_it_is_mounted(
    make_app, demo_store: Store
) -> None:
    """F6 pressed during start-up: the database can open between the switch and the mount.

    Found in a real terminal: History got its rows before its columns and the app stopped.
    """
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        store, plan_id = app.store, app.plan_id
        app.store = None  # as before the database has opened
        app.switch_mode("history")  # created, not mounted yet
        app._store_ready(store, plan_id)  # noqa: SLF001 - the database opens in that moment
        await ready(pilot)
        await settle(pilot)
        assert app.return_code is None
        assert app.screen.query_one("#timeline-table", DataTable).row_count > 0


async def test_many_wins_are_given_to_their_table_in_chunks(make_app, store: Store) -> None:
    from datetime import timedelta

    from growth_tui.store.models import Win
    from tests.conftest import TODAY

    with store.write() as session:
        session.add_all(
            Win(plan_id=store.plan_id(), happened_on=TODAY - timedelta(days=n), title=f"Win {n}")
            for n in range(450)
        )
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_screen(pilot, "f4")
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#wins-table", DataTable)
        assert (table.row_count, table.total) == (200, 450)
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.press("pagedown", "pagedown", "pagedown")
        await settle(pilot)
        assert table.row_count == 400
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.row_count == 450
        await pilot.press("enter")  # the last win opens for editing, as any other
        await settle(pilot)
        assert app.screen.query_one("#title", Input).value == "Win 449"
