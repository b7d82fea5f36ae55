"""The app shell: six screens by key and by palette, help, welcome, theme memory."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from growth_tui.store.engine import Store
from growth_tui.ui.widgets.nav import SCREENS
from tests.conftest import MARKUP_TEXT, ready
from tests.helpers import screen_text

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
async def test_every_screen_by_function_key_and_letter(make_app, demo_store: Store, size) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        for info in SCREENS:
            await pilot.press(info.fkey)
            await ready(pilot)
            assert app.current_mode == info.mode
            assert f"{info.fkey.upper()} {info.title}" in screen_text(app)
        await pilot.press("h")
        await ready(pilot)
        assert app.current_mode == "home"
        for info in SCREENS[1:]:
            await pilot.press("h")
            await ready(pilot)
            await pilot.press(info.letter)
            await ready(pilot)
            assert app.current_mode == info.mode, info


@pytest.mark.parametrize("size", SIZES)
async def test_every_screen_from_the_command_palette(make_app, demo_store: Store, size) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        for info in reversed(SCREENS):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*f"go to {info.title.lower()}")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await ready(pilot)
            assert app.current_mode == info.mode


async def test_function_keys_work_while_typing(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        field = Input(id="probe")
        await app.screen.mount(field)
        field.focus()
        await pilot.press("g", "l")
        assert field.value == "gl"
        assert app.current_mode == "home"
        await pilot.press("f3")
        await ready(pilot)
        assert app.current_mode == "goals"


async def test_help_lists_the_screen_keys(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        for info in SCREENS:
            assert info.title in text
        assert "Ctrl+P" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "command palette" not in screen_text(app)


async def test_home_shows_north_star_and_goals(make_app, demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "Be the engineer people seek out" in text
        assert "Career growth" in text and "Personal growth" in text
        assert "Become a staff engineer on the payments platform" in text


async def test_user_text_is_shown_literally_on_home(make_app, store: Store) -> None:
    from growth_tui.store import plan_repo
    from growth_tui.store.models import Goal

    plan_id = store.plan_id()
    plan_repo.set_north_star(store, plan_id, MARKUP_TEXT)
    with store.write() as session:
        session.add(Goal(plan_id=plan_id, title=MARKUP_TEXT + " 🚀", track="personal"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        lines = screen_text(app).splitlines()
        for panel_id in ("#panel-north-star", "#panel-goals"):
            region = app.screen.query_one(panel_id).region
            inside = [line[region.x : region.right] for line in lines[region.y : region.bottom]]
            assert MARKUP_TEXT in "\n".join(inside), panel_id


async def test_first_run_welcome_leads_to_reflection(make_app, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "Welcome to growth" in text
        assert "Start my first reflection" in text
        await pilot.press("enter")
        await ready(pilot)
        assert app.current_mode == "reflect"


async def test_theme_is_remembered_between_runs(make_app, tmp_path) -> None:
    settings = tmp_path / "settings.json"
    app = make_app(settings_path=settings)
    async with app.run_test() as pilot:
        await ready(pilot)
        app.theme = "nord"
        await pilot.pause()
    again = make_app(settings_path=settings)
    async with again.run_test() as pilot:
        await ready(pilot)
        assert again.theme == "nord"


async def test_bad_database_ends_the_app_with_a_message(make_app, tmp_path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 20)
    before = bad.read_bytes()
    app = make_app(db_path=bad)
    async with app.run_test() as pilot:
        for _ in range(100):
            await pilot.pause()
            if app._exit_renderables or app.return_code is not None:  # noqa: SLF001
                break
    assert app.return_code == 2
    assert bad.read_bytes() == before


async def test_an_unexpected_error_is_a_sentence_and_a_file(
    make_app, demo_store: Store, capfd
) -> None:
    from textual.binding import Binding

    from growth_tui.ui.app import GrowthApp

    class Broken(GrowthApp):
        BINDINGS = [Binding("x", "explode", "Explode")]

        def action_explode(self) -> None:
            raise RuntimeError("boom [b]")

    app = Broken(store=demo_store, settings_path=None)
    with pytest.raises(RuntimeError):
        async with app.run_test() as pilot:
            await ready(pilot)
            await pilot.press("x")
            await pilot.pause()
    assert app.return_code == 2
    shown = " ".join(capfd.readouterr())
    assert "something went wrong" in shown and "boom [b]" in shown
    assert "Traceback" not in shown
    report = shown.split("bug report: ")[1].split()[0]
    with open(report, encoding="utf-8") as details:
        assert "RuntimeError: boom [b]" in details.read()
