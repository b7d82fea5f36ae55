"""The history timeline: one list of dated events from everything the person wrote and did.

The store loads plain rows (reflections, north-star versions, goal status changes, check-ins,
wins); the functions here turn them into `TimelineEvent`s, sort them newest first and filter
them by kind and period. A pivot is highlighted: changing direction early is a win.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from growth_tui.domain.review import kind_label

REFLECTION = "reflection"
NORTH_STAR = "north star"
GOAL = "goal"
CHECKIN = "check-in"
WIN = "win"
KINDS: tuple[str, ...] = (REFLECTION, NORTH_STAR, GOAL, CHECKIN, WIN)

_STATUS_WORDS = {
    "active": "started",
    "achieved": "achieved",
    "pivoted": "pivoted",
    "paused": "paused",
    "dropped": "dropped",
}


@dataclass(frozen=True)
class TimelineEvent:
    """One dated entry. `ref` names what it came from, so the screen can open it."""

    on: date
    kind: str
    title: str
    detail: str = ""
    ref_kind: str = ""
    ref_id: int | None = None
    highlight: bool = False
    order: int = 0  # ties on one day: later things first


def reflection_event(session_id: int, on: date, summary: str, finished: bool) -> TimelineEvent:
    title = "Reflection" + ("" if finished else " (unfinished)")
    return TimelineEvent(on, REFLECTION, title, summary, "reflection", session_id)


def north_star_event(version_id: int, on: date, text: str) -> TimelineEvent:
    return TimelineEvent(on, NORTH_STAR, "North star set", text, "north_star", version_id)


def goal_created_event(goal_id: int, on: date, title: str, track: str) -> TimelineEvent:
    return TimelineEvent(on, GOAL, f"Goal started ({track})", title, "goal", goal_id)


def goal_status_event(
    goal_id: int,
    on: date,
    title: str,
    from_status: str,
    to_status: str,
    note: str = "",
    next_goal: str = "",
) -> TimelineEvent:
    """A status change. A pivot names what was learned and the goal that came next."""
    word = _STATUS_WORDS.get(to_status, to_status)
    if to_status == "active" and from_status != "active":
        word = "resumed"
    detail = title
    if note:
        detail += f" - {note}"
    if next_goal:
        detail += f" -> next: {next_goal}"
    highlight = to_status in ("pivoted", "achieved")
    return TimelineEvent(
        on, GOAL, f"Goal {word}", detail, "goal", goal_id, highlight=highlight, order=1
    )


def checkin_event(
    checkin_id: int, on: date, kind: str, finished: bool, healths: Iterable[str] = ()
) -> TimelineEvent:
    label = kind_label(kind)
    title = label[0].upper() + label[1:] + ("" if finished else " (in progress)")
    detail = ", ".join(healths)
    return TimelineEvent(on, CHECKIN, title, detail, "checkin", checkin_id, order=2)


def win_event(win_id: int, on: date, title: str, impact: str = "") -> TimelineEvent:
    detail = title + (f" - {impact}" if impact else "")
    return TimelineEvent(on, WIN, "Win", detail, "win", win_id)


def sort_events(events: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """Newest first; on one day, check-ins before goal changes before the rest."""
    return sorted(events, key=lambda e: (e.on, e.order, e.ref_id or 0), reverse=True)


def filter_events(
    events: Iterable[TimelineEvent],
    *,
    kinds: Iterable[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[TimelineEvent]:
    """Events of the given kinds (all when None) inside [start, end] (open when None)."""
    wanted = set(kinds) if kinds is not None else None
    return [
        e
        for e in events
        if (wanted is None or e.kind in wanted)
        and (start is None or e.on >= start)
        and (end is None or e.on <= end)
    ]
