"""The JSON backup format: every table, versioned, validated with pydantic.

A backup is one JSON object::

    {"format": "growth_tui-backup", "version": 1, "schema_version": 2,
     "exported_at": "2026-11-22T10:00:00+00:00", "app_version": "0.1.0",
     "plans": [...], "goals": [...], "actions": [...], ...}

with one list per table (the names below), each row carrying every column. Validation is
strict (a number in quotes is an error, not a guess) and unknown fields are refused, so a file
that was edited by hand or cut short fails loudly before anything is written. Errors come back
as sentences with the field path: ``goals[3].due: invalid date '2025-02-30'``.

The models here describe version 1 of the format; a test compares them with the tables, so a
schema change cannot silently leave a column out of backups.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, ValidationError

from growth_tui.store.types import (
    ActionKind,
    ActionStatus,
    CheckInKind,
    Direction,
    FeedbackKind,
    GoalHealth,
    GoalStatus,
    LogStatus,
    MilestoneScale,
    SkillKind,
    SupporterRole,
    Track,
)

FORMAT_NAME = "growth_tui-backup"
FORMAT_VERSION = 1


class BackupFormatError(ValueError):
    """A backup file that cannot be restored; `problems` lists what is wrong, one per line."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []

    def __str__(self) -> str:
        if not self.problems:
            return self.args[0]
        return "\n".join([self.args[0], *(f"  {p}" for p in self.problems)])


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class PlanRow(_Row):
    id: int
    north_star: str
    weekly_budget_minutes: int | None
    checkin_cadence: CheckInKind
    next_checkin_on: date | None
    next_quarterly_on: date | None
    next_annual_on: date | None
    created_at: AwareDatetime
    updated_at: AwareDatetime


class NorthStarVersionRow(_Row):
    id: int
    plan_id: int
    text: str
    source: str
    set_at: AwareDatetime


class ReflectionSessionRow(_Row):
    id: int
    plan_id: int
    prompt_sets: str
    current_step: int
    summary: str
    started_at: AwareDatetime
    updated_at: AwareDatetime
    finished_at: AwareDatetime | None


class ReflectionAnswerRow(_Row):
    id: int
    session_id: int
    prompt_key: str
    position: int
    text: str
    rank: int | None
    updated_at: AwareDatetime


class SkillRow(_Row):
    id: int
    plan_id: int
    name: str
    kind: SkillKind
    current_level: int | None
    target_level: int | None
    archived: bool
    created_at: AwareDatetime


class SkillAssessmentRow(_Row):
    id: int
    skill_id: int
    assessed_on: date
    current_level: int
    target_level: int | None
    source: str
    note: str


class GoalRow(_Row):
    id: int
    plan_id: int
    parent_id: int | None
    milestone_scale: MilestoneScale | None
    track: Track
    title: str
    metric: str
    baseline: float | None
    target: float | None
    unit: str
    current_value: float | None
    why_achievable: str
    obstacles: str
    resources: str
    why_relevant: str
    due: date | None
    status: GoalStatus
    status_note: str
    position: int
    created_at: AwareDatetime
    updated_at: AwareDatetime


class GoalStatusChangeRow(_Row):
    id: int
    goal_id: int
    from_status: str
    to_status: str
    note: str
    next_goal_id: int | None
    changed_at: AwareDatetime


class FocusPointRow(_Row):
    id: int
    goal_id: int
    title: str
    position: int
    created_at: AwareDatetime


class SupporterRow(_Row):
    id: int
    plan_id: int
    name: str
    role: SupporterRole
    helps_with: str
    archived: bool
    created_at: AwareDatetime


class ActionRow(_Row):
    id: int
    goal_id: int
    focus_point_id: int | None
    title: str
    kind: ActionKind
    due: date | None
    rrule: str
    starts_on: date | None
    ends_on: date | None
    planned_minutes: int | None
    direction: Direction | None
    supporter_id: int | None
    status: ActionStatus
    position: int
    created_at: AwareDatetime
    updated_at: AwareDatetime


class LogEntryRow(_Row):
    id: int
    action_id: int
    occurrence_on: date
    logged_on: date
    status: LogStatus
    minutes: int | None
    note: str
    created_at: AwareDatetime


class WinRow(_Row):
    id: int
    plan_id: int
    goal_id: int | None
    happened_on: date
    title: str
    impact: str
    impact_value: float | None
    noticed_by: str
    created_at: AwareDatetime


class FeedbackRow(_Row):
    id: int
    plan_id: int
    received_on: date
    from_whom: str
    text: str
    kind: FeedbackKind
    created_at: AwareDatetime


class CheckInRow(_Row):
    id: int
    plan_id: int
    kind: CheckInKind
    held_on: date
    next_on: date | None
    summary: str
    started_at: AwareDatetime
    finished_at: AwareDatetime | None


class CheckInAnswerRow(_Row):
    id: int
    check_in_id: int
    question_key: str
    text: str
    updated_at: AwareDatetime


class GoalReviewRow(_Row):
    id: int
    check_in_id: int
    goal_id: int
    health: GoalHealth
    metric_value: float | None
    confidence: int | None
    note: str


class GoalSkillRow(_Row):
    goal_id: int
    skill_id: int


class GoalSupporterRow(_Row):
    goal_id: int
    supporter_id: int


class WinSkillRow(_Row):
    win_id: int
    skill_id: int


class FeedbackSkillRow(_Row):
    feedback_id: int
    skill_id: int


class CoachDismissalRow(_Row):
    id: int
    rule_id: str
    subject_kind: str
    subject_id: int | None
    dismissed_at: AwareDatetime


class Backup(_Row):
    """The whole file. Lists are in the order rows must be inserted (parents first)."""

    format: Literal["growth_tui-backup"]
    version: Literal[1]
    schema_version: int
    exported_at: AwareDatetime
    app_version: str
    plans: list[PlanRow]
    north_star_versions: list[NorthStarVersionRow]
    reflection_sessions: list[ReflectionSessionRow]
    reflection_answers: list[ReflectionAnswerRow]
    skills: list[SkillRow]
    skill_assessments: list[SkillAssessmentRow]
    goals: list[GoalRow]
    goal_status_changes: list[GoalStatusChangeRow]
    focus_points: list[FocusPointRow]
    supporters: list[SupporterRow]
    actions: list[ActionRow]
    log_entries: list[LogEntryRow]
    wins: list[WinRow]
    feedback: list[FeedbackRow]
    check_ins: list[CheckInRow]
    check_in_answers: list[CheckInAnswerRow]
    goal_reviews: list[GoalReviewRow]
    goal_skills: list[GoalSkillRow]
    goal_supporters: list[GoalSupporterRow]
    win_skills: list[WinSkillRow]
    feedback_skills: list[FeedbackSkillRow]
    coach_dismissals: list[CoachDismissalRow]


#: collection name in the file -> its row model, in insertion order.
COLLECTIONS: dict[str, type[_Row]] = {
    name: Backup.model_fields[name].annotation.__args__[0]  # type: ignore[union-attr]
    for name in Backup.model_fields
    if name not in ("format", "version", "schema_version", "exported_at", "app_version")
}

MAX_LISTED_PROBLEMS = 20


def error_path(loc: tuple[int | str, ...]) -> str:
    """``("goals", 3, "due")`` -> ``goals[3].due``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(the file)"


def _shown(value: object) -> str:
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:40] + "…"
        return f"'{short}'"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


_REASONS = {
    "missing": "missing",
    "extra_forbidden": "unknown field",
    "date_parsing": "invalid date {input}",
    "date_from_datetime_parsing": "invalid date {input}",
    "date_from_datetime_inexact": "invalid date {input}",
    "date_type": "expected a date (YYYY-MM-DD), got {input}",
    "datetime_parsing": "invalid date and time {input}",
    "datetime_from_date_parsing": "invalid date and time {input}",
    "datetime_type": "expected a date and time, got {input}",
    "timezone_aware": "date and time {input} needs a time zone (e.g. +00:00)",
    "int_type": "expected a whole number, got {input}",
    "int_parsing": "expected a whole number, got {input}",
    "int_from_float": "expected a whole number, got {input}",
    "float_type": "expected a number, got {input}",
    "float_parsing": "expected a number, got {input}",
    "string_type": "expected text, got {input}",
    "bool_type": "expected true or false, got {input}",
    "list_type": "expected a list, got {input}",
    "model_type": "expected an object, got {input}",
    "dict_type": "expected an object, got {input}",
    "model_attributes_type": "expected an object, got {input}",
}


def describe_validation_error(error: ValidationError) -> list[str]:
    """One ``path: reason`` line per problem, in file order."""
    lines = []
    for item in error.errors(include_url=False):
        template = _REASONS.get(item["type"])
        if template is None:
            reason = item["msg"]
            if item["type"] == "enum":
                reason = f"{_shown(item['input'])} is not allowed; {item['msg'][0].lower()}"
                reason += item["msg"][1:]
        else:
            reason = template.format(input=_shown(item.get("input")))
        lines.append(f"{error_path(item['loc'])}: {reason}")
    return lines


def parse_backup(text: str) -> Backup:
    """Validate a backup file's text; `BackupFormatError` with every problem if it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BackupFormatError(
            f"The file is not valid JSON (it may be cut short): {error.msg} at line "
            f"{error.lineno}, column {error.colno}."
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise BackupFormatError(
            f"This JSON is not a growth backup (its \"format\" is not '{FORMAT_NAME}')."
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BackupFormatError(f'The backup has no readable "version" (found {_shown(version)}).')
    if version != FORMAT_VERSION:
        newer = "a newer" if version > FORMAT_VERSION else "an unknown"
        raise BackupFormatError(
            f"The backup is format version {version}, from {newer} growth; this growth reads "
            f"version {FORMAT_VERSION}. Update growth to restore it."
        )
    try:
        return Backup.model_validate_json(text)
    except ValidationError as error:
        problems = describe_validation_error(error)
        count = len(problems)
        shown = problems[:MAX_LISTED_PROBLEMS]
        if count > MAX_LISTED_PROBLEMS:
            shown.append(f"… and {count - MAX_LISTED_PROBLEMS} more")
        noun = "problem" if count == 1 else "problems"
        raise BackupFormatError(
            f"The backup has {count} {noun}; nothing was restored:", shown
        ) from None
