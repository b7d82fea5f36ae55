"""Data in and out: JSON backup and restore, the Markdown plan, iCalendar, backup copies.

Every way in is all-or-nothing: a restore or a plan import is one transaction, and the input
is read, size-checked and validated completely before the database is touched, so a bad file
leaves the database exactly as it was. Problems surface as `TransferError`, whose text is meant
for the person (the CLI prints it and exits 2; the app shows it in a notification).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from growth_tui import __version__
from growth_tui.domain import plan_markdown as pm
from growth_tui.domain.backup_format import (
    COLLECTIONS,
    FORMAT_NAME,
    FORMAT_VERSION,
    Backup,
    BackupFormatError,
    parse_backup,
)
from growth_tui.store import migrations, sqlite
from growth_tui.store.engine import Store, backup_name, default_backup_dir
from growth_tui.store.models import (
    Action,
    CheckIn,
    CheckInAnswer,
    CoachDismissal,
    Feedback,
    FeedbackSkill,
    FocusPoint,
    Goal,
    GoalReview,
    GoalSkill,
    GoalStatusChange,
    GoalSupporter,
    LogEntry,
    NorthStarVersion,
    Plan,
    ReflectionAnswer,
    ReflectionSession,
    Skill,
    SkillAssessment,
    Supporter,
    Win,
    WinSkill,
)
from growth_tui.store.types import ActionKind, ActionStatus, GoalStatus, utcnow

#: the biggest file `growth import` reads: a ten-year backup is a few MB.
MAX_JSON_BYTES = 32 * 1024 * 1024
MAX_TEXT_BYTES = 2 * 1024 * 1024
#: automatic backups (before a migration or a `--replace` restore) kept per database.
KEEP_BACKUPS = 10

#: file collection -> table, in insertion order (parents before children).
TABLES: dict[str, type[SQLModel]] = {
    "plans": Plan,
    "north_star_versions": NorthStarVersion,
    "reflection_sessions": ReflectionSession,
    "reflection_answers": ReflectionAnswer,
    "skills": Skill,
    "skill_assessments": SkillAssessment,
    "goals": Goal,
    "goal_status_changes": GoalStatusChange,
    "focus_points": FocusPoint,
    "supporters": Supporter,
    "actions": Action,
    "log_entries": LogEntry,
    "wins": Win,
    "feedback": Feedback,
    "check_ins": CheckIn,
    "check_in_answers": CheckInAnswer,
    "goal_reviews": GoalReview,
    "goal_skills": GoalSkill,
    "goal_supporters": GoalSupporter,
    "win_skills": WinSkill,
    "feedback_skills": FeedbackSkill,
    "coach_dismissals": CoachDismissal,
}
assert list(TABLES) == list(COLLECTIONS), "backup format and tables out of step"


class TransferError(Exception):
    """An export, import or backup that cannot be done, worded for the person."""


# Reading an import file ----------------------------------------------------------------------


@dataclass(frozen=True)
class ImportFile:
    path: Path
    kind: str  # "json" | "markdown"
    text: str


def load_import_file(path: Path | str) -> ImportFile:
    """Read a file to import, deciding JSON or Markdown by its content, not its name.

    Refuses, before reading it all, anything too big to be a plan or a backup, and anything
    that is not UTF-8 text.
    """
    path = Path(path).expanduser()
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise TransferError(f"{path} is not a regular file (a device or a pipe).")
            size = info.st_size
            if size > MAX_JSON_BYTES:
                raise TransferError(_too_big(path, size))
            raw = handle.read(MAX_JSON_BYTES + 1)
    except FileNotFoundError:
        raise TransferError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise TransferError(f"{path} is a folder, not a file.") from None
    except PermissionError:
        raise TransferError(f"Cannot read {path}: permission denied.") from None
    except OSError as error:
        raise TransferError(f"Cannot read {path}: {error.strerror}.") from None
    if len(raw) > MAX_JSON_BYTES:
        raise TransferError(_too_big(path, len(raw)))
    if raw.startswith(sqlite.SQLITE_HEADER):
        raise TransferError(
            f"{path} is an SQLite database, not an export. To use it, open it with "
            f"`growth --db {path}`."
        )
    if b"\x00" in raw[:65536]:
        raise TransferError(f"{path} is a binary file, not a plan or a backup.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TransferError(
            f"{path} is not UTF-8 text (byte {error.start} cannot be read); "
            "save it as UTF-8 and try again."
        ) from None
    if text.lstrip().startswith("{"):
        return ImportFile(path, "json", text)
    if len(raw) > MAX_TEXT_BYTES:
        raise TransferError(_too_big(path, len(raw), MAX_TEXT_BYTES, "a plan document"))
    return ImportFile(path, "markdown", text)


def _too_big(path: Path, size: int, limit: int = MAX_JSON_BYTES, what: str = "a backup") -> str:
    return (
        f"{path} is {size / 1_048_576:.1f} MB; {what} is at most "
        f"{limit / 1_048_576:.0f} MB, so this is not one. Nothing was imported."
    )


# JSON backup ---------------------------------------------------------------------------------


def _rows(session, table: type[SQLModel]) -> list[dict]:
    t = table.__table__
    order = list(t.primary_key.columns)
    return [dict(row) for row in session.execute(select(t).order_by(*order)).mappings()]


def _json_default(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def export_backup(store: Store, *, now: datetime | None = None) -> str:
    """Every row of every table as a versioned JSON document (read in one transaction)."""
    data: dict[str, object] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "schema_version": migrations.CURRENT_VERSION,
        "exported_at": (now or utcnow()).astimezone(UTC).isoformat(),
        "app_version": __version__,
    }
    with store.read() as session:
        for name, table in TABLES.items():
            data[name] = _rows(session, table)
    return json.dumps(data, default=_json_default, ensure_ascii=False, indent=1) + "\n"


def _link_problems(backup: Backup) -> list[str]:
    """Duplicate ids and links to rows that are not in the file, as ``path: reason``."""
    problems: list[str] = []
    ids: dict[str, set] = {}
    table_to_collection = {table.__tablename__: name for name, table in TABLES.items()}
    for name, table in TABLES.items():
        rows = getattr(backup, name)
        keys = [c.name for c in table.__table__.primary_key.columns]
        seen: set = set()
        for index, row in enumerate(rows):
            key = tuple(getattr(row, k) for k in keys)
            if key in seen:
                problems.append(f"{name}[{index}]: the same row appears twice ({key})")
            seen.add(key)
        if keys == ["id"]:
            ids[name] = {k[0] for k in seen}
    for name, table in TABLES.items():
        links = [
            (
                column.name,
                table_to_collection[next(iter(column.foreign_keys)).column.table.name],
            )
            for column in table.__table__.columns
            if column.foreign_keys
        ]
        for index, row in enumerate(getattr(backup, name)):
            for field, target in links:
                value = getattr(row, field)
                if value is not None and value not in ids[target]:
                    problems.append(
                        f"{name}[{index}].{field}: points to {target} id {value}, "
                        "which is not in the file"
                    )
    return problems


def validate_backup(text: str) -> Backup:
    """Parse and check a backup completely; `TransferError` lists every problem found."""
    try:
        backup = parse_backup(text)
    except BackupFormatError as error:
        raise TransferError(str(error)) from None
    problems = _link_problems(backup)
    if problems:
        count = len(problems)
        shown = problems[:20] + ([f"… and {count - 20} more"] if count > 20 else [])
        raise TransferError(
            "\n".join(
                [f"The backup has {count} broken links; nothing was restored:"]
                + [f"  {p}" for p in shown]
            )
        )
    return backup


def is_empty(store: Store) -> bool:
    """True when nothing was ever written except, perhaps, a blank plan."""
    with store.read() as session:
        for name, table in TABLES.items():
            t = table.__table__
            if name == "plans":
                filled = session.execute(
                    select(func.count()).select_from(t).where(t.c.north_star != "")
                ).scalar()
            else:
                filled = session.execute(select(func.count()).select_from(t)).scalar()
            if filled:
                return False
    return True


@dataclass(frozen=True)
class RestoreResult:
    counts: dict[str, int]
    safety_copy: Path | None  # the automatic backup taken before `--replace`


def restore_backup(
    store: Store,
    backup: Backup,
    *,
    replace: bool = False,
    backup_dir: Path | None = None,
) -> RestoreResult:
    """Put every row of `backup` into the database in one transaction.

    Refuses a database that already holds a plan unless `replace`; then an automatic backup
    copy is taken first and the old rows are deleted in the same transaction as the new ones
    are written, so a failure leaves the old data in place.
    """
    if not is_empty(store) and not replace:
        where = f" ({store.path})" if store.path else ""
        raise TransferError(
            f"The database{where} already holds a plan; restoring would mix two plans. "
            "Use --replace to replace it (a backup copy is taken first), or choose another "
            "database with --db."
        )
    safety = None
    if replace and store.path is not None:
        safety = take_backup(store.path, "before-restore", backup_dir=backup_dir)
    counts = {}
    current = ""
    try:
        with store.write() as session:
            connection = session.connection()
            # Check links when the transaction commits, not row by row (goals point to goals).
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            for table in reversed(TABLES.values()):
                connection.execute(delete(table.__table__))
            for name, table in TABLES.items():
                current = name
                rows = [row.model_dump() for row in getattr(backup, name)]
                counts[name] = len(rows)
                if rows:
                    connection.execute(insert(table.__table__), rows)
            current = ""
    except IntegrityError as error:
        reason = str(error.orig) if error.orig is not None else str(error)
        where = f" in {current}" if current else ""
        raise TransferError(
            f"The backup breaks a rule of the database{where} ({reason}); nothing was restored."
        ) from None
    return RestoreResult(counts, safety)


# The Markdown plan ---------------------------------------------------------------------------


def _describe_rule(rule: str) -> str:
    from growth_tui.domain import recurrence

    try:
        return recurrence.describe(rule)
    except ValueError:
        return ""


def _action_doc(action: Action) -> pm.ActionDoc:
    return pm.ActionDoc(
        title=action.title,
        cadence=_describe_rule(action.rrule) if action.rrule else "",
        rrule=action.rrule,
        starts_on=action.starts_on,
        ends_on=action.ends_on,
        due=action.due,
        minutes=action.planned_minutes,
        status=action.status,
    )


def plan_document(store: Store, plan_id: int) -> pm.PlanDocument:
    """The plan as a `PlanDocument`: north star, active goals, supporters, latest check-in."""
    with store.read() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise TransferError(f"There is no plan {plan_id} in this database.")
        goals = (
            session.execute(
                select(Goal)
                .where(Goal.plan_id == plan_id, Goal.parent_id.is_(None))
                .where(Goal.status == GoalStatus.ACTIVE)
                .order_by(Goal.position, Goal.id)
            )
            .scalars()
            .all()
        )
        goal_ids = [g.id for g in goals]
        focus = (
            session.execute(
                select(FocusPoint)
                .where(FocusPoint.goal_id.in_(goal_ids))
                .order_by(FocusPoint.position, FocusPoint.id)
            )
            .scalars()
            .all()
        )
        actions = (
            session.execute(
                select(Action)
                .where(Action.goal_id.in_(goal_ids), Action.status != ActionStatus.DROPPED)
                .order_by(Action.position, Action.id)
            )
            .scalars()
            .all()
        )
        milestones = (
            session.execute(
                select(Goal)
                .where(Goal.parent_id.in_(goal_ids), Goal.status != GoalStatus.DROPPED)
                .order_by(Goal.position, Goal.id)
            )
            .scalars()
            .all()
        )
        supporters = (
            session.execute(
                select(Supporter)
                .where(Supporter.plan_id == plan_id, Supporter.archived.is_(False))
                .order_by(Supporter.id)
            )
            .scalars()
            .all()
        )
        checkin = (
            session.execute(
                select(CheckIn)
                .where(CheckIn.plan_id == plan_id, CheckIn.finished_at.is_not(None))
                .order_by(CheckIn.held_on.desc(), CheckIn.id.desc())
                .limit(1)
            )
            .scalars()
            .first()
        )

    focus_by_goal: dict[int, list[FocusPoint]] = defaultdict(list)
    for point in focus:
        focus_by_goal[point.goal_id].append(point)
    actions_by_focus: dict[int | None, list[Action]] = defaultdict(list)
    loose_by_goal: dict[int, list[Action]] = defaultdict(list)
    focus_ids = {point.id for point in focus}
    for action in actions:
        if action.focus_point_id in focus_ids:
            actions_by_focus[action.focus_point_id].append(action)
        else:
            loose_by_goal[action.goal_id].append(action)
    milestones_by_goal: dict[int, list[Goal]] = defaultdict(list)
    for milestone in milestones:
        milestones_by_goal[milestone.parent_id].append(milestone)

    doc = pm.PlanDocument(north_star=plan.north_star)
    for goal in goals:
        doc.goals.append(
            pm.GoalDoc(
                title=goal.title,
                track=goal.track,
                due=goal.due,
                metric=goal.metric,
                baseline=goal.baseline,
                target=goal.target,
                unit=goal.unit,
                current_value=goal.current_value,
                why_achievable=goal.why_achievable,
                obstacles=goal.obstacles,
                resources=goal.resources,
                why_relevant=goal.why_relevant,
                focus_points=[
                    pm.FocusPointDoc(p.title, [_action_doc(a) for a in actions_by_focus[p.id]])
                    for p in focus_by_goal[goal.id]
                ],
                actions=[_action_doc(a) for a in loose_by_goal[goal.id]],
                milestones=[
                    pm.MilestoneDoc(m.title, m.milestone_scale, m.due, m.status)
                    for m in milestones_by_goal[goal.id]
                ],
            )
        )
    doc.supporters = [pm.SupporterDoc(s.name, s.role, s.helps_with) for s in supporters]
    if checkin is not None:
        doc.latest_checkin = pm.CheckInDoc(
            checkin.kind, checkin.held_on, checkin.next_on, checkin.summary
        )
    return doc


def export_markdown(store: Store, plan_id: int) -> str:
    return pm.render_markdown(plan_document(store, plan_id))


def import_notices(store: Store, plan_id: int, doc: pm.PlanDocument) -> list[str]:
    """What an import would change beyond adding: said in the preview, before anything."""
    notices = []
    with store.read() as session:
        plan = session.get(Plan, plan_id)
        current = plan.north_star if plan is not None else ""
    new = pm.clean_text(doc.north_star)
    if new and current and new != current:
        notices.append("The new north star replaces the current one (which stays in its history).")
    return notices


@dataclass(frozen=True)
class PlanImportResult:
    goals: int
    focus_points: int
    actions: int
    recurring: int
    milestones: int
    supporters: int
    north_star_changed: bool


def import_plan(
    store: Store, plan_id: int, doc: pm.PlanDocument, *, today: date
) -> PlanImportResult:
    """Add a parsed plan to the database in one transaction (goals are added, not merged).

    A new north star replaces the old one, which stays in the north star history. Recurring
    actions without a start date start `today`.
    """
    counts = defaultdict(int)
    changed = False
    with store.write() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise TransferError(f"There is no plan {plan_id} in this database.")
        now = utcnow()
        north_star = pm.clean_text(doc.north_star)
        if north_star and north_star != plan.north_star:
            plan.north_star = north_star
            plan.updated_at = now
            session.add(NorthStarVersion(plan_id=plan_id, text=north_star, source="import"))
            changed = True
        position = session.execute(
            select(func.max(Goal.position)).where(Goal.plan_id == plan_id)
        ).scalar()
        position = -1 if position is None else position
        for goal_doc in doc.goals:
            position += 1
            goal = Goal(
                plan_id=plan_id,
                track=goal_doc.track,
                title=goal_doc.title,
                metric=goal_doc.metric,
                baseline=goal_doc.baseline,
                target=goal_doc.target,
                unit=goal_doc.unit,
                current_value=goal_doc.current_value,
                why_achievable=goal_doc.why_achievable,
                obstacles=goal_doc.obstacles,
                resources=goal_doc.resources,
                why_relevant=goal_doc.why_relevant,
                due=goal_doc.due,
                position=position,
            )
            session.add(goal)
            session.flush()
            counts["goals"] += 1
            action_position = 0

            def add_action(action: pm.ActionDoc, focus_id: int | None, goal: Goal = goal) -> None:
                nonlocal action_position
                recurring = bool(action.rrule)
                session.add(
                    Action(
                        goal_id=goal.id,
                        focus_point_id=focus_id,
                        title=action.title,
                        kind=ActionKind.RECURRING if recurring else ActionKind.ONCE,
                        due=action.due,
                        rrule=action.rrule,
                        starts_on=action.starts_on or (today if recurring else None),
                        ends_on=action.ends_on,
                        planned_minutes=action.minutes,
                        status=action.status,
                        position=action_position,
                    )
                )
                action_position += 1
                counts["actions"] += 1
                counts["recurring"] += recurring

            for index, focus_doc in enumerate(goal_doc.focus_points):
                point = FocusPoint(goal_id=goal.id, title=focus_doc.title, position=index)
                session.add(point)
                session.flush()
                counts["focus_points"] += 1
                for action in focus_doc.actions:
                    add_action(action, point.id)
            for action in goal_doc.actions:
                add_action(action, None)
            for index, milestone in enumerate(goal_doc.milestones):
                session.add(
                    Goal(
                        plan_id=plan_id,
                        parent_id=goal.id,
                        milestone_scale=milestone.scale,
                        track=goal_doc.track,
                        title=milestone.title,
                        due=milestone.due,
                        status=milestone.status,
                        position=index,
                    )
                )
                counts["milestones"] += 1
        known = set(
            session.execute(
                select(Supporter.name).where(
                    Supporter.plan_id == plan_id, Supporter.archived.is_(False)
                )
            ).scalars()
        )
        for supporter in doc.supporters:
            if supporter.name in known:
                continue
            known.add(supporter.name)
            session.add(
                Supporter(
                    plan_id=plan_id,
                    name=supporter.name,
                    role=supporter.role,
                    helps_with=supporter.helps_with,
                )
            )
            counts["supporters"] += 1
        checkin = doc.latest_checkin
        if checkin is not None:
            same = session.execute(
                select(func.count())
                .select_from(CheckIn)
                .where(
                    CheckIn.plan_id == plan_id,
                    CheckIn.kind == checkin.kind,
                    CheckIn.held_on == checkin.held_on,
                )
            ).scalar()
            if not same:
                session.add(
                    CheckIn(
                        plan_id=plan_id,
                        kind=checkin.kind,
                        held_on=checkin.held_on,
                        next_on=checkin.next_on,
                        summary=checkin.summary,
                        finished_at=now,
                    )
                )
                if plan.next_checkin_on is None and checkin.next_on is not None:
                    plan.next_checkin_on = checkin.next_on
    return PlanImportResult(
        goals=counts["goals"],
        focus_points=counts["focus_points"],
        actions=counts["actions"],
        recurring=counts["recurring"],
        milestones=counts["milestones"],
        supporters=counts["supporters"],
        north_star_changed=changed,
    )


# iCalendar -----------------------------------------------------------------------------------

_CHECKIN_RULES = {
    "weekly": "FREQ=WEEKLY",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "annual": "FREQ=YEARLY",
}


def _first_occurrence(rule: str, starts_on: date, ends_on: date | None) -> date | None:
    """The first day the rule really falls on, by the app's own schedule (DTSTART always
    counts as an occurrence in iCalendar, so it must be one)."""
    from growth_tui.domain import recurrence

    try:
        return recurrence.next_occurrence(rule, starts_on, ends_on, starts_on - timedelta(days=1))
    except ValueError:
        return None


def _calendar_rule(rule: str, starts_on: date, ends_on: date | None) -> str:
    """The rule as a calendar must read it to give the app's days.

    The app reads "monthly on the 31st" as the last day of shorter months, where RFC 5545
    skips those months, so such a day becomes ``BYMONTHDAY=28,29,30,31;BYSETPOS=-1``. Every
    other week counts weeks from Monday (``WKST=MO``), and the end date becomes ``UNTIL``.
    """
    fields: dict[str, str] = {}
    for part in rule.split(";"):
        key, _, value = part.partition("=")
        if key:
            fields[key.strip().upper()] = value.strip()
    if fields.get("FREQ") == "MONTHLY" and not {"BYSETPOS", "BYDAY"} & set(fields):
        day_text = fields.get("BYMONTHDAY", str(starts_on.day))
        if day_text.isdigit() and 28 < int(day_text) <= 31:
            fields["BYMONTHDAY"] = ",".join(str(d) for d in range(28, int(day_text) + 1))
            fields["BYSETPOS"] = "-1"
    if fields.get("FREQ") == "WEEKLY" and fields.get("INTERVAL", "1") != "1":
        fields.setdefault("WKST", "MO")
    if ends_on and "UNTIL" not in fields and "COUNT" not in fields:
        fields["UNTIL"] = ends_on.strftime("%Y%m%d")
    return ";".join(f"{key}={value}" for key, value in fields.items())


def export_ics(store: Store, plan_id: int, *, today: date, now: datetime | None = None) -> bytes:
    """Check-ins, reviews and active actions as an iCalendar file of all-day events."""
    from icalendar import Calendar, Event, vRecur

    stamp = (now or utcnow()).astimezone(UTC)
    with store.read() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise TransferError(f"There is no plan {plan_id} in this database.")
        rows = session.execute(
            select(Action, Goal.title)
            .join(Goal, Goal.id == Action.goal_id)
            .where(
                Goal.plan_id == plan_id,
                Goal.status == GoalStatus.ACTIVE,
                Action.status == ActionStatus.ACTIVE,
            )
            .order_by(Goal.position, Goal.id, Action.position, Action.id)
        ).all()

    calendar = Calendar()
    calendar.add("prodid", f"-//growth_tui {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Growth plan")

    def event(uid: str, summary: str, day: date, rule: str = "", description: str = "") -> None:
        item = Event()
        item.add("uid", f"{uid}@growth-tui")
        item.add("dtstamp", stamp)
        item.add("summary", summary)
        item.add("dtstart", day)
        if rule:
            item.add("rrule", vRecur.from_ical(rule))
        if description:
            item.add("description", description)
        item.add("transp", "TRANSPARENT")
        calendar.add_component(item)

    cadence = plan.checkin_cadence if plan.checkin_cadence in _CHECKIN_RULES else "weekly"
    if plan.next_checkin_on:
        event(
            f"plan-{plan_id}-checkin",
            f"Growth check-in ({cadence})",
            plan.next_checkin_on,
            _CHECKIN_RULES[cadence],
            "What did I get done, what hurt, what helped, what is next?",
        )
    if plan.next_quarterly_on:
        event(
            f"plan-{plan_id}-quarterly",
            "Quarterly growth review",
            plan.next_quarterly_on,
            _CHECKIN_RULES["quarterly"],
            "Are my long-term goals still the right ones? Are my strategies working?",
        )
    if plan.next_annual_on:
        event(
            f"plan-{plan_id}-annual",
            "Annual growth review",
            plan.next_annual_on,
            _CHECKIN_RULES["annual"],
            "A year back and a year ahead: values, vision, north star.",
        )
    for action, goal_title in rows:
        note = f"Goal: {goal_title}"
        if action.planned_minutes:
            note += f"\nPlanned: {action.planned_minutes} min"
        if action.rrule:
            starts = action.starts_on or today
            first = _first_occurrence(action.rrule, starts, action.ends_on)
            if first is None:
                continue
            rule = _calendar_rule(action.rrule, starts, action.ends_on)
            event(f"action-{action.id}", action.title, first, rule, note)
        elif action.due:
            event(f"action-{action.id}", action.title, action.due, "", note)
    return calendar.to_ical()


# Writing files -------------------------------------------------------------------------------


def write_private(path: Path | str, data: bytes, *, protect: Path | None = None) -> Path:
    """Write `data` to `path` all at once and owner-only (a plan is personal).

    The bytes go to a temporary file beside it that replaces `path` at the end, so an
    interrupted export never leaves half a file. `protect` (the database) is never overwritten.
    """
    path = Path(path).expanduser()
    if protect is not None and path.exists() and path.resolve() == Path(protect).resolve():
        raise TransferError("That is the database itself; choose another file name.")
    if path.is_dir():
        raise TransferError(f"{path} is a folder; give a file name.")
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(partial, 0o600)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise TransferError(f"Cannot write {path}: {error.strerror}.") from None
    return path


# Backup copies -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str
    size: int

    @property
    def automatic(self) -> bool:
        return self.reason != "manual"


def _backup_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}})-(.+)\.db$")


def list_backups(db_path: Path, *, backup_dir: Path | None = None) -> list[BackupFile]:
    """The backup copies of `db_path` in its backups folder, newest first."""
    folder = backup_dir or default_backup_dir(db_path)
    pattern = _backup_pattern(db_path)
    found = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as error:
        raise TransferError(f"Cannot read the backups folder {folder}: {error.strerror}.") from None
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or not entry.is_file():
            continue
        when = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
        found.append(BackupFile(entry, when, match.group(2), entry.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.stat().st_mtime), reverse=True)


def copy_database(db_path: Path, destination: Path) -> Path:
    """A consistent, owner-only copy of the live database (SQLite's backup API)."""
    db_path = Path(db_path).expanduser()
    destination = Path(destination).expanduser()
    if not db_path.is_file():
        raise TransferError(f"There is no database at {db_path} to back up.")
    if destination.exists() and destination.resolve() == db_path.resolve():
        raise TransferError("The backup cannot overwrite the database itself; choose another file.")
    if destination.is_dir():
        raise TransferError(f"{destination} is a folder; give a file name for the backup.")
    try:
        sqlite.backup_file(db_path, destination)
    except OSError as error:
        raise TransferError(f"Cannot write {destination}: {error.strerror}.") from None
    except sqlite3.Error as error:  # locked, damaged, disk full
        raise TransferError(f"The backup failed: {error}.") from None
    return destination


def take_backup(
    db_path: Path,
    reason: str,
    *,
    backup_dir: Path | None = None,
    keep: int = KEEP_BACKUPS,
    when: datetime | None = None,
) -> Path:
    """A copy in the backups folder; automatic copies beyond the newest `keep` are removed
    (copies made by hand are kept until the person deletes them)."""
    db_path = Path(db_path).expanduser()
    folder = backup_dir or default_backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / backup_name(db_path, reason, when)
    counter = 2
    while target.exists():
        target = folder / backup_name(db_path, f"{reason}-{counter}", when)
        counter += 1
    copy_database(db_path, target)
    # Also tidies the copies the schema upgrade wrote (engine.py) since the last time.
    prune_backups(db_path, keep=keep, backup_dir=folder)
    return target


def prune_backups(
    db_path: Path, *, keep: int = KEEP_BACKUPS, backup_dir: Path | None = None
) -> list[Path]:
    """Delete automatic backups beyond the newest `keep`; manual ones are never touched."""
    automatic = [b for b in list_backups(db_path, backup_dir=backup_dir) if b.automatic]
    removed = []
    for old in automatic[keep:]:
        try:
            old.path.unlink()
            removed.append(old.path)
        except OSError:
            pass
    return removed
