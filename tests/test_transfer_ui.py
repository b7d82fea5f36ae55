"""The command palette's "Export plan as Markdown…" and "Back up now", as a person uses them."""

from __future__ import annotations

from pathlib import Path

import pytest

from growth_tui.demo import build_demo
from growth_tui.store.engine import open_store
from tests.conftest import MARKUP_TEXT, TODAY, ready
from tests.helpers import screen_text


def _keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


@pytest.fixture
def file_store(tmp_path: Path):
    store = open_store(tmp_path / "growth.db")
    build_demo(store, years=1, today=TODAY)
    yield store
    store.close()


async def _palette(pilot, words: str) -> None:
    """Open the palette, type `words`, wait until the first match is the wanted command (the
    search runs in the background), and run it."""
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*_keys(words))
    for _ in range(100):
        await pilot.pause(0.05)
        found = pilot.app.screen.query(CommandList)
        if found and found.first().option_count:
            first = found.first().get_option_at_index(0).prompt
            if words.lower() in str(getattr(first, "plain", first)).lower():
                break
    else:
        raise AssertionError(f"the palette never offered {words!r}")
    await pilot.press("enter")
    await pilot.pause()


def _toasts(screen: str) -> str:
    """The words in the notifications on screen (the lines behind their left bar), joined."""
    # A scroll bar of the screen underneath may show at the right edge: not part of the words.
    scroll_bar = " ▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▔▕"
    parts = [
        line.split("▌", 1)[1].rstrip(scroll_bar).strip()
        for line in screen.splitlines()
        if "▌" in line
    ]
    return " ".join(part for part in parts if part)


async def _settle(pilot) -> None:
    """Let the worker finish and its notification reach the screen."""
    await pilot.app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause(0.05)


async def test_back_up_now_from_the_palette(make_app, file_store, tmp_path: Path) -> None:
    app = make_app(store=file_store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await _palette(pilot, "back up now")
        await _settle(pilot)
        [copy] = (tmp_path / "backups").iterdir()
        assert copy.name.endswith("-manual.db")
        assert "Backed up Backup saved to" in _toasts(screen_text(app))


async def test_export_markdown_from_the_palette(make_app, file_store, tmp_path: Path) -> None:
    app = make_app(store=file_store)
    target = tmp_path / f"{MARKUP_TEXT}.md"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await _palette(pilot, "export plan")
        field = app.screen.query_one("#path")
        assert field.value.endswith(f"growth-plan-{TODAY.isoformat()}.md")
        field.value = str(target)
        await pilot.press("enter")
        await _settle(pilot)
        text = screen_text(app)
        assert "Plan saved to" in text
        assert f"{MARKUP_TEXT}.md" in _toasts(text)
    assert target.read_text(encoding="utf-8").startswith("# Growth plan\n")
    assert (target.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize(
    ("words", "name", "start"),
    [
        (
            "export a full backup",
            "growth-backup-2026-11-22.json",
            b'{\n "format": "growth_tui-backup"',
        ),
        ("export a calendar", "growth-calendar-2026-11-22.ics", b"BEGIN:VCALENDAR"),
    ],
)
async def test_json_and_calendar_exports_from_the_palette(
    make_app, file_store, tmp_path: Path, monkeypatch, words: str, name: str, start: bytes
) -> None:
    from growth_tui.ui import transfer_commands

    monkeypatch.setattr(transfer_commands, "export_folder", lambda: tmp_path)
    app = make_app(store=file_store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await _palette(pilot, words)
        assert app.screen.query_one("#path").value == str(tmp_path / name)
        await pilot.press("enter")
        await _settle(pilot)
        assert "saved to" in _toasts(screen_text(app))
    assert (tmp_path / name).read_bytes().startswith(start)


async def test_escape_cancels_the_export(make_app, file_store, tmp_path: Path) -> None:
    app = make_app(store=file_store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await _palette(pilot, "export plan")
        await pilot.press("escape")
        await _settle(pilot)
        assert not app.screen.query("#path")
    assert not list(tmp_path.glob("*.md"))


async def test_a_memory_plan_has_nothing_to_back_up(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await _palette(pilot, "back up now")
        await pilot.pause()
        assert "This plan lives only in memory, so there is no file to back up." in _toasts(
            screen_text(app)
        )


NOTES = f"""North Star:
    Steady, kind, and hard to rattle.

Goal: {MARKUP_TEXT} for the team
Action items:
- 15 min reading every Tue and Thu
"""


async def _open_import(pilot, path: Path) -> None:
    await _palette(pilot, "import a plan")
    field = pilot.app.screen.query_one("#path")
    field.value = str(path)
    await pilot.press("enter")
    await _settle(pilot)


async def test_import_notes_after_a_preview(make_app, tmp_path: Path) -> None:
    from growth_tui.store import plan_repo

    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    # A file, as in real use: the import's write and the screen's reload when the preview
    # closes run at the same time on their own connections.
    store = open_store(tmp_path / "growth.db")
    app = make_app(store=store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await _open_import(pilot, notes)
        preview = screen_text(app)
        assert "Import this plan?" in preview
        assert f"Goal (career): {MARKUP_TEXT} for the team" in preview
        assert "Action: reading (every Tue and Thu, 15 min)" in preview
        assert plan_repo.list_goals(store, app.plan_id) == []  # nothing before Enter
        await pilot.press("enter")
        await _settle(pilot)
        assert "Added 1 goal(s), 0 focus point(s) and 1 action(s)." in _toasts(screen_text(app))
        assert f"{MARKUP_TEXT} for the team" in screen_text(app)  # Home shows it at once
    [goal] = plan_repo.list_goals(store, app.plan_id)
    assert goal.title == f"{MARKUP_TEXT} for the team"
    assert plan_repo.get_plan(store, app.plan_id).north_star == "Steady, kind, and hard to rattle."
    store.close()


async def test_cancelling_the_preview_writes_nothing(make_app, tmp_path: Path) -> None:
    from growth_tui.store import plan_repo
    from growth_tui.store.engine import Store

    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    store = Store.memory()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await _open_import(pilot, notes)
        await pilot.press("escape")
        await _settle(pilot)
        assert "Import this plan?" not in screen_text(app)
    assert plan_repo.list_goals(store, app.plan_id) == []
    assert plan_repo.get_plan(store, app.plan_id).north_star == ""


async def test_a_file_without_a_plan_is_explained(make_app, tmp_path: Path) -> None:
    shopping = tmp_path / "shopping.md"
    shopping.write_text("- milk\n- eggs\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await _open_import(pilot, shopping)
        toasts = _toasts(screen_text(app))
        assert "Nothing imported: No plan found in this text." in toasts
        assert "Import this plan?" not in screen_text(app)


def test_export_dialog_snapshot(snap_compare, make_app, monkeypatch) -> None:
    from growth_tui.store.engine import Store
    from growth_tui.ui import transfer_commands

    monkeypatch.setattr(transfer_commands, "export_folder", lambda: Path("/home/you/notes"))
    store = Store.memory()
    build_demo(store, years=1, today=TODAY)

    async def open_dialog(pilot) -> None:
        await ready(pilot)
        await _palette(pilot, "export plan")

    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=open_dialog)


def test_import_preview_snapshot(snap_compare, make_app, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")

    async def open_preview(pilot) -> None:
        await ready(pilot)
        await _open_import(pilot, notes)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_preview)
