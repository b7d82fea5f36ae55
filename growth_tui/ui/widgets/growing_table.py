"""`GrowingTable`: a DataTable given its rows a chunk at a time, as a person reaches the end.

Adding rows to a DataTable costs about 0.2 ms a row on the UI thread, so 5,000 wins or
timeline events added at once froze the screen for about a second. The table keeps the whole
list, shows the first `chunk` rows, and adds the next chunk when the cursor or the scroll
comes within a screenful of the last row given. Rows are made only when they are added.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.coordinate import Coordinate
from textual.widgets import DataTable

#: A row's cells and its key (None for no key).
Row = tuple[tuple[Any, ...], str | None]


class GrowingTable(DataTable):
    """A row-cursor DataTable showing a long list in chunks (see the module docstring)."""

    def __init__(self, *, chunk: int = 200, **kwargs: Any) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(**kwargs)
        self.chunk = chunk
        self._items: Sequence[Any] = ()
        self._make_row: Callable[[Any], Row] = lambda item: item

    @property
    def total(self) -> int:
        """How many rows the whole list has (given to the table or not yet)."""
        return len(self._items)

    def show_rows(
        self, items: Sequence[Any], make_row: Callable[[Any], Row], *, keep_row: int = 0
    ) -> None:
        """Replace the rows with `items` (each made into a row by `make_row`).

        The cursor goes back to `keep_row` (clamped), so a refresh keeps a person's place.
        """
        self.clear()
        self._items = items
        self._make_row = make_row
        self._grow()
        while self.row_count <= keep_row < self.total:
            self._grow()
        if self.row_count:
            self.move_cursor(row=min(keep_row, self.row_count - 1))

    def near_end(self) -> bool:
        # Rows are one line each: counted by rows, as the scroll range follows a moment later.
        height = self.size.height
        return self.cursor_row >= self.row_count - height or (
            self.scroll_y >= self.row_count - 2 * height
        )

    def _grow(self) -> None:
        start = self.row_count
        for item in self._items[start : start + self.chunk]:
            cells, key = self._make_row(item)
            self.add_row(*cells, key=key)

    def _grow_if_near_end(self) -> None:
        # Checked again here: a move and the scroll it causes both ask, and get one chunk.
        if self.row_count < self.total and self.near_end():
            self._grow()

    def action_scroll_bottom(self) -> None:
        """Ctrl+End goes to the very last row: a person asked for it, so give every row."""
        while self.row_count < self.total:
            self._grow()
        super().action_scroll_bottom()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value > old_value and self.row_count < self.total:
            self.call_later(self._grow_if_near_end)

    def watch_cursor_coordinate(self, old_value: Coordinate, new_value: Coordinate) -> None:
        super().watch_cursor_coordinate(old_value, new_value)
        if new_value.row > old_value.row and self.row_count < self.total:
            self.call_later(self._grow_if_near_end)
