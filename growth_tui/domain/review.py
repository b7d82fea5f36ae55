"""Check-ins and reviews without a database: the questions, the dates, the summaries.

A check-in follows one of five question sets (weekly, bi-weekly, monthly, quarterly, annual).
Some steps are plain questions answered in a text box; others are steps the screen fills from
the plan (what was done since last time, each goal's status, unfinished actions, skills, the
coach, values then and now, the next date). Everything here takes "today" as a parameter and
returns plain values, so it can be tested without a clock or a database.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

# The check-in kinds, as stored (`growth_tui.store.types.CheckInKind` has the same values).
# Plain strings here on purpose: `growth status` imports this module and must not pay for
# SQLAlchemy, which `store.types` imports.
WEEKLY, BIWEEKLY, MONTHLY, QUARTERLY, ANNUAL = (
    "weekly",
    "biweekly",
    "monthly",
    "quarterly",
    "annual",
)
KINDS: tuple[str, ...] = (WEEKLY, BIWEEKLY, MONTHLY, QUARTERLY, ANNUAL)


REGULAR_KINDS: tuple[str, ...] = (
    WEEKLY,
    BIWEEKLY,
    MONTHLY,
)
KIND_LABELS: dict[str, str] = {
    WEEKLY: "weekly check-in",
    BIWEEKLY: "bi-weekly check-in",
    MONTHLY: "monthly check-in",
    QUARTERLY: "quarterly review",
    ANNUAL: "annual review",
}

# Step kinds. "text" is a question with a text box; the others are filled by the screen.
TEXT = "text"
ACHIEVED = "achieved"  # actions done and wins since the last check-in, plus a text box
GOALS = "goals"  # per active goal: health, metric value, confidence
CARRY = "carry"  # unfinished one-off actions: carry forward, reschedule, drop
SKILLS = "skills"  # re-rate skills
COACH = "coach"  # the coach's findings
VALUES = "values"  # values now beside a year ago, plus a text box
NEXT = "next"  # next steps and the next date


@dataclass(frozen=True)
class Question:
    """One step of a check-in. `key` is where its answer is stored (`CheckInAnswer`)."""

    key: str
    kind: str
    title: str
    prompt: str
    hint: str = ""
    example: str = ""


_ACHIEVED = Question(
    "achieved",
    ACHIEVED,
    "Since last time",
    "What did you get done since the last check-in?",
    "The list below comes from your log and wins. Add what it missed, or what it meant.",
    "Finished the caching spike; the demo went better than I feared.",
)
_PAINS = Question(
    "pains",
    TEXT,
    "Pains",
    "What was hard, or got in the way?",
    "Name it plainly: a blocker, a habit, a lack of time. Naming it is half the work.",
    "Meetings ate both Thursday practice slots.",
)
_GAINS = Question(
    "gains",
    TEXT,
    "Gains",
    "What gave you energy or went better than expected?",
    "Small counts. Noticing what works is how you do more of it.",
    "Pairing with Sam made the refactor feel easy.",
)
_GOALS = Question(
    "goals",
    GOALS,
    "Goals",
    "How is each goal doing?",
    "Pick a status, note where the metric stands, and how sure you feel (1-5).",
)
_CHANGE = Question(
    "change",
    TEXT,
    "Adjust",
    "What will you change for the next stretch?",
    "One adjustment beats five intentions.",
    "Move practice to mornings, before the inbox opens.",
)
_CARRY = Question(
    "carry",
    CARRY,
    "Unfinished",
    "What happens to the actions you did not get to?",
    "Carry forward keeps them for the coming week; reschedule picks a date; drop lets go.",
)
_NEXT = Question(
    "next_steps",
    NEXT,
    "Next",
    "What are your next steps, and when is the next check-in?",
    "Agreeing the date now is what makes the next one happen.",
    "Ship the draft RFC; ask Dana for feedback on it.",
)
_NEXT_QUARTER = Question(
    "next_quarter",
    TEXT,
    "Next quarter",
    "Which goals carry you through the next quarter?",
    "Refine the ones that still fit, set new ones where you have outgrown them (F3 opens Goals).",
    "Keep the speaking goal; replace the course with a real project.",
)
_SKILLS = Question(
    "skills",
    SKILLS,
    "Skills",
    "Where do your skills stand now?",
    "Rate today's level 0-5. Compare with last quarter only after you have rated.",
)
_COACH = Question(
    "coach",
    COACH,
    "Coach",
    "What does the coach notice about your plan?",
    "Take what is useful; a finding is a prompt to think, not an order.",
)
_RELEVANT = Question(
    "relevant",
    TEXT,
    "Still relevant?",
    "Do your long-term goals still point where you want to go?",
    "A goal that no longer fits is not a failure; it is information. Pivoting is allowed.",
    "The management track looked shiny a year ago; now I want staff engineer.",
)
_VALUES = Question(
    "values",
    VALUES,
    "Values",
    "Have your values shifted since a year ago?",
    "Your latest reflection's values are shown beside those from about a year earlier.",
    "Autonomy moved up; recognition matters less than it did.",
)
_OPPORTUNITIES = Question(
    "opportunities",
    TEXT,
    "Opportunities",
    "What new openings do you see that were not there before?",
    "A new team, a gap nobody owns, a person who could sponsor you.",
    "The platform team needs someone for the migration lead role.",
)
_STRATEGIES = Question(
    "strategies",
    TEXT,
    "Strategies",
    "Which ways of working paid off, and which did not?",
    "Look at what you kept doing versus what you abandoned after two weeks.",
    "Morning blocks work; evening study never happened.",
)
_SETBACKS = Question(
    "setbacks",
    TEXT,
    "Setbacks",
    "What did the setbacks of this year teach you?",
    "Write the lesson, not the blame.",
    "Missing the promotion showed me nobody outside my team knew my work.",
)

_QUESTION_SETS: dict[str, tuple[Question, ...]] = {
    WEEKLY: (_ACHIEVED, _PAINS, _GAINS, _GOALS, _CARRY, _NEXT),
    BIWEEKLY: (_ACHIEVED, _PAINS, _GAINS, _GOALS, _CHANGE, _CARRY, _NEXT),
    MONTHLY: (_ACHIEVED, _PAINS, _GAINS, _GOALS, _CHANGE, _CARRY, _NEXT),
    QUARTERLY: (
        _ACHIEVED,
        _PAINS,
        _GAINS,
        _GOALS,
        _SKILLS,
        _COACH,
        _NEXT_QUARTER,
        _CARRY,
        _NEXT,
    ),
    ANNUAL: (
        _ACHIEVED,
        _GOALS,
        _RELEVANT,
        _VALUES,
        _OPPORTUNITIES,
        _STRATEGIES,
        _SETBACKS,
        _SKILLS,
        _COACH,
        _CARRY,
        _NEXT,
    ),
}


def questions(kind: str) -> tuple[Question, ...]:
    """The steps of a check-in or review of `kind` (one of `KINDS`)."""
    try:
        return _QUESTION_SETS[kind]
    except KeyError:
        raise ValueError(f"unknown check-in kind: {kind!r}") from None


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, f"{kind} check-in")


# Dates ---------------------------------------------------------------------------------------


def next_date(kind: str, held_on: date) -> date:
    """When the next check-in of `kind` falls if this one is held on `held_on`."""
    if kind == WEEKLY:
        return held_on + timedelta(days=7)
    if kind == BIWEEKLY:
        return held_on + timedelta(days=14)
    if kind == MONTHLY:
        return held_on + relativedelta(months=1)
    if kind == QUARTERLY:
        return held_on + relativedelta(months=3)
    if kind == ANNUAL:
        return held_on + relativedelta(years=1)
    raise ValueError(f"unknown check-in kind: {kind!r}")


def looks_back_to(kind: str) -> tuple[str, ...]:
    """The kinds whose last occurrence starts this one's period ("since last time").

    A check-in looks back to the last check-in or review of any kind; a quarterly review to
    the last quarterly or annual one; an annual review to the last annual one.
    """
    if kind == ANNUAL:
        return (ANNUAL,)
    if kind == QUARTERLY:
        return (QUARTERLY, ANNUAL)
    return KINDS


def period_start(kind: str, held_on: date, since: date | None) -> date:
    """The first day a check-in covers: the day after `since`, else a default span back."""
    if since is not None:
        return since + timedelta(days=1)
    if kind == ANNUAL:
        return held_on - relativedelta(years=1) + timedelta(days=1)
    if kind == QUARTERLY:
        return held_on - relativedelta(months=3) + timedelta(days=1)
    return held_on - timedelta(days=27)  # four weeks: enough to jog the memory, not a flood


@dataclass(frozen=True)
class DueReview:
    """A scheduled check-in or review. `days_late` > 0 when its date has passed."""

    kind: str
    on: date | None
    days_late: int = 0

    @property
    def overdue(self) -> bool:
        return self.days_late > 0

    @property
    def due_today(self) -> bool:
        return self.on is not None and self.days_late == 0 and self.days_until == 0

    @property
    def days_until(self) -> int:
        return 0 if self.on is None else max(0, -self.days_late)

    @property
    def label(self) -> str:
        return kind_label(self.kind)


def due_review(kind: str, on: date | None, today: date) -> DueReview:
    """`kind` scheduled `on`; `days_late` is negative while it is still ahead."""
    if on is None:
        return DueReview(kind, None, 0)
    return DueReview(kind, on, (today - on).days)


def next_review(
    cadence: str,
    next_checkin_on: date | None,
    next_quarterly_on: date | None,
    next_annual_on: date | None,
    today: date,
) -> DueReview:
    """The review the person should hold next.

    A due annual review beats a due quarterly one, which beats the regular check-in (the
    bigger review covers the smaller one's questions). When nothing is due, the earliest date
    wins; with no dates at all, a regular check-in "not scheduled yet".
    """
    cadence = cadence if cadence in REGULAR_KINDS else WEEKLY
    candidates = [
        due_review(ANNUAL, next_annual_on, today),
        due_review(QUARTERLY, next_quarterly_on, today),
        due_review(cadence, next_checkin_on, today),
    ]
    for review in candidates:
        if review.on is not None and review.on <= today:
            return review
    scheduled = [r for r in candidates if r.on is not None]
    if not scheduled:
        return DueReview(cadence, None, 0)
    return min(scheduled, key=lambda r: r.on)


def describe_due(review: DueReview) -> str:
    """A short, friendly sentence: "Weekly check-in due today", "… 3 days overdue"."""
    label = review.label[0].upper() + review.label[1:]
    if review.on is None:
        return f"{label}: no date yet - pick one"
    if review.days_late > 1:
        return f"{label} is {review.days_late} days overdue - a short one still counts"
    if review.days_late == 1:
        return f"{label} was due yesterday - a short one still counts"
    if review.days_late == 0:
        return f"{label} due today"
    if review.days_late == -1:
        return f"{label} tomorrow"
    return f"{label} on {review.on:%a %d %b} (in {-review.days_late} days)"


# Periods ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    label: str
    start: date
    end: date  # inclusive

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def quarter_of(day: date) -> Period:
    q = (day.month - 1) // 3
    start = date(day.year, q * 3 + 1, 1)
    end_month = q * 3 + 3
    end = date(day.year, end_month, calendar.monthrange(day.year, end_month)[1])
    return Period(f"Q{q + 1} {day.year}", start, end)


def year_of(day: date) -> Period:
    return Period(str(day.year), date(day.year, 1, 1), date(day.year, 12, 31))


PERIOD_CHOICES: tuple[str, ...] = (
    "last-quarter",
    "this-quarter",
    "last-year",
    "this-year",
)


def period(choice: str, today: date) -> Period:
    """A named period relative to today: last/this quarter, last/this year."""
    match choice:
        case "this-quarter":
            return quarter_of(today)
        case "last-quarter":
            return quarter_of(quarter_of(today).start - timedelta(days=1))
        case "this-year":
            return year_of(today)
        case "last-year":
            return year_of(date(today.year - 1, 1, 1))
    raise ValueError(f"unknown period: {choice!r}")


# Summaries ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalLine:
    title: str
    track: str
    status: str
    health: str | None = None
    metric: str = ""
    value: float | None = None
    target: float | None = None
    unit: str = ""
    confidence: int | None = None
    note: str = ""


@dataclass(frozen=True)
class DoneLine:
    """An action and how often it was done in the period."""

    title: str
    times: int
    minutes: int = 0
    goal: str = ""


@dataclass(frozen=True)
class WinLine:
    on: date
    title: str
    impact: str = ""


@dataclass(frozen=True)
class SkillChange:
    name: str
    before: int | None
    after: int


@dataclass(frozen=True)
class ReviewSummary:
    kind: str
    held_on: date
    since: date | None
    goals: Sequence[GoalLine] = ()
    done: Sequence[DoneLine] = ()
    wins: Sequence[WinLine] = ()
    skills: Sequence[SkillChange] = ()
    answers: dict[str, str] = field(default_factory=dict)
    carried: Sequence[str] = ()
    dropped: Sequence[str] = ()
    pivots: Sequence[str] = ()
    next_on: date | None = None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:g}"


def _goal_md(goal: GoalLine) -> str:
    parts = [f"**{_one_line(goal.title) or '(untitled)'}** ({goal.track}, {goal.status})"]
    if goal.health:
        parts.append(goal.health)
    if goal.value is not None or goal.target is not None:
        unit = f" {goal.unit}" if goal.unit else ""
        metric = f"{_one_line(goal.metric)}: " if goal.metric else ""
        parts.append(f"{metric}{_number(goal.value)} of {_number(goal.target)}{unit}")
    if goal.confidence is not None:
        parts.append(f"confidence {goal.confidence}/5")
    line = "- " + " - ".join(parts)
    if goal.note:
        line += f"\n  {_one_line(goal.note)}"
    return line


def _done_md(done: Sequence[DoneLine]) -> list[str]:
    if not done:
        return ["_Nothing logged in this period._"]
    total = sum(d.times for d in done)
    minutes = sum(d.minutes for d in done)
    lines = [f"{total} done" + (f", {_hours(minutes)}" if minutes else "") + ":", ""]
    for d in done:
        extra = f", {_hours(d.minutes)}" if d.minutes else ""
        goal = f" ({_one_line(d.goal)})" if d.goal else ""
        lines.append(f"- {_one_line(d.title)}{goal}: {d.times}x{extra}")
    return lines


def _hours(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes / 60:.1f} h"


def _wins_md(wins: Sequence[WinLine]) -> list[str]:
    if not wins:
        return ["_No wins noted - worth a second look: something surely went well._"]
    lines = []
    for w in wins:
        impact = f" - {_one_line(w.impact)}" if w.impact else ""
        lines.append(f"- {w.on.isoformat()}: {_one_line(w.title)}{impact}")
    return lines


def _skills_md(skills: Sequence[SkillChange]) -> list[str]:
    lines = []
    for s in skills:
        before = "unrated" if s.before is None else str(s.before)
        lines.append(f"- {_one_line(s.name)}: {before} -> {s.after}")
    return lines


def _quote(text: str) -> list[str]:
    return [line.rstrip() for line in text.strip().splitlines()]


def review_markdown(summary: ReviewSummary, questions_in_order: Iterable[Question] = ()) -> str:
    """The summary of one check-in as Markdown: ready for a 1:1 or a performance review."""
    title = kind_label(summary.kind)
    title = title[0].upper() + title[1:]
    lines = [f"# {title} - {summary.held_on.isoformat()}", ""]
    if summary.since is not None:
        lines += [
            f"Period: {summary.since.isoformat()} to {summary.held_on.isoformat()}",
            "",
        ]
    lines += ["## Goals", ""]
    lines += [_goal_md(g) for g in summary.goals] or ["_No active goals._"]
    if summary.pivots:
        lines += ["", "Pivoted (a change of direction, on purpose):"]
        lines += [f"- {_one_line(p)}" for p in summary.pivots]
    lines += ["", "## Actions done", ""] + _done_md(summary.done)
    lines += ["", "## Wins", ""] + _wins_md(summary.wins)
    if summary.skills:
        lines += ["", "## Skills", ""] + _skills_md(summary.skills)
    order = list(questions_in_order) or list(questions(summary.kind))
    for q in order:
        if q.key == "next_steps":
            continue
        text = summary.answers.get(q.key, "").strip()
        if text:
            lines += ["", f"## {q.title}", ""] + _quote(text)
    if summary.carried or summary.dropped:
        lines += ["", "## Unfinished actions", ""]
        lines += [f"- carried forward: {_one_line(t)}" for t in summary.carried]
        lines += [f"- dropped: {_one_line(t)}" for t in summary.dropped]
    lines += ["", "## Next steps", ""]
    next_steps = summary.answers.get("next_steps", "").strip()
    lines += _quote(next_steps) if next_steps else ["_None written._"]
    if summary.next_on is not None:
        lines += ["", f"Next check-in: {summary.next_on.isoformat()}"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class PeriodSummary:
    """Inputs of a brag document for a period."""

    period: Period
    done: Sequence[DoneLine] = ()
    wins: Sequence[WinLine] = ()
    goals: Sequence[GoalLine] = ()  # goals achieved / pivoted / started in the period
    skills: Sequence[SkillChange] = ()
    checkins: int = 0


def period_markdown(summary: PeriodSummary) -> str:
    """ "What did I do last quarter?" as Markdown, from the log and the wins."""
    p = summary.period
    lines = [
        f"# What I did in {p.label}",
        "",
        f"{p.start.isoformat()} to {p.end.isoformat()}",
    ]
    lines += ["", "## Wins", ""] + _wins_md(summary.wins)
    lines += ["", "## Goals", ""]
    lines += [_goal_md(g) for g in summary.goals] or ["_No goal changed status in this period._"]
    lines += ["", "## Actions done", ""] + _done_md(summary.done)
    if summary.skills:
        lines += ["", "## Skills", ""] + _skills_md(summary.skills)
    lines += ["", f"Check-ins and reviews held: {summary.checkins}"]
    return "\n".join(lines) + "\n"
