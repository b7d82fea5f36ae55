"""A date input that reads typed dates ("in 6 weeks", "Q3", "2027-03-31") and shows them back.

Below the input a line says which real date was understood (``→ Fri 27 Nov 2026 (in 5
days)``) or, for an impossible or unreadable date, why not. The form that holds it asks
`date_field.error` before saving and refuses with that sentence.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from growth_tui.domain.dates import DateParseError, describe_date, parse_date


class DateField(Vertical):
    """An `Input` for a date plus a live read-back line."""

    DEFAULT_CSS = """
    DateField { height: auto; }
    DateField > .date-readback { color: $text-muted; padding: 0 1; height: auto; }
    DateField.-invalid > .date-readback { color: $text-error; }
    DateField.-invalid > Input { background: $error 20%; }
    """

    def __init__(
        self,
        value: date | None,
        *,
        today: date,
        placeholder: str = "2027-03-31, in 6 weeks, end of quarter, Q3, next friday",
        empty_hint: str = "no date",
        id: str | None = None,  # noqa: A002 - Textual's own name for it
    ) -> None:
        super().__init__(id=id)
        self.today = today
        self._initial = value.isoformat() if value else ""
        self._placeholder = placeholder
        self._empty_hint = empty_hint
        self._value: date | None = value
        self._error: str | None = None

    def compose(self) -> ComposeResult:
        yield Input(
            value=self._initial, placeholder=self._placeholder, classes="date-input", compact=True
        )
        yield Static("", classes="date-readback", markup=False)

    def on_mount(self) -> None:
        self._read(self._initial)

    @property
    def input(self) -> Input:
        return self.query_one(".date-input", Input)

    @property
    def value(self) -> date | None:
        """The date understood, or None when empty or unreadable."""
        return self._value

    @property
    def error(self) -> str | None:
        """Why the typed text is not a date, or None."""
        return self._error

    @property
    def text(self) -> str:
        return self.input.value

    def set_text(self, text: str) -> None:
        self.input.value = text
        self._read(text)

    @on(Input.Changed, ".date-input")
    def _changed(self, event: Input.Changed) -> None:
        self._read(event.value)

    def _read(self, text: str) -> None:
        readback = self.query_one(".date-readback", Static)
        if not text.strip():
            self._value, self._error = None, None
            readback.update(Content(f"  {self._empty_hint}"))
        else:
            try:
                self._value = parse_date(text, self.today)
                self._error = None
                readback.update(Content(f"→ {describe_date(self._value, self.today)}"))
            except DateParseError as error:
                self._value, self._error = None, str(error)
                readback.update(Content(f"✗ {error}"))
        self.set_class(self._error is not None, "-invalid")
