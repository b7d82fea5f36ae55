"""The Textual app: six screens as modes, global keys, the command palette, the theme.

Start-up paints first: the database (and SQLModel, ~0.4 s to import) is opened in a thread
worker after the first frame, then the current screen loads its data. A database that cannot be
opened ends the app with exit code 2 and the store's message, never a traceback.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Callable, Iterable
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from growth_tui.ui.widgets.nav import SCREENS

if TYPE_CHECKING:
    from growth_tui.store.engine import Store

#: Held while the start-up worker imports the store (SQLModel, SQLAlchemy) and while a screen
#: module is imported on the UI thread. Two threads importing SQLAlchemy at the same moment can
#: see a half-initialised module; with the gate, an F-key pressed in the first half second
#: waits for the import instead of racing it.
IMPORT_GATE = threading.Lock()

#: Garbage-collector thresholds while the program runs (Python's defaults are 700, 10, 10).
#: Measured here: with the defaults, the collector ran 50-400 times per first screen switch and
#: a full pass over the ~1 M objects SQLAlchemy, pydantic and Textual leave behind cost 0.1-0.3 s
#: of the 0.4-0.6 s a first switch took. A young generation of 10,000 and freezing everything
#: alive once the database is open (`gc.freeze`, so full passes skip it) made first switches
#: 0.25-0.4 s.
GC_THRESHOLDS = (10_000, 20, 10)


def _screen_factory(mode: str) -> Callable[[], Screen]:
    """Import a screen's module only when it is first shown (keeps start-up fast)."""

    def make() -> Screen:
        with IMPORT_GATE:
            module = import_module(f"growth_tui.ui.screens.{mode}")
        return getattr(module, f"{mode.capitalize()}Screen")()

    return make


def _navigation_bindings() -> list[Binding]:
    """F1..F6 everywhere (priority), letters when not typing.

    The Footer shows one entry for all six ("F1…F6 Screens") so that each screen's own keys
    still fit in 80 columns; the nav bar on top says which F-key is which screen.
    """
    bindings: list[Binding] = []
    for index, info in enumerate(SCREENS):
        bindings.append(
            Binding(
                info.fkey,
                f"go('{info.mode}')",
                "Screens" if index == 0 else info.title,
                priority=True,
                show=index == 0,
                key_display="F1…F6" if index == 0 else info.fkey.upper(),
                id=f"go.{info.mode}",
            )
        )
        bindings.append(
            Binding(
                info.letter,
                f"go('{info.mode}')",
                info.title,
                show=False,
                id=f"go.{info.mode}.letter",
            )
        )
    return bindings


class GrowthApp(App):
    TITLE = "growth"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    MODES = {info.mode: _screen_factory(info.mode) for info in SCREENS}
    DEFAULT_MODE = "home"
    BINDINGS = [
        *_navigation_bindings(),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("escape", "leave_field", "Leave field", show=False, id="leave-field"),
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False, id="quit"),
    ]

    def __init__(
        self,
        db_path: Path | None = None,
        *,
        store: Store | None = None,
        today: Callable[[], date] | None = None,
        demo: bool = False,
        settings_path: Path | None = None,
    ) -> None:
        from growth_tui.paths import settings_path as default_settings_path
        from growth_tui.settings import load_settings

        self.db_path = db_path
        self.store: Store | None = None
        self.plan_id: int = 0
        #: Set by Home's check-in panel ("due"); Review starts that check-in when it shows.
        self.review_start_request: str | None = None
        self._given_store = store
        self._today = today or date.today
        self._tune_gc = False
        self._demo = demo
        self._settings_path = settings_path or default_settings_path()
        self.settings = load_settings(self._settings_path)
        super().__init__()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    def run(self, *args, **kwargs):  # type: ignore[override]
        """Run the program: as Textual's `run`, with the collector tuned (see `GC_THRESHOLDS`).

        Tests drive the app with `run_test` and keep Python's defaults, so a long test session
        never freezes one test's leftovers for good.
        """
        self._tune_gc = True
        gc.set_threshold(*GC_THRESHOLDS)
        return super().run(*args, **kwargs)

    def refresh_css(self, animate: bool = True) -> None:
        super().refresh_css(animate)
        self._css_current_at = self._css_update_count

    def mark_css_current(self, screen: Screen) -> None:
        """Spare a new screen Textual's full restyle of the app when nothing has changed.

        Textual restyles everything when it first shows a screen whose CSS count differs from
        the app's. A screen that has not mounted yet has nothing stale, as long as the app's own
        CSS has been refreshed since the last change (a theme change bumps the count first).
        """
        if getattr(self, "_css_current_at", None) == self._css_update_count:
            screen._css_update_count = self._css_update_count  # noqa: SLF001

    # -- clock and store ------------------------------------------------------------------

    def today(self) -> date:
        return self._today()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.run_worker(self._open_store, thread=True, name="open-store")

    def _open_store(self) -> None:
        with IMPORT_GATE:
            from growth_tui.store.engine import StoreError, open_store
        try:
            if self._given_store is not None:
                store = self._given_store
            else:
                assert self.db_path is not None
                store = open_store(self.db_path)
            plan_id = store.plan_id()
            if self._demo:
                from growth_tui.demo import build_demo
                from growth_tui.store import plan_repo

                if plan_repo.is_empty(store, plan_id):
                    build_demo(store, years=3, today=self.today())
        except StoreError as error:
            self.call_from_thread(self.exit, None, 2, f"growth: {error}")
            return
        except Exception as error:  # noqa: BLE001 - never a traceback on start-up
            message = f"growth: could not open the database ({type(error).__name__}: {error})"
            self.call_from_thread(self.exit, None, 2, message)
            return
        self.call_from_thread(self._store_ready, store, plan_id)

    def _store_ready(self, store: Store, plan_id: int) -> None:
        self.store = store
        self.plan_id = plan_id
        if self._tune_gc:
            # What is alive now (modules, mappers, stylesheets) lives as long as the program.
            gc.freeze()
        if self._demo:
            self.notify("This is a sample plan in a throw-away database.", title="Demo")
        screen = self.screen
        if hasattr(screen, "store_ready"):
            screen.store_ready()

    def on_unmount(self) -> None:
        if self.store is not None and self._given_store is None:
            self.store.close()

    # -- navigation and keys --------------------------------------------------------------

    def go(self, mode: str) -> None:
        """Show one of the six screens."""
        if mode not in self.MODES:
            return
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_go(self, mode: str) -> None:
        # Leave any dialog first: screen keys work from anywhere.
        while len(self.screen_stack) > 1 and self.screen.is_modal:
            self.pop_screen()
        self.go(mode)

    async def action_quit(self) -> None:
        """Leave, after the keys already typed have reached their fields.

        Ctrl+Q is a priority binding: it can run while the last letters typed still wait in the
        focused field's queue. Yielding to the loop lets them land (and be saved on unmount).
        """
        await asyncio.sleep(0.05)
        self.exit()

    def action_help(self) -> None:
        from growth_tui.ui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_leave_field(self) -> None:
        """Escape in a text field gives the keyboard back to the screen's single-key commands."""
        from textual.widgets import Input, TextArea

        if isinstance(self.focused, Input | TextArea):
            self.screen.set_focus(None)

    def _fatal_error(self) -> None:
        """An unhandled error: save the traceback to a file and say so in one sentence."""
        import sys

        from rich.text import Text

        from growth_tui.crash import crash_message, write_crash_report

        error = sys.exc_info()[1] or self._exception
        where = write_crash_report(error) if error else "(no details)"
        self._return_code = 2
        self.bell()
        self._exit_renderables.append(Text(crash_message(error, where)))
        self._close_messages_no_wait()

    def report_error(self, what: str, error: Exception) -> None:
        """A problem the person should know about, as a notification, not a traceback."""
        self.notify(f"{what}: {error}", severity="error", timeout=8, markup=False)

    # -- command palette and theme --------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for info in SCREENS:
            yield SystemCommand(
                f"Go to {info.title}",
                f"{info.about} ({info.fkey.upper()})",
                lambda mode=info.mode: self.action_go(mode),
            )
        yield SystemCommand("Help", "Every key, on one screen (?)", self.action_help)
        from growth_tui.ui.transfer_commands import transfer_commands

        yield from transfer_commands(self)
        yield from super().get_system_commands(screen)

    def _remember_theme(self, theme) -> None:
        from growth_tui.settings import save_settings

        self.settings.theme = theme.name
        save_settings(self._settings_path, self.settings)
