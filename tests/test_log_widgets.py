"""The Log screen's pure pieces: heatmap shades, day labels, grouping, streak words, parsing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from growth_tui.store.log_repo import DueItem, StreakSummary
from growth_tui.ui.dialogs.log_forms import parse_day, parse_minutes, parse_number
from growth_tui.ui.screens.log import streak_text
from growth_tui.ui.widgets.due_list import day_label, group_items, item_line
from growth_tui.ui.widgets.heatmap import level
from tests.conftest import MARKUP_TEXT, TODAY


def _item(goal_id: int, day: date, *, missed: bool = False, title: str = "Walk") -> DueItem:
    return DueItem(
        action_id=goal_id * 10,
        action_title=title,
        goal_id=goal_id,
        goal_title=f"Goal {goal_id}",
        occurrence_on=day,
        status=None,
        planned_minutes=20,
        recurring=True,
        schedule="every day",
        missed=missed,
    )


def test_heatmap_levels() -> None:
    assert level(0, 10) == 0
    assert [level(n, 3) for n in (1, 2, 3)] == [1, 2, 3]  # few a day: one shade each
    assert level(1, 12) == 1 and level(12, 12) == 4
    assert all(1 <= level(n, 20) <= 4 for n in range(1, 21))


def test_day_labels() -> None:
    assert day_label(TODAY, TODAY) == "Today"
    assert day_label(TODAY + timedelta(days=1), TODAY) == "Tomorrow"
    assert day_label(TODAY - timedelta(days=1), TODAY) == "Yesterday"
    assert day_label(date(2026, 11, 24), TODAY) == "Tue 24 Nov"


def test_goals_with_missed_items_come_first_and_missed_first_within() -> None:
    items = [
        _item(1, TODAY),
        _item(2, TODAY),
        _item(2, TODAY - timedelta(days=2), missed=True),
        _item(1, TODAY + timedelta(days=1)),
    ]
    groups = group_items(items)
    assert [title for title, _ in groups] == ["Goal 2", "Goal 1"]
    assert [i.missed for i in groups[0][1]] == [True, False]
    assert [i.occurrence_on for i in groups[1][1]] == [TODAY, TODAY + timedelta(days=1)]


def test_item_line_keeps_user_text_literal() -> None:
    line = item_line(_item(1, TODAY, title=MARKUP_TEXT), TODAY, streak=3)
    assert MARKUP_TEXT in line.plain
    assert "3 in a row" in line.plain


@pytest.mark.parametrize(
    ("current", "best", "this_week", "expected"),
    [
        (0, 0, 0, "Tick your first action to start a run of good weeks."),
        (0, 5, 0, "○ One thing done this week starts a new run  ·  best run so far 5 weeks"),
        (1, 1, 2, "▲ 1 week with something done  ·  2 done this week"),
        (
            4,
            9,
            0,
            "▲ 4 weeks in a row with something done  ·  this week is still open · best 9 weeks",
        ),
    ],
)
def test_streak_words_never_scold(current: int, best: int, this_week: int, expected: str) -> None:
    text = streak_text(StreakSummary(current, best, this_week)).plain
    assert text == expected
    assert "broke" not in text and "lost" not in text


def test_parse_minutes_day_and_number() -> None:
    assert parse_minutes("") is None
    assert parse_minutes("45") == 45
    assert parse_minutes("1h30") == 90
    assert parse_minutes("1.5h") == 90
    with pytest.raises(ValueError, match="not a duration"):
        parse_minutes("a while")
    assert parse_day("", TODAY) == TODAY
    assert parse_day("yesterday", TODAY) == TODAY - timedelta(days=1)
    assert parse_day("2026-01-31", TODAY) == date(2026, 1, 31)
    with pytest.raises(ValueError):
        parse_day("someday maybe", TODAY)
    assert parse_number("") is None
    assert parse_number("12,5") == 12.5
    with pytest.raises(ValueError, match="not a number"):
        parse_number("lots")
