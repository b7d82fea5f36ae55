"""Unit tests for the check-in question sets, dates, summaries and the timeline."""

from __future__ import annotations

from datetime import date

import pytest

from growth_tui.domain import review, timeline
from growth_tui.domain.review import DoneLine, GoalLine, SkillChange, WinLine

TODAY = date(2026, 11, 22)


def test_question_sets_grow_with_the_review() -> None:
    weekly = [q.key for q in review.questions("weekly")]
    quarterly = [q.key for q in review.questions("quarterly")]
    annual = [q.key for q in review.questions("annual")]
    assert weekly[0] == "achieved" and weekly[-1] == "next_steps"
    assert "goals" in weekly and "carry" in weekly
    assert {"skills", "coach", "next_quarter"} <= set(quarterly)
    assert {"relevant", "values", "opportunities", "strategies", "setbacks"} <= set(annual)
    for kind in ("weekly", "biweekly", "monthly", "quarterly", "annual"):
        keys = [q.key for q in review.questions(kind)]
        assert len(keys) == len(set(keys)), kind
    with pytest.raises(ValueError):
        review.questions("hourly")


@pytest.mark.parametrize(
    ("kind", "held", "expected"),
    [
        ("weekly", date(2026, 11, 22), date(2026, 11, 29)),
        ("biweekly", date(2026, 11, 22), date(2026, 12, 6)),
        ("monthly", date(2026, 1, 31), date(2026, 2, 28)),
        ("quarterly", date(2026, 11, 30), date(2027, 2, 28)),
        ("annual", date(2028, 2, 29), date(2029, 2, 28)),
    ],
)
def test_next_date(kind: str, held: date, expected: date) -> None:
    assert review.next_date(kind, held) == expected


def test_next_review_prefers_the_bigger_due_review() -> None:
    r = review.next_review("weekly", date(2026, 11, 20), date(2026, 11, 22), None, TODAY)
    assert r.kind == "quarterly" and r.days_late == 0 and r.due_today
    r = review.next_review("weekly", date(2026, 11, 20), date(2027, 1, 1), None, TODAY)
    assert r.kind == "weekly" and r.overdue and r.days_late == 2
    r = review.next_review("biweekly", date(2026, 12, 1), date(2026, 11, 30), None, TODAY)
    assert r.kind == "quarterly" and r.days_until == 8 and not r.overdue
    r = review.next_review("monthly", None, None, None, TODAY)
    assert r.kind == "monthly" and r.on is None


def test_describe_due_is_friendly() -> None:
    late = review.due_review("weekly", date(2026, 11, 19), TODAY)
    assert review.describe_due(late) == (
        "Weekly check-in is 3 days overdue - a short one still counts"
    )
    assert review.describe_due(review.due_review("weekly", TODAY, TODAY)) == (
        "Weekly check-in due today"
    )
    ahead = review.due_review("annual", date(2026, 11, 25), TODAY)
    assert review.describe_due(ahead) == "Annual review on Wed 25 Nov (in 3 days)"


def test_periods() -> None:
    assert review.period("this-quarter", TODAY) == review.Period(
        "Q4 2026", date(2026, 10, 1), date(2026, 12, 31)
    )
    last = review.period("last-quarter", date(2026, 2, 10))
    assert (last.label, last.start, last.end) == (
        "Q4 2025",
        date(2025, 10, 1),
        date(2025, 12, 31),
    )
    assert review.period("last-year", TODAY).label == "2025"
    with pytest.raises(ValueError):
        review.period("last-decade", TODAY)


def test_review_markdown_has_every_part_and_keeps_text_literal() -> None:
    summary = review.ReviewSummary(
        kind="weekly",
        held_on=TODAY,
        since=date(2026, 11, 15),
        goals=[
            GoalLine(
                "Ship [/] v1 [b]x",
                "career",
                "active",
                "at risk",
                "talks",
                2,
                4,
                "talks",
                3,
            )
        ],
        done=[DoneLine("Practice", 2, 60, "Ship [/] v1 [b]x")],
        wins=[WinLine(date(2026, 11, 18), "Demo went well", "team adopted it")],
        skills=[SkillChange("Python", 2, 3)],
        answers={"pains": "Too many\nmeetings", "next_steps": "Draft the RFC"},
        carried=["Book a 1:1"],
        dropped=["Read the old book"],
        pivots=["Old goal -> New goal"],
        next_on=date(2026, 11, 29),
    )
    text = review.review_markdown(summary)
    assert text.startswith("# Weekly check-in - 2026-11-22\n")
    assert "Period: 2026-11-15 to 2026-11-22" in text
    assert "- **Ship [/] v1 [b]x** (career, active) - at risk - talks: 2 of 4 talks" in text
    assert "confidence 3/5" in text
    assert "2 done, 1.0 h:" in text and "- Practice (Ship [/] v1 [b]x): 2x, 1.0 h" in text
    assert "- 2026-11-18: Demo went well - team adopted it" in text
    assert "- Python: 2 -> 3" in text
    assert "## Pains\n\nToo many\nmeetings" in text
    assert "- carried forward: Book a 1:1" in text and "- dropped: Read the old book" in text
    assert "- Old goal -> New goal" in text
    assert text.rstrip().endswith("Next check-in: 2026-11-29")
    assert "## Next steps\n\nDraft the RFC" in text


def test_review_markdown_empty_is_still_readable() -> None:
    text = review.review_markdown(review.ReviewSummary("annual", TODAY, None))
    assert "_No active goals._" in text and "_Nothing logged in this period._" in text
    assert "## Skills" not in text


def test_period_markdown() -> None:
    p = review.period("last-quarter", TODAY)
    text = review.period_markdown(
        review.PeriodSummary(
            p,
            done=[DoneLine("Run", 10, 300)],
            wins=[WinLine(date(2026, 8, 1), "Spoke at meetup")],
            goals=[GoalLine("Learn Rust", "personal", "pivoted", note="Go fits the team")],
            checkins=12,
        )
    )
    assert text.startswith("# What I did in Q3 2026\n")
    assert "- 2026-08-01: Spoke at meetup" in text
    assert "**Learn Rust** (personal, pivoted)\n  Go fits the team" in text
    assert "10 done, 5.0 h:" in text and "Check-ins and reviews held: 12" in text


def test_timeline_sorts_filters_and_highlights_pivots() -> None:
    events = [
        timeline.win_event(1, date(2026, 5, 1), "Talk", "50 people"),
        timeline.goal_status_event(7, date(2026, 6, 1), "Rust", "active", "pivoted", "Go", "Go"),
        timeline.goal_status_event(8, date(2026, 6, 2), "Talks", "paused", "active"),
        timeline.checkin_event(3, date(2026, 6, 1), "quarterly", True, ["on track"]),
        timeline.reflection_event(2, date(2025, 1, 1), "", False),
        timeline.north_star_event(4, date(2024, 1, 1), "Be kind"),
    ]
    ordered = timeline.sort_events(events)
    assert [e.kind for e in ordered] == [
        "goal",
        "check-in",
        "goal",
        "win",
        "reflection",
        "north star",
    ]
    pivot = ordered[2]
    assert pivot.highlight and pivot.title == "Goal pivoted"
    assert pivot.detail == "Rust - Go -> next: Go"
    assert ordered[0].title == "Goal resumed" and not ordered[0].highlight
    assert ordered[4].title == "Reflection (unfinished)"
    only = timeline.filter_events(
        ordered, kinds=["goal", "win"], start=date(2026, 5, 1), end=date(2026, 6, 1)
    )
    assert [e.ref_id for e in only] == [7, 1]


def test_kinds_match_the_stored_vocabulary() -> None:
    from growth_tui.store.types import CheckInKind

    assert tuple(k.value for k in CheckInKind) == review.KINDS


def test_period_start_fits_the_kind() -> None:
    assert review.looks_back_to("weekly") == review.KINDS
    assert review.looks_back_to("quarterly") == ("quarterly", "annual")
    assert review.looks_back_to("annual") == ("annual",)
    assert review.period_start("weekly", TODAY, date(2026, 11, 15)) == date(2026, 11, 16)
    assert review.period_start("weekly", TODAY, None) == date(2026, 10, 26)
    assert review.period_start("quarterly", TODAY, None) == date(2026, 8, 23)
    assert review.period_start("annual", TODAY, None) == date(2025, 11, 23)
