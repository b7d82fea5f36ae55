"""The base of the six main screens: load in a thread, show on the UI thread, reload on return.

A screen overrides `load_data()` (runs in a thread worker; reads through repository functions
and returns plain data) and `show_data(data)` (fills widgets). The base runs them once the
database is open and again each time the screen comes back into view; call `reload()` after a
write. A failing load becomes a notification, never a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.events import ScreenResume
from textual.screen import Screen
from textual.worker import get_current_worker

from growth_tui.ui.widgets.nav import NavBar

if TYPE_CHECKING:
    from growth_tui.ui.app import GrowthApp


class GrowthScreen(Screen):
    """One of the six main screens; `MODE` is its name in the app and on the nav bar."""

    MODE: str = ""

    def __init__(self) -> None:
        super().__init__()
        # Textual re-parses every stylesheet and restyles the whole app the first time a screen
        # is shown (0.1-0.3 s per screen here), though a new screen's widgets are styled as they
        # mount. When the app's CSS is up to date, a screen made now is too: say so.
        self.growth_app.mark_css_current(self)
        self._mounted = False
        self._painted = False
        self.loaded = False  # True once show_data has run at least once
        self._loads_done = 0

    @property
    def growth_app(self) -> GrowthApp:
        return self.app  # type: ignore[return-value]

    def nav_bar(self) -> NavBar:
        return NavBar(self.MODE)

    def load_data(self) -> Any:
        """Read what the screen shows. Runs in a thread: no widget access here."""
        return None

    def show_data(self, data: Any) -> None:
        """Fill the widgets with what `load_data` returned (UI thread)."""

    def on_mount(self) -> None:
        # Textual calls each class's on_mount, the subclass's first: a screen's own on_mount
        # (columns, focus) has run by now, and must not call this one again.
        self._mounted = True
        self.call_after_refresh(setattr, self, "_painted", True)
        if self.growth_app.store is not None:
            self.reload()

    def on_screen_resume(self, event: ScreenResume) -> None:
        if not self._painted:
            # Showing a new screen resumes it twice, and each resume restyles every widget on
            # it (50-100 ms on History); they were styled a moment ago, as they mounted.
            event.refresh_styles = False
        # The Footer does not rebuild while its screen is away; have it look again now.
        self.refresh_bindings()
        if self.growth_app.store is not None and self.loaded:
            self.reload()

    def store_ready(self) -> None:
        """Called by the app when the database has just been opened.

        A screen switched to during start-up may not have mounted yet: its on_mount loads then.
        """
        if self._mounted:
            self.reload()

    def reload(self) -> None:
        if self.growth_app.store is None:
            return
        self.run_worker(self._load, thread=True, exclusive=True, group="load")

    def _load(self) -> None:
        worker = get_current_worker()
        try:
            data = self.load_data()
        except Exception as error:  # noqa: BLE001 - shown to the person, not raised
            if not worker.is_cancelled:
                self.app.call_from_thread(self._load_failed, error)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._deliver, data)

    def _deliver(self, data: Any) -> None:
        if not self.is_attached:
            return
        self.show_data(data)
        self.loaded = True
        self._loads_done += 1

    def _load_failed(self, error: Exception) -> None:
        self.growth_app.report_error(f"Could not load {self.MODE}", error)
