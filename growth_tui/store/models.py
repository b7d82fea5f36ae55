"""The tables: one plan with its north star, reflections, goals, actions, the log, reviews.

No `Relationship()`s on purpose: the UI only ever gets plain, fully loaded rows from the
repository functions, so nothing can lazy-load after its session closed. Links are foreign keys
and small link tables. Every datetime is timezone-aware (`UTCDateTime`); calendar days are
`date`s, because "done on Tuesday" means the user's Tuesday, not a UTC instant.

This module must not use `from __future__ import annotations` (it breaks SQLModel's field
introspection). Changing a table here needs a step in `migrations.py`.
"""

from datetime import date, datetime

from sqlalchemy import Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from growth_tui.store.columns import UTCDateTime
from growth_tui.store.types import utcnow


def _created() -> datetime:
    return utcnow()


def CreatedAt():  # noqa: N802 - reads like a type in the table bodies
    return Field(default_factory=_created, sa_column=Column(UTCDateTime, nullable=False))


def OptionalAt():  # noqa: N802
    return Field(default=None, sa_column=Column(UTCDateTime, nullable=True))


class Plan(SQLModel, table=True):
    """One person's plan. The app uses the first plan; the table allows more (teams later)."""

    id: int | None = Field(default=None, primary_key=True)
    north_star: str = ""
    weekly_budget_minutes: int | None = None  # from the reflection's "how many hours a week"
    checkin_cadence: str = "weekly"  # CheckInKind: weekly / biweekly / monthly
    next_checkin_on: date | None = None
    next_quarterly_on: date | None = None
    next_annual_on: date | None = None
    created_at: datetime = CreatedAt()
    updated_at: datetime = CreatedAt()


class NorthStarVersion(SQLModel, table=True):
    """Every north star the plan ever had; the newest equals `Plan.north_star`."""

    __tablename__ = "north_star_version"
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    text: str
    source: str = "edit"  # edit / reflection / import
    set_at: datetime = CreatedAt()


class ReflectionSession(SQLModel, table=True):
    __tablename__ = "reflection_session"
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    prompt_sets: str = ""  # comma-separated set keys, e.g. "know,vision,stuck"
    current_step: int = 0  # where to resume
    summary: str = ""
    started_at: datetime = CreatedAt()
    updated_at: datetime = CreatedAt()
    finished_at: datetime | None = OptionalAt()


class ReflectionAnswer(SQLModel, table=True):
    """One answer to one prompt; list prompts (strengths, values…) have one row per item."""

    __tablename__ = "reflection_answer"
    __table_args__ = (UniqueConstraint("session_id", "prompt_key", "position"),)
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="reflection_session.id", ondelete="CASCADE", index=True)
    prompt_key: str
    position: int = 0
    text: str = ""
    rank: int | None = None  # values: 1..3 for the top three
    updated_at: datetime = CreatedAt()


class Skill(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("plan_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    name: str
    kind: str = "hard"  # SkillKind
    current_level: int | None = None  # 0..5, the latest assessment
    target_level: int | None = None  # 0..5
    archived: bool = False
    created_at: datetime = CreatedAt()


class SkillAssessment(SQLModel, table=True):
    """A dated self-rating, so skill levels can be charted over the years."""

    __tablename__ = "skill_assessment"
    id: int | None = Field(default=None, primary_key=True)
    skill_id: int = Field(foreign_key="skill.id", ondelete="CASCADE", index=True)
    assessed_on: date
    current_level: int
    target_level: int | None = None
    source: str = "goals"  # goals / review / reflection / import
    note: str = ""


class Goal(SQLModel, table=True):
    """A SMART goal on the career or personal track; with a parent it is a milestone."""

    __table_args__ = (Index("ix_goal_plan_status", "plan_id", "status"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE")
    parent_id: int | None = Field(
        default=None, foreign_key="goal.id", ondelete="CASCADE", index=True
    )
    milestone_scale: str | None = None  # MilestoneScale, for milestones
    track: str = "career"  # Track
    title: str = ""  # the specific statement
    metric: str = ""
    baseline: float | None = None
    target: float | None = None
    unit: str = ""
    current_value: float | None = None
    why_achievable: str = ""
    obstacles: str = ""
    resources: str = ""
    why_relevant: str = ""
    due: date | None = None
    status: str = "active"  # GoalStatus
    status_note: str = ""  # what was learned (pivot), why (dropped)
    position: int = 0
    created_at: datetime = CreatedAt()
    updated_at: datetime = CreatedAt()


class GoalStatusChange(SQLModel, table=True):
    """Every status change of a goal, for the history timeline (a pivot is celebrated there)."""

    __tablename__ = "goal_status_change"
    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", ondelete="CASCADE", index=True)
    from_status: str
    to_status: str
    note: str = ""
    next_goal_id: int | None = Field(default=None, foreign_key="goal.id", ondelete="SET NULL")
    changed_at: datetime = CreatedAt()


class FocusPoint(SQLModel, table=True):
    __tablename__ = "focus_point"
    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", ondelete="CASCADE", index=True)
    title: str
    position: int = 0
    created_at: datetime = CreatedAt()


class Supporter(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    name: str
    role: str = "mentor"  # SupporterRole
    helps_with: str = ""
    archived: bool = False
    created_at: datetime = CreatedAt()


class Action(SQLModel, table=True):
    """A step the person takes: one-off (with `due`) or recurring (with an RFC 5545 `rrule`).

    The schedule is `rrule` (e.g. ``FREQ=WEEKLY;BYDAY=TU,TH``) counted from `starts_on` up to
    `ends_on`; occurrences are computed from it, never from when the last one was ticked.
    """

    __table_args__ = (Index("ix_action_goal_status", "goal_id", "status"),)
    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", ondelete="CASCADE")
    focus_point_id: int | None = Field(
        default=None, foreign_key="focus_point.id", ondelete="SET NULL", index=True
    )
    title: str
    kind: str = "once"  # ActionKind
    due: date | None = None  # one-off actions
    rrule: str = ""  # recurring actions
    starts_on: date | None = None
    ends_on: date | None = None
    planned_minutes: int | None = None  # per occurrence
    direction: str | None = None  # Direction chosen by the user; None = let the coach guess
    supporter_id: int | None = Field(default=None, foreign_key="supporter.id", ondelete="SET NULL")
    status: str = "active"  # ActionStatus
    position: int = 0
    created_at: datetime = CreatedAt()
    updated_at: datetime = CreatedAt()


class LogEntry(SQLModel, table=True):
    """One occurrence of an action, done or skipped. An occurrence is logged at most once."""

    __tablename__ = "log_entry"
    __table_args__ = (
        UniqueConstraint("action_id", "occurrence_on"),
        Index("ix_log_entry_logged_on", "logged_on"),
    )
    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="action.id", ondelete="CASCADE")
    occurrence_on: date  # the scheduled day this entry answers
    logged_on: date  # the day it was actually done or skipped
    status: str = "done"  # LogStatus
    minutes: int | None = None
    note: str = ""
    created_at: datetime = CreatedAt()


class Win(SQLModel, table=True):
    """The brag sheet: something that went well and is worth remembering at a review."""

    __table_args__ = (Index("ix_win_plan_on", "plan_id", "happened_on"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE")
    goal_id: int | None = Field(
        default=None, foreign_key="goal.id", ondelete="SET NULL", index=True
    )
    happened_on: date
    title: str
    impact: str = ""
    impact_value: float | None = None
    noticed_by: str = ""
    created_at: datetime = CreatedAt()


class Feedback(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    received_on: date
    from_whom: str = ""
    text: str = ""
    kind: str = "strength"  # FeedbackKind
    created_at: datetime = CreatedAt()


class CheckIn(SQLModel, table=True):
    """A check-in or review. Its answers are saved as typed; `finished_at` marks it complete."""

    __tablename__ = "check_in"
    __table_args__ = (Index("ix_check_in_plan_on", "plan_id", "held_on"),)
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE")
    kind: str = "weekly"  # CheckInKind
    held_on: date
    next_on: date | None = None  # the next date agreed at the end of this one
    summary: str = ""  # Markdown summary made when it was finished
    started_at: datetime = CreatedAt()
    finished_at: datetime | None = OptionalAt()


class CheckInAnswer(SQLModel, table=True):
    __tablename__ = "check_in_answer"
    __table_args__ = (UniqueConstraint("check_in_id", "question_key"),)
    id: int | None = Field(default=None, primary_key=True)
    check_in_id: int = Field(foreign_key="check_in.id", ondelete="CASCADE", index=True)
    question_key: str
    text: str = ""
    updated_at: datetime = CreatedAt()


class GoalReview(SQLModel, table=True):
    """A goal's status at one check-in: health, metric value and confidence."""

    __tablename__ = "goal_review"
    __table_args__ = (UniqueConstraint("check_in_id", "goal_id"),)
    id: int | None = Field(default=None, primary_key=True)
    check_in_id: int = Field(foreign_key="check_in.id", ondelete="CASCADE", index=True)
    goal_id: int = Field(foreign_key="goal.id", ondelete="CASCADE", index=True)
    health: str = "on track"  # GoalHealth
    metric_value: float | None = None
    confidence: int | None = None  # 1..5
    note: str = ""


# Link tables ---------------------------------------------------------------------------------


class GoalSkill(SQLModel, table=True):
    __tablename__ = "goal_skill"
    goal_id: int = Field(foreign_key="goal.id", ondelete="CASCADE", primary_key=True)
    skill_id: int = Field(foreign_key="skill.id", ondelete="CASCADE", primary_key=True, index=True)


class GoalSupporter(SQLModel, table=True):
    __tablename__ = "goal_supporter"
    goal_id: int = Field(foreign_key="goal.id", ondelete="CASCADE", primary_key=True)
    supporter_id: int = Field(
        foreign_key="supporter.id", ondelete="CASCADE", primary_key=True, index=True
    )


class WinSkill(SQLModel, table=True):
    __tablename__ = "win_skill"
    win_id: int = Field(foreign_key="win.id", ondelete="CASCADE", primary_key=True)
    skill_id: int = Field(foreign_key="skill.id", ondelete="CASCADE", primary_key=True, index=True)


class FeedbackSkill(SQLModel, table=True):
    __tablename__ = "feedback_skill"
    feedback_id: int = Field(foreign_key="feedback.id", ondelete="CASCADE", primary_key=True)
    skill_id: int = Field(foreign_key="skill.id", ondelete="CASCADE", primary_key=True, index=True)


class CoachDismissal(SQLModel, table=True):
    """A coach finding the person has seen and accepted ("I know, and that's fine")."""

    __tablename__ = "coach_dismissal"
    __table_args__ = (UniqueConstraint("rule_id", "subject_kind", "subject_id"),)
    id: int | None = Field(default=None, primary_key=True)
    rule_id: str
    subject_kind: str  # goal / action / plan
    subject_id: int | None = None
    dismissed_at: datetime = CreatedAt()


ALL_TABLES: list[type[SQLModel]] = [
    Plan,
    NorthStarVersion,
    ReflectionSession,
    ReflectionAnswer,
    Skill,
    SkillAssessment,
    Goal,
    GoalStatusChange,
    FocusPoint,
    Supporter,
    Action,
    LogEntry,
    Win,
    Feedback,
    CheckIn,
    CheckInAnswer,
    GoalReview,
    GoalSkill,
    GoalSupporter,
    WinSkill,
    FeedbackSkill,
    CoachDismissal,
]
