"""The vocabularies (status, track, role…) stored as plain strings, and `utcnow`.

No SQLAlchemy here: `growth status` and the pure domain modules import this and must start
fast; the column type `UTCDateTime` lives in `columns.py`.

Values are kept as short lowercase strings rather than SQL enums so that adding a value never
needs a table rebuild, and the same schema works on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum


def utcnow() -> datetime:
    return datetime.now(UTC)


class Track(StrEnum):
    CAREER = "career"
    PERSONAL = "personal"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    PIVOTED = "pivoted"
    PAUSED = "paused"
    DROPPED = "dropped"


class MilestoneScale(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


class ActionKind(StrEnum):
    ONCE = "once"
    RECURRING = "recurring"


class ActionStatus(StrEnum):
    ACTIVE = "active"
    DONE = "done"  # a one-off that was done, or a recurring action that was finished
    DROPPED = "dropped"


class Direction(StrEnum):
    """What an action works on; the coach uses it to see a plan pulling one way."""

    LEADERSHIP = "leadership"
    TECHNICAL = "technical depth"
    VISIBILITY = "visibility"
    RELATIONSHIPS = "relationships"
    LEARNING = "learning"
    DELIVERY = "delivery"
    WELLBEING = "well-being"


class LogStatus(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"


class SupporterRole(StrEnum):
    MENTOR = "mentor"
    COACH = "coach"
    PEER = "peer"
    MANAGER = "manager"
    PARTNER = "accountability partner"


class SkillKind(StrEnum):
    HARD = "hard"
    SOFT = "soft"
    TRANSFERABLE = "transferable"


class FeedbackKind(StrEnum):
    STRENGTH = "strength"
    GROWTH = "growth area"


class CheckInKind(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"


class GoalHealth(StrEnum):
    ON_TRACK = "on track"
    AT_RISK = "at risk"
    OFF_TRACK = "off track"
