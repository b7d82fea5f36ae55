"""Check-ins and reviews in the database, and the queries behind the history screen.

A check-in is a `CheckIn` row with typed answers (`CheckInAnswer`, upserted as the person
types), one `GoalReview` per goal looked at, `SkillAssessment`s with source "review" and any
pivots (`GoalStatusChange`). Finishing writes the Markdown summary and the next dates into the
plan. Chart queries aggregate in SQL (per day, per month, per check-in) so a ten-year database
hands back a few hundred numbers, never every log row. Everything returned is a plain
dataclass; no ORM object leaves this module.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, extract, func, or_
from sqlmodel import col, select

from growth_tui.domain import review as rv
from growth_tui.domain import timeline as tl
from growth_tui.store.engine import Store, StoreError
from growth_tui.store.models import (
    Action,
    CheckIn,
    CheckInAnswer,
    Goal,
    GoalReview,
    GoalStatusChange,
    LogEntry,
    NorthStarVersion,
    Plan,
    ReflectionAnswer,
    ReflectionSession,
    Skill,
    SkillAssessment,
    Win,
)
from growth_tui.store.types import (
    ActionKind,
    ActionStatus,
    CheckInKind,
    GoalHealth,
    GoalStatus,
    LogStatus,
    utcnow,
)

CARRIED_KEY = "_carried"  # answers that record what the check-in did, one title per line
DROPPED_KEY = "_dropped"
PIVOTS_KEY = "_pivots"


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


# Schedule -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Schedule:
    cadence: str
    next_checkin_on: date | None
    next_quarterly_on: date | None
    next_annual_on: date | None

    def next_review(self, today: date) -> rv.DueReview:
        return rv.next_review(
            self.cadence,
            self.next_checkin_on,
            self.next_quarterly_on,
            self.next_annual_on,
            today,
        )


def get_schedule(store: Store, plan_id: int) -> Schedule:
    with store.read() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise StoreError("The plan is missing from the database.")
        return Schedule(
            plan.checkin_cadence,
            plan.next_checkin_on,
            plan.next_quarterly_on,
            plan.next_annual_on,
        )


def set_schedule(
    store: Store,
    plan_id: int,
    *,
    cadence: str,
    next_checkin_on: date | None,
    next_quarterly_on: date | None,
    next_annual_on: date | None,
) -> Schedule:
    """Agree the cadence and the next dates upfront."""
    if cadence not in rv.REGULAR_KINDS:
        raise ValueError(f"cadence must be weekly, biweekly or monthly, not {cadence!r}")
    with store.write() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise StoreError("The plan is missing from the database.")
        plan.checkin_cadence = cadence
        plan.next_checkin_on = next_checkin_on
        plan.next_quarterly_on = next_quarterly_on
        plan.next_annual_on = next_annual_on
        plan.updated_at = utcnow()
        session.add(plan)
    return Schedule(cadence, next_checkin_on, next_quarterly_on, next_annual_on)


# A check-in -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalReviewRow:
    goal_id: int
    health: str
    metric_value: float | None
    confidence: int | None
    note: str


@dataclass
class CheckInState:
    id: int
    kind: str
    held_on: date
    since: date | None  # the day of the last finished check-in this one looks back to
    answers: dict[str, str] = field(default_factory=dict)
    goal_reviews: dict[int, GoalReviewRow] = field(default_factory=dict)
    next_on: date | None = None
    finished: bool = False
    summary: str = ""


def _state(session, checkin: CheckIn) -> CheckInState:
    since = session.exec(
        select(func.max(CheckIn.held_on)).where(
            CheckIn.plan_id == checkin.plan_id,
            col(CheckIn.finished_at).is_not(None),
            CheckIn.id != checkin.id,
            CheckIn.held_on <= checkin.held_on,
            col(CheckIn.kind).in_(rv.looks_back_to(checkin.kind)),
        )
    ).one()
    answers = {
        a.question_key: a.text
        for a in session.exec(
            select(CheckInAnswer).where(CheckInAnswer.check_in_id == checkin.id)
        ).all()
    }
    reviews = {
        r.goal_id: GoalReviewRow(r.goal_id, r.health, r.metric_value, r.confidence, r.note)
        for r in session.exec(select(GoalReview).where(GoalReview.check_in_id == checkin.id)).all()
    }
    return CheckInState(
        id=int(checkin.id),
        kind=checkin.kind,
        held_on=checkin.held_on,
        since=since,
        answers=answers,
        goal_reviews=reviews,
        next_on=checkin.next_on,
        finished=checkin.finished_at is not None,
        summary=checkin.summary,
    )


def open_checkin(store: Store, plan_id: int) -> CheckInState | None:
    """The check-in started and not finished yet (the newest), to resume."""
    with store.read() as session:
        checkin = session.exec(
            select(CheckIn)
            .where(CheckIn.plan_id == plan_id, col(CheckIn.finished_at).is_(None))
            .order_by(col(CheckIn.started_at).desc(), col(CheckIn.id).desc())
        ).first()
        return None if checkin is None else _state(session, checkin)


def start_checkin(store: Store, plan_id: int, kind: str, today: date) -> CheckInState:
    """Resume the unfinished check-in of `kind`, or start a new one held today."""
    kind = CheckInKind(kind)
    with store.write() as session:
        checkin = session.exec(
            select(CheckIn)
            .where(
                CheckIn.plan_id == plan_id,
                CheckIn.kind == kind,
                col(CheckIn.finished_at).is_(None),
            )
            .order_by(col(CheckIn.id).desc())
        ).first()
        if checkin is None:
            checkin = CheckIn(plan_id=plan_id, kind=kind, held_on=today)
            session.add(checkin)
            session.flush()
        return _state(session, checkin)


def get_checkin(store: Store, checkin_id: int) -> CheckInState:
    with store.read() as session:
        checkin = session.get(CheckIn, checkin_id)
        if checkin is None:
            raise StoreError("That check-in no longer exists.")
        return _state(session, checkin)


def save_answer(store: Store, checkin_id: int, key: str, text: str) -> None:
    """Upsert one answer (called as the person types, debounced)."""
    with store.write() as session:
        _upsert_answer(session, checkin_id, key, text)


def _upsert_answer(session, checkin_id: int, key: str, text: str) -> None:
    answer = session.exec(
        select(CheckInAnswer).where(
            CheckInAnswer.check_in_id == checkin_id, CheckInAnswer.question_key == key
        )
    ).first()
    if answer is None:
        answer = CheckInAnswer(check_in_id=checkin_id, question_key=key, text=text)
    else:
        answer.text = text
        answer.updated_at = utcnow()
    session.add(answer)


def _append_line(session, checkin_id: int, key: str, line: str) -> None:
    answer = session.exec(
        select(CheckInAnswer).where(
            CheckInAnswer.check_in_id == checkin_id, CheckInAnswer.question_key == key
        )
    ).first()
    old = answer.text if answer is not None else ""
    lines = [x for x in old.splitlines() if x]
    if line not in lines:
        lines.append(line)
    _upsert_answer(session, checkin_id, key, "\n".join(lines))


def delete_checkin(store: Store, checkin_id: int) -> None:
    """Throw away an unfinished check-in (its answers go with it)."""
    with store.write() as session:
        checkin = session.get(CheckIn, checkin_id)
        if checkin is not None and checkin.finished_at is None:
            session.delete(checkin)


# Since last time ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Achieved:
    start: date  # the first day covered
    until: date
    done: list[rv.DoneLine]
    wins: list[rv.WinLine]

    @property
    def times_done(self) -> int:
        return sum(d.times for d in self.done)


def _done_lines(session, plan_id: int, start: date | None, end: date) -> list[rv.DoneLine]:
    minutes = func.coalesce(LogEntry.minutes, Action.planned_minutes, 0)
    query = (
        select(Action.title, Goal.title, func.count(LogEntry.id), func.sum(minutes))
        .join(Action, Action.id == LogEntry.action_id)
        .join(Goal, Goal.id == Action.goal_id)
        .where(
            Goal.plan_id == plan_id,
            LogEntry.status == LogStatus.DONE,
            LogEntry.logged_on <= end,
        )
        .group_by(Action.id, Action.title, Goal.title)
        .order_by(func.count(LogEntry.id).desc(), Action.title)
    )
    if start is not None:
        query = query.where(LogEntry.logged_on >= start)
    return [
        rv.DoneLine(title, int(times), int(total or 0), goal)
        for title, goal, times, total in session.exec(query).all()
    ]


def _win_lines(session, plan_id: int, start: date | None, end: date) -> list[rv.WinLine]:
    query = (
        select(Win.happened_on, Win.title, Win.impact)
        .where(Win.plan_id == plan_id, Win.happened_on <= end)
        .order_by(Win.happened_on, Win.id)
    )
    if start is not None:
        query = query.where(Win.happened_on >= start)
    return [rv.WinLine(on, title, impact) for on, title, impact in session.exec(query).all()]


def achieved_since(
    store: Store, plan_id: int, since: date | None, today: date, kind: str = "weekly"
) -> Achieved:
    """Actions done (grouped per action) and wins after the last check-in, up to today.

    With no earlier one, a span that fits the kind (`review.period_start`).
    """
    start = rv.period_start(kind, today, since)
    with store.read() as session:
        return Achieved(
            start,
            today,
            _done_lines(session, plan_id, start, today),
            _win_lines(session, plan_id, start, today),
        )


# Goals -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalForReview:
    id: int
    title: str
    track: str
    status: str
    metric: str
    baseline: float | None
    target: float | None
    unit: str
    current_value: float | None
    due: date | None
    last_health: str | None
    last_confidence: int | None


def goals_for_review(store: Store, plan_id: int, before: date | None = None) -> list[GoalForReview]:
    """Active top-level goals, each with the health and confidence given at its last review."""
    with store.read() as session:
        goals = session.exec(
            select(Goal)
            .where(
                Goal.plan_id == plan_id,
                Goal.status == GoalStatus.ACTIVE,
                col(Goal.parent_id).is_(None),
            )
            .order_by(Goal.track, Goal.position, Goal.id)
        ).all()
        last: dict[int, tuple[str, int | None]] = {}
        if goals:
            latest = (
                select(GoalReview.goal_id, func.max(CheckIn.held_on).label("on"))
                .join(CheckIn, CheckIn.id == GoalReview.check_in_id)
                .where(col(GoalReview.goal_id).in_([g.id for g in goals]))
            )
            if before is not None:
                latest = latest.where(CheckIn.held_on < before)
            latest = latest.group_by(GoalReview.goal_id).subquery()
            rows = session.exec(
                select(GoalReview.goal_id, GoalReview.health, GoalReview.confidence)
                .join(CheckIn, CheckIn.id == GoalReview.check_in_id)
                .join(
                    latest,
                    and_(
                        latest.c.goal_id == GoalReview.goal_id,
                        latest.c.on == CheckIn.held_on,
                    ),
                )
                .order_by(GoalReview.id)
            ).all()
            last = {goal_id: (health, conf) for goal_id, health, conf in rows}
        return [
            GoalForReview(
                int(g.id),
                g.title,
                g.track,
                g.status,
                g.metric,
                g.baseline,
                g.target,
                g.unit,
                g.current_value,
                g.due,
                last.get(g.id, (None, None))[0],
                last.get(g.id, (None, None))[1],
            )
            for g in goals
        ]


def save_goal_review(
    store: Store,
    checkin_id: int,
    goal_id: int,
    *,
    health: str,
    metric_value: float | None = None,
    confidence: int | None = None,
    note: str = "",
) -> GoalReviewRow:
    """Record a goal's health at this check-in; a metric value also becomes the goal's current."""
    health = GoalHealth(health)
    if confidence is not None and not 1 <= confidence <= 5:
        raise ValueError("confidence is 1 to 5")
    with store.write() as session:
        row = session.exec(
            select(GoalReview).where(
                GoalReview.check_in_id == checkin_id, GoalReview.goal_id == goal_id
            )
        ).first()
        if row is None:
            row = GoalReview(check_in_id=checkin_id, goal_id=goal_id)
        row.health = health
        row.metric_value = metric_value
        row.confidence = confidence
        row.note = note
        session.add(row)
        if metric_value is not None:
            goal = session.get(Goal, goal_id)
            if goal is not None:
                goal.current_value = metric_value
                goal.updated_at = utcnow()
                session.add(goal)
    return GoalReviewRow(goal_id, health, metric_value, confidence, note)


def pivot_goal(
    store: Store,
    goal_id: int,
    *,
    learned: str,
    next_title: str,
    checkin_id: int | None = None,
) -> int | None:
    """Mark a goal pivoted with what was learned, and start the next goal (same track).

    Returns the new goal's id (None when no next title was given).
    """
    with store.write() as session:
        goal = session.get(Goal, goal_id)
        if goal is None:
            raise StoreError("That goal no longer exists.")
        next_id = None
        if next_title.strip():
            nxt = Goal(
                plan_id=goal.plan_id,
                track=goal.track,
                title=next_title.strip(),
                why_relevant=f"Pivoted from: {goal.title}",
                position=goal.position,
            )
            session.add(nxt)
            session.flush()
            next_id = int(nxt.id)
        session.add(
            GoalStatusChange(
                goal_id=goal_id,
                from_status=goal.status,
                to_status=GoalStatus.PIVOTED,
                note=learned.strip(),
                next_goal_id=next_id,
            )
        )
        goal.status = GoalStatus.PIVOTED
        goal.status_note = learned.strip()
        goal.updated_at = utcnow()
        session.add(goal)
        if checkin_id is not None:
            line = goal.title + (f" -> {next_title.strip()}" if next_id else "")
            if learned.strip():
                line += f" (learned: {' '.join(learned.split())})"
            _append_line(session, checkin_id, PIVOTS_KEY, line)
        return next_id


# Unfinished actions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenAction:
    id: int
    title: str
    goal_title: str
    due: date | None


def unfinished_actions(store: Store, plan_id: int, today: date) -> list[OpenAction]:
    """Active one-off actions due today or earlier, not done: carry, reschedule or drop."""
    with store.read() as session:
        done = select(LogEntry.action_id).where(LogEntry.status == LogStatus.DONE)
        rows = session.exec(
            select(Action.id, Action.title, Goal.title, Action.due)
            .join(Goal, Goal.id == Action.goal_id)
            .where(
                Goal.plan_id == plan_id,
                Goal.status == GoalStatus.ACTIVE,
                Action.kind == ActionKind.ONCE,
                Action.status == ActionStatus.ACTIVE,
                col(Action.due).is_not(None),
                Action.due <= today,
                col(Action.id).not_in(done),
            )
            .order_by(Action.due, Action.id)
        ).all()
        return [OpenAction(int(i), t, g, d) for i, t, g, d in rows]


def reschedule_action(
    store: Store, action_id: int, on: date, *, checkin_id: int | None = None
) -> None:
    """Give an unfinished one-off a new due date (carry forward = the coming week)."""
    with store.write() as session:
        action = session.get(Action, action_id)
        if action is None:
            raise StoreError("That action no longer exists.")
        action.due = on
        action.updated_at = utcnow()
        session.add(action)
        if checkin_id is not None:
            _append_line(
                session,
                checkin_id,
                CARRIED_KEY,
                f"{action.title} (to {on.isoformat()})",
            )


def drop_action(store: Store, action_id: int, *, checkin_id: int | None = None) -> None:
    with store.write() as session:
        action = session.get(Action, action_id)
        if action is None:
            raise StoreError("That action no longer exists.")
        action.status = ActionStatus.DROPPED
        action.updated_at = utcnow()
        session.add(action)
        if checkin_id is not None:
            _append_line(session, checkin_id, DROPPED_KEY, action.title)


# Skills ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkillForReview:
    id: int
    name: str
    kind: str
    current_level: int | None
    target_level: int | None


def skills_for_review(store: Store, plan_id: int) -> list[SkillForReview]:
    with store.read() as session:
        rows = session.exec(
            select(Skill)
            .where(Skill.plan_id == plan_id, col(Skill.archived).is_(False))
            .order_by(Skill.kind, Skill.name)
        ).all()
        return [
            SkillForReview(int(s.id), s.name, s.kind, s.current_level, s.target_level) for s in rows
        ]


def rerate_skill(store: Store, skill_id: int, level: int, today: date, note: str = "") -> None:
    """A new self-rating from a review (one per skill per day: a second one replaces it)."""
    if not 0 <= level <= 5:
        raise ValueError("a skill level is 0 to 5")
    with store.write() as session:
        skill = session.get(Skill, skill_id)
        if skill is None:
            raise StoreError("That skill no longer exists.")
        row = session.exec(
            select(SkillAssessment).where(
                SkillAssessment.skill_id == skill_id,
                SkillAssessment.assessed_on == today,
                SkillAssessment.source == "review",
            )
        ).first()
        if row is None:
            row = SkillAssessment(skill_id=skill_id, assessed_on=today, current_level=level)
        row.current_level = level
        row.target_level = skill.target_level
        row.source = "review"
        row.note = note
        session.add(row)
        skill.current_level = level
        session.add(skill)


def rated_in_review(store: Store, plan_id: int, today: date) -> dict[int, int]:
    """Skill id -> level for the ratings a review gave today (to show them when resuming)."""
    with store.read() as session:
        rows = session.exec(
            select(SkillAssessment.skill_id, SkillAssessment.current_level)
            .join(Skill, Skill.id == SkillAssessment.skill_id)
            .where(
                Skill.plan_id == plan_id,
                SkillAssessment.assessed_on == today,
                SkillAssessment.source == "review",
            )
        ).all()
        return {int(sid): int(level) for sid, level in rows}


def _skill_changes(session, plan_id: int, start: date, end: date) -> list[rv.SkillChange]:
    """For each skill rated between start and end: the level before start and the last one."""
    in_period = (
        select(
            SkillAssessment.skill_id,
            func.max(SkillAssessment.assessed_on).label("last_on"),
        )
        .join(Skill, Skill.id == SkillAssessment.skill_id)
        .where(
            Skill.plan_id == plan_id,
            SkillAssessment.assessed_on >= start,
            SkillAssessment.assessed_on <= end,
        )
        .group_by(SkillAssessment.skill_id)
        .subquery()
    )
    before = (
        select(
            SkillAssessment.skill_id,
            func.max(SkillAssessment.assessed_on).label("prev_on"),
        )
        .where(SkillAssessment.assessed_on < start)
        .group_by(SkillAssessment.skill_id)
        .subquery()
    )
    rows = session.exec(
        select(Skill.id, Skill.name, SkillAssessment.current_level, before.c.prev_on)
        .join(in_period, in_period.c.skill_id == Skill.id)
        .join(
            SkillAssessment,
            and_(
                SkillAssessment.skill_id == Skill.id,
                SkillAssessment.assessed_on == in_period.c.last_on,
            ),
        )
        .outerjoin(before, before.c.skill_id == Skill.id)
        .order_by(Skill.name, col(SkillAssessment.id).desc())
    ).all()
    prev_keys = [(sid, prev_on) for sid, _n, _l, prev_on in rows if prev_on is not None]
    prev: dict[int, int] = {}
    if prev_keys:
        for sid, level in session.exec(
            select(SkillAssessment.skill_id, SkillAssessment.current_level)
            .where(
                or_(
                    *[
                        and_(
                            SkillAssessment.skill_id == s,
                            SkillAssessment.assessed_on == on,
                        )
                        for s, on in prev_keys
                    ]
                )
            )
            .order_by(SkillAssessment.id)
        ).all():
            prev[sid] = level
    seen: set[int] = set()
    changes = []
    for sid, name, level, _prev_on in rows:
        if sid in seen:
            continue
        seen.add(sid)
        changes.append(rv.SkillChange(name, prev.get(sid), level))
    return changes


# Finishing ------------------------------------------------------------------------------------


def _summary_for(session, checkin: CheckIn, next_on: date | None) -> rv.ReviewSummary:
    state = _state(session, checkin)
    start = rv.period_start(checkin.kind, checkin.held_on, state.since)
    goals = []
    reviewed = session.exec(
        select(Goal, GoalReview)
        .join(GoalReview, GoalReview.goal_id == Goal.id)
        .where(GoalReview.check_in_id == checkin.id)
        .order_by(Goal.track, Goal.position, Goal.id)
    ).all()
    for goal, r in reviewed:
        goals.append(
            rv.GoalLine(
                goal.title,
                goal.track,
                goal.status,
                r.health,
                goal.metric,
                r.metric_value if r.metric_value is not None else goal.current_value,
                goal.target,
                goal.unit,
                r.confidence,
                r.note,
            )
        )
    seen = {g.id for g, _r in reviewed}
    for goal in session.exec(
        select(Goal)
        .where(
            Goal.plan_id == checkin.plan_id,
            Goal.status == GoalStatus.ACTIVE,
            col(Goal.parent_id).is_(None),
        )
        .order_by(Goal.track, Goal.position, Goal.id)
    ).all():
        if goal.id not in seen:
            goals.append(
                rv.GoalLine(
                    goal.title,
                    goal.track,
                    goal.status,
                    None,
                    goal.metric,
                    goal.current_value,
                    goal.target,
                    goal.unit,
                )
            )
    answers = state.answers
    return rv.ReviewSummary(
        kind=checkin.kind,
        held_on=checkin.held_on,
        since=start,
        goals=goals,
        done=_done_lines(session, checkin.plan_id, start, checkin.held_on),
        wins=_win_lines(session, checkin.plan_id, start, checkin.held_on),
        skills=_skill_changes(session, checkin.plan_id, start, checkin.held_on),
        answers={k: v for k, v in answers.items() if not k.startswith("_")},
        carried=answers.get(CARRIED_KEY, "").splitlines(),
        dropped=answers.get(DROPPED_KEY, "").splitlines(),
        pivots=answers.get(PIVOTS_KEY, "").splitlines(),
        next_on=next_on,
    )


def preview_summary(store: Store, checkin_id: int, next_on: date | None) -> str:
    with store.read() as session:
        checkin = session.get(CheckIn, checkin_id)
        if checkin is None:
            raise StoreError("That check-in no longer exists.")
        return rv.review_markdown(_summary_for(session, checkin, next_on))


def finish_checkin(store: Store, checkin_id: int, next_on: date, today: date) -> str:
    """Close the check-in: write its summary and move the plan's next dates on.

    A quarterly review also counts as the regular check-in, and an annual one as both, so a
    due smaller review is moved on too instead of nagging the day after.
    """
    with store.write() as session:
        checkin = session.get(CheckIn, checkin_id)
        if checkin is None:
            raise StoreError("That check-in no longer exists.")
        plan = session.get(Plan, checkin.plan_id)
        summary = rv.review_markdown(_summary_for(session, checkin, next_on))
        checkin.summary = summary
        checkin.next_on = next_on
        checkin.finished_at = utcnow()
        session.add(checkin)
        cadence = plan.checkin_cadence if plan.checkin_cadence in rv.REGULAR_KINDS else "weekly"
        if checkin.kind == CheckInKind.ANNUAL:
            plan.next_annual_on = next_on
            if plan.next_quarterly_on is None or plan.next_quarterly_on <= today:
                plan.next_quarterly_on = rv.next_date(CheckInKind.QUARTERLY, today)
        if checkin.kind == CheckInKind.QUARTERLY:
            plan.next_quarterly_on = next_on
        if checkin.kind in rv.REGULAR_KINDS:
            plan.next_checkin_on = next_on
        elif plan.next_checkin_on is None or plan.next_checkin_on <= today:
            plan.next_checkin_on = rv.next_date(cadence, today)
        plan.updated_at = utcnow()
        session.add(plan)
        return summary


# Values then and now --------------------------------------------------------------------------


@dataclass(frozen=True)
class ValuesThenNow:
    now_on: date | None
    now: list[str]
    then_on: date | None
    then: list[str]


def _values_of(session, session_id: int) -> list[str]:
    rows = session.exec(
        select(ReflectionAnswer.text)
        .where(
            ReflectionAnswer.session_id == session_id,
            ReflectionAnswer.prompt_key == "values",
            ReflectionAnswer.text != "",
        )
        .order_by(
            case((col(ReflectionAnswer.rank).is_(None), 1), else_=0),
            ReflectionAnswer.rank,
            ReflectionAnswer.position,
        )
    ).all()
    return list(rows)


def values_then_and_now(store: Store, plan_id: int, today: date) -> ValuesThenNow:
    """The latest reflection's values beside those of the last reflection a year or more ago."""
    with store.read() as session:
        with_values = (
            select(ReflectionSession.id, ReflectionSession.started_at)
            .where(
                ReflectionSession.plan_id == plan_id,
                col(ReflectionSession.id).in_(
                    select(ReflectionAnswer.session_id).where(
                        ReflectionAnswer.prompt_key == "values"
                    )
                ),
            )
            .order_by(
                col(ReflectionSession.started_at).desc(),
                col(ReflectionSession.id).desc(),
            )
        )
        sessions = session.exec(with_values).all()
        if not sessions:
            return ValuesThenNow(None, [], None, [])
        now_id, now_at = sessions[0]
        cutoff = today - timedelta(days=330)
        then = next((s for s in sessions[1:] if _local_day(s[1]) <= cutoff), None)
        if then is None and len(sessions) > 1:
            then = sessions[-1]
        return ValuesThenNow(
            _local_day(now_at),
            _values_of(session, now_id),
            _local_day(then[1]) if then else None,
            _values_of(session, then[0]) if then else [],
        )


# History ---------------------------------------------------------------------------------------

_HEALTH_RANK = {GoalHealth.ON_TRACK: 0, GoalHealth.AT_RISK: 1, GoalHealth.OFF_TRACK: 2}
HEALTH_BY_RANK = {v: k for k, v in _HEALTH_RANK.items()}


def _health_rank_expr():
    return case(
        (GoalReview.health == GoalHealth.OFF_TRACK, 2),
        (GoalReview.health == GoalHealth.AT_RISK, 1),
        else_=0,
    )


def timeline(store: Store, plan_id: int) -> list[tl.TimelineEvent]:
    """Every dated event of the plan, newest first."""
    events: list[tl.TimelineEvent] = []
    with store.read() as session:
        for sid, started, finished, summary in session.exec(
            select(
                ReflectionSession.id,
                ReflectionSession.started_at,
                ReflectionSession.finished_at,
                ReflectionSession.summary,
            ).where(ReflectionSession.plan_id == plan_id)
        ).all():
            events.append(
                tl.reflection_event(int(sid), _local_day(started), summary, finished is not None)
            )
        for vid, text, at in session.exec(
            select(NorthStarVersion.id, NorthStarVersion.text, NorthStarVersion.set_at).where(
                NorthStarVersion.plan_id == plan_id
            )
        ).all():
            events.append(tl.north_star_event(int(vid), _local_day(at), text))
        goal_titles: dict[int, str] = {}
        for gid, title, track, created, parent in session.exec(
            select(Goal.id, Goal.title, Goal.track, Goal.created_at, Goal.parent_id).where(
                Goal.plan_id == plan_id
            )
        ).all():
            goal_titles[int(gid)] = title
            if parent is None:
                events.append(tl.goal_created_event(int(gid), _local_day(created), title, track))
        for gid, frm, to, note, nxt, at in session.exec(
            select(
                GoalStatusChange.goal_id,
                GoalStatusChange.from_status,
                GoalStatusChange.to_status,
                GoalStatusChange.note,
                GoalStatusChange.next_goal_id,
                GoalStatusChange.changed_at,
            )
            .join(Goal, Goal.id == GoalStatusChange.goal_id)
            .where(Goal.plan_id == plan_id)
        ).all():
            events.append(
                tl.goal_status_event(
                    int(gid),
                    _local_day(at),
                    goal_titles.get(gid, ""),
                    frm,
                    to,
                    note,
                    goal_titles.get(nxt, "") if nxt else "",
                )
            )
        worst = (
            select(GoalReview.check_in_id, func.max(_health_rank_expr()).label("worst"))
            .group_by(GoalReview.check_in_id)
            .subquery()
        )
        for cid, on, kind, finished, w in session.exec(
            select(
                CheckIn.id,
                CheckIn.held_on,
                CheckIn.kind,
                CheckIn.finished_at,
                worst.c.worst,
            )
            .outerjoin(worst, worst.c.check_in_id == CheckIn.id)
            .where(CheckIn.plan_id == plan_id)
        ).all():
            healths = [] if w is None else [f"worst: {HEALTH_BY_RANK[int(w)]}"]
            events.append(tl.checkin_event(int(cid), on, kind, finished is not None, healths))
        for wid, on, title, impact in session.exec(
            select(Win.id, Win.happened_on, Win.title, Win.impact).where(Win.plan_id == plan_id)
        ).all():
            events.append(tl.win_event(int(wid), on, title, impact))
    return tl.sort_events(events)


@dataclass(frozen=True)
class EventDetail:
    title: str
    body: str  # plain text or Markdown (check-in summaries)


def event_detail(store: Store, event: tl.TimelineEvent) -> EventDetail:
    """What opening a timeline item shows."""
    with store.read() as session:
        if event.ref_kind == "checkin":
            checkin = session.get(CheckIn, event.ref_id)
            if checkin is None:
                return EventDetail(event.title, "(gone)")
            if checkin.summary:
                return EventDetail(event.title, checkin.summary)
            return EventDetail(
                event.title,
                rv.review_markdown(_summary_for(session, checkin, checkin.next_on)),
            )
        if event.ref_kind == "reflection":
            rows = session.exec(
                select(ReflectionAnswer.prompt_key, ReflectionAnswer.text)
                .where(
                    ReflectionAnswer.session_id == event.ref_id,
                    ReflectionAnswer.text != "",
                )
                .order_by(ReflectionAnswer.prompt_key, ReflectionAnswer.position)
            ).all()
            body = "\n".join(f"{k}: {t}" for k, t in rows) or "(no answers)"
            return EventDetail(event.title, body)
        if event.ref_kind == "goal":
            goal = session.get(Goal, event.ref_id)
            if goal is None:
                return EventDetail(event.title, event.detail)
            lines = [goal.title, f"{goal.track} goal, {goal.status}"]
            if goal.metric:
                lines.append(f"metric: {goal.metric} ({goal.current_value} of {goal.target})")
            if goal.status_note:
                lines.append(f"note: {goal.status_note}")
            if event.detail and event.detail != goal.title:
                lines.append(event.detail)
            return EventDetail(event.title, "\n".join(lines))
    return EventDetail(event.title, event.detail)


def done_per_week(store: Store, plan_id: int, today: date, weeks: int = 52) -> list[int]:
    """Actions done per week for the last `weeks` weeks (oldest first; the last is this week).

    Weeks run Monday to Sunday. SQL counts per day (at most 7 x weeks rows come back);
    Python only folds the days into weeks, which keeps the query portable.
    """
    this_monday = today - timedelta(days=today.weekday())
    start = this_monday - timedelta(weeks=weeks - 1)
    counts = [0] * weeks
    with store.read() as session:
        rows = session.exec(
            select(LogEntry.logged_on, func.count(LogEntry.id))
            .join(Action, Action.id == LogEntry.action_id)
            .join(Goal, Goal.id == Action.goal_id)
            .where(
                Goal.plan_id == plan_id,
                LogEntry.status == LogStatus.DONE,
                LogEntry.logged_on >= start,
                LogEntry.logged_on <= today,
            )
            .group_by(LogEntry.logged_on)
        ).all()
    for day, n in rows:
        counts[(day - start).days // 7] += int(n)
    return counts


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


@dataclass(frozen=True)
class MonthlyMinutes:
    months: list[date]  # first day of each month, oldest first
    per_goal: dict[str, list[int]]  # goal title -> minutes per month


def minutes_per_goal_per_month(
    store: Store, plan_id: int, today: date, months: int = 12
) -> MonthlyMinutes:
    """Minutes spent per goal per month (logged minutes, else the action's planned minutes)."""
    last = _month_index(today.year, today.month)
    first = last - months + 1
    start = date(first // 12, first % 12 + 1, 1)
    month_starts = [date(i // 12, i % 12 + 1, 1) for i in range(first, last + 1)]
    year = extract("year", LogEntry.logged_on)
    month = extract("month", LogEntry.logged_on)
    minutes = func.coalesce(LogEntry.minutes, Action.planned_minutes, 0)
    per_goal: dict[str, list[int]] = defaultdict(lambda: [0] * months)
    with store.read() as session:
        rows = session.exec(
            select(Goal.id, Goal.title, year, month, func.sum(minutes))
            .join(Action, Action.id == LogEntry.action_id)
            .join(Goal, Goal.id == Action.goal_id)
            .where(
                Goal.plan_id == plan_id,
                LogEntry.status == LogStatus.DONE,
                LogEntry.logged_on >= start,
                LogEntry.logged_on <= today,
            )
            .group_by(Goal.id, Goal.title, year, month)
            .order_by(Goal.id)
        ).all()
    for _gid, title, y, m, total in rows:
        per_goal[title][_month_index(int(y), int(m)) - first] += int(total or 0)
    return MonthlyMinutes(month_starts, dict(per_goal))


@dataclass(frozen=True)
class GoalChoice:
    id: int
    title: str
    status: str
    unit: str
    target: float | None


def goals_with_metric_history(store: Store, plan_id: int) -> list[GoalChoice]:
    """Goals that have at least one metric value recorded at a check-in."""
    with store.read() as session:
        rows = session.exec(
            select(Goal.id, Goal.title, Goal.status, Goal.unit, Goal.target)
            .where(
                Goal.plan_id == plan_id,
                col(Goal.id).in_(
                    select(GoalReview.goal_id).where(col(GoalReview.metric_value).is_not(None))
                ),
            )
            .order_by(case((Goal.status == GoalStatus.ACTIVE, 0), else_=1), Goal.id)
        ).all()
        return [GoalChoice(int(i), t, s, u, tg) for i, t, s, u, tg in rows]


def goal_metric_series(store: Store, goal_id: int) -> list[tuple[date, float]]:
    """A goal's metric at each check-in that recorded it, oldest first."""
    with store.read() as session:
        rows = session.exec(
            select(CheckIn.held_on, GoalReview.metric_value)
            .join(CheckIn, CheckIn.id == GoalReview.check_in_id)
            .where(GoalReview.goal_id == goal_id, col(GoalReview.metric_value).is_not(None))
            .order_by(CheckIn.held_on, GoalReview.id)
        ).all()
        return [(on, float(v)) for on, v in rows]


def skill_series(store: Store, plan_id: int) -> dict[str, list[tuple[date, int]]]:
    """Each skill's self-ratings over time, oldest first (the last of a day wins)."""
    with store.read() as session:
        rows = session.exec(
            select(Skill.name, SkillAssessment.assessed_on, SkillAssessment.current_level)
            .join(Skill, Skill.id == SkillAssessment.skill_id)
            .where(Skill.plan_id == plan_id, col(Skill.archived).is_(False))
            .order_by(Skill.name, SkillAssessment.assessed_on, SkillAssessment.id)
        ).all()
    series: dict[str, list[tuple[date, int]]] = {}
    for name, on, level in rows:
        points = series.setdefault(name, [])
        if points and points[-1][0] == on:
            points[-1] = (on, int(level))
        else:
            points.append((on, int(level)))
    return series


@dataclass(frozen=True)
class CheckInMark:
    id: int
    held_on: date
    kind: str
    finished: bool
    worst: str | None  # worst goal health at that check-in, None when no goal was rated


def checkin_marks(store: Store, plan_id: int, limit: int = 52) -> list[CheckInMark]:
    """The last `limit` check-ins, oldest first, each with its worst goal health."""
    with store.read() as session:
        worst = (
            select(GoalReview.check_in_id, func.max(_health_rank_expr()).label("worst"))
            .group_by(GoalReview.check_in_id)
            .subquery()
        )
        rows = session.exec(
            select(
                CheckIn.id,
                CheckIn.held_on,
                CheckIn.kind,
                CheckIn.finished_at,
                worst.c.worst,
            )
            .outerjoin(worst, worst.c.check_in_id == CheckIn.id)
            .where(CheckIn.plan_id == plan_id)
            .order_by(col(CheckIn.held_on).desc(), col(CheckIn.id).desc())
            .limit(limit)
        ).all()
    return [
        CheckInMark(
            int(i),
            on,
            kind,
            fin is not None,
            None if w is None else HEALTH_BY_RANK[int(w)],
        )
        for i, on, kind, fin, w in reversed(rows)
    ]


def period_summary(store: Store, plan_id: int, period: rv.Period) -> rv.PeriodSummary:
    """A brag document's inputs for `period`: done actions, wins, goal changes, skills."""
    with store.read() as session:
        # The period is in the person's days; changes are stamped in UTC.
        start_at = datetime.combine(period.start, time()).astimezone()
        end_at = datetime.combine(period.end + timedelta(days=1), time()).astimezone()
        changes = session.exec(
            select(Goal, GoalStatusChange)
            .join(GoalStatusChange, GoalStatusChange.goal_id == Goal.id)
            .where(
                Goal.plan_id == plan_id,
                col(Goal.parent_id).is_(None),
                GoalStatusChange.changed_at >= start_at,
                GoalStatusChange.changed_at < end_at,
            )
            .order_by(GoalStatusChange.changed_at)
        ).all()
        goals = [
            rv.GoalLine(
                g.title,
                g.track,
                c.to_status,
                metric=g.metric,
                value=g.current_value,
                target=g.target,
                unit=g.unit,
                note=c.note,
            )
            for g, c in changes
        ]
        checkins = session.exec(
            select(func.count(CheckIn.id)).where(
                CheckIn.plan_id == plan_id,
                CheckIn.held_on >= period.start,
                CheckIn.held_on <= period.end,
                col(CheckIn.finished_at).is_not(None),
            )
        ).one()
        return rv.PeriodSummary(
            period,
            done=_done_lines(session, plan_id, period.start, period.end),
            wins=_win_lines(session, plan_id, period.start, period.end),
            goals=goals,
            skills=_skill_changes(session, plan_id, period.start, period.end),
            checkins=int(checkins),
        )
