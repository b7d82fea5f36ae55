"""The `?` help screen: every key that works here, read from the live bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from growth_tui.ui.widgets.nav import SCREENS


def _key_text(screen: Screen, binding: Binding) -> str:
    keys = [screen.app.get_key_display(Binding(key.strip(), "")) for key in binding.key.split(",")]
    return " / ".join(keys)


def screen_key_rows(screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) for the bindings of a screen and its widgets that have text."""
    rows: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    # The Footer (ours subclasses Textual's) only shows keys; its own scrolling keys never apply.
    nodes = [screen, *(node for node in screen.walk_children() if not isinstance(node, Footer))]
    for node in nodes:
        for binding in getattr(node, "BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if node is not screen and type(node).__module__.startswith("textual."):
                continue
            row = (_key_text(screen, binding), binding.description)
            if row not in seen:
                seen.add(row)
                rows.append(row)
    return rows


class HelpScreen(ModalScreen):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close help"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen .section { text-style: bold; color: $text-accent; margin-top: 1; }
    """

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys  (Esc to close)"
            yield Static("Screens (work everywhere, also while typing)", classes="section")
            lines = [
                Content.assemble(
                    (f"{info.fkey.upper():>4}", "bold $accent"),
                    f" or {info.letter}  ",
                    (f"{info.title:<8}", "bold"),
                    f" {info.about}",
                )
                for info in SCREENS
            ]
            yield Static(Content("\n").join(lines))
            yield Static("Everywhere", classes="section")
            general = [
                ("?", "this help"),
                ("Ctrl+P", "command palette: go to a screen, change the theme, more"),
                ("Esc", "leave a text field so single-letter keys work again"),
                ("Tab / Shift+Tab", "move between fields and lists"),
                ("Ctrl+Q", "quit (everything you typed is already saved)"),
            ]
            yield Static(self._rows(general))
            rows = screen_key_rows(self.under)
            if rows:
                title = getattr(self.under, "MODE", "") or "this screen"
                yield Static(Content(f"On {title.capitalize()}"), classes="section")
                yield Static(self._rows(rows))

    @staticmethod
    def _rows(rows: list[tuple[str, str]]) -> Content:
        return Content("\n").join(
            Content.assemble((f"{keys:>16}", "bold $accent"), "  ", Content(text))
            for keys, text in rows
        )
