"""Shared frame for the Goals screen's dialogs: a bordered scrolling form, Ctrl+S, Esc, Footer.

Subclasses compose their fields in `compose_form()` and return the result of `collect()`
(or None to stay open after telling the person what is wrong). Dialogs never touch the
database: they take plain values and hand a plain result back to the screen, which writes.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from growth_tui.ui.widgets.footer import GrowthFooter

ResultT = TypeVar("ResultT")


class TextInput(Input):
    """A one-line, borderless input: forms fit an 80x24 terminal."""

    def __init__(self, value: str = "", *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(value, *args, **kwargs)


class FormDialog(ModalScreen[ResultT], Generic[ResultT]):
    """A modal form: Ctrl+S saves (also Enter in the last field), Esc cancels."""

    TITLE_TEXT = "Edit"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="dialog.save"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]
    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog > VerticalScroll.form {
        width: 90;
        max-width: 100%;
        height: auto;
        max-height: 1fr;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    FormDialog .label { color: $text-muted; margin-top: 1; height: auto; }
    FormDialog .label.first { margin-top: 0; }
    FormDialog .hint { color: $text-muted; padding: 0 1; height: auto; }
    FormDialog .warn { color: $text-warning; padding: 0 1; height: auto; }
    FormDialog .ok { color: $text-success; padding: 0 1; height: auto; }
    FormDialog .section { text-style: bold; margin-top: 1; height: auto; }
    FormDialog Horizontal.field { height: auto; }
    FormDialog Horizontal.field > .name { width: 11; color: $text-muted; padding-right: 1; }
    FormDialog Horizontal.field > .name.inner { width: auto; padding: 0 1; }
    FormDialog Horizontal.field > Input, FormDialog Horizontal.field > DateField { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form") as form:
            form.border_title = Content(self.TITLE_TEXT)  # may hold user text: never markup
            form.border_subtitle = "Ctrl+S save · Esc cancel"
            yield from self.compose_form()
        yield GrowthFooter()

    def compose_form(self) -> ComposeResult:
        yield from ()

    @staticmethod
    def label(text: str, *, first: bool = False) -> Static:
        return Static(Content(text), classes="label first" if first else "label")

    @staticmethod
    def section(text: str) -> Static:
        return Static(Content(text), classes="section")

    @staticmethod
    def row(*parts: Any) -> Horizontal:
        """A form line: name, field, and optionally more (name, field) pairs side by side."""
        children = []
        for index, part in enumerate(parts):
            if isinstance(part, str):
                children.append(Static(Content(part), classes="name inner" if index else "name"))
            else:
                children.append(part)
        return Horizontal(*children, classes="field")

    def collect(self) -> ResultT | None:
        raise NotImplementedError

    def action_save(self) -> None:
        result = self.collect()
        if result is not None:
            self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def refuse(self, message: str, widget: Any = None) -> None:
        """Stay open, say what is wrong, put the cursor where it is."""
        self.notify(message, severity="warning", markup=False)
        if widget is not None:
            widget.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field, like a paper form."""
        event.stop()
        self.focus_next()


def parse_number(text: str) -> float | None:
    """A typed number or None for blank; raises ValueError for anything else."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    return float(text)


def show_number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"
