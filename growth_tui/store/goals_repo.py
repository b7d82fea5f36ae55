"""Goals and everything hanging off them: focus points, actions, milestones, skills, supporters.

Every function is one short transaction and returns plain, fully loaded rows (or small
dataclasses of them); nothing lazy-loads later. `plan_outline` reads the whole Goals screen in
one go.

Deleting never loses data silently: each `delete_*` first takes a snapshot of the row and of
every row the database would remove with it (found from the foreign keys' ON DELETE CASCADE,
so tables added later are covered too) and of every link it would clear (ON DELETE SET NULL),
then deletes, and returns an `UndoToken`. `undo_delete(store, token)` puts exactly those rows
back with their original ids and restores the cleared links. Undo is meant for "right after":
if a new row has taken one of the freed ids meanwhile, it refuses with a `StoreError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col

from growth_tui.domain.goals import MilestoneProposal, SkillGap, SkillInput, skill_gaps
from growth_tui.store.engine import Store, StoreError
from growth_tui.store.links import set_links
from growth_tui.store.models import (
    Action,
    FocusPoint,
    Goal,
    GoalSkill,
    GoalStatusChange,
    GoalSupporter,
    Plan,
    Skill,
    SkillAssessment,
    Supporter,
)
from growth_tui.store.types import (
    ActionKind,
    GoalStatus,
    SkillKind,
    SupporterRole,
    Track,
    utcnow,
)

GOAL_FIELDS = frozenset(
    {
        "track",
        "title",
        "metric",
        "baseline",
        "target",
        "unit",
        "current_value",
        "why_achievable",
        "obstacles",
        "resources",
        "why_relevant",
        "due",
        "position",
        "milestone_scale",
    }
)
ACTION_FIELDS = frozenset(
    {
        "title",
        "kind",
        "due",
        "rrule",
        "starts_on",
        "ends_on",
        "planned_minutes",
        "direction",
        "supporter_id",
        "focus_point_id",
        "status",
        "position",
    }
)
SUPPORTER_FIELDS = frozenset({"name", "role", "helps_with", "archived"})
SKILL_FIELDS = frozenset({"name", "kind", "target_level", "archived"})

#: statuses a goal is "on the plan" with; the others are history
OPEN_STATUSES = (GoalStatus.ACTIVE.value, GoalStatus.PAUSED.value)


def _check_fields(given: dict[str, Any], allowed: frozenset[str], what: str) -> None:
    unknown = set(given) - allowed
    if unknown:
        raise TypeError(f"unknown {what} field(s): {', '.join(sorted(unknown))}")


def _check_level(level: int | None) -> None:
    if level is not None and not 0 <= level <= 5:
        raise ValueError("A skill level goes from 0 (none) to 5 (expert).")


def _need(session: Session, model: type[SQLModel], row_id: int, what: str) -> Any:
    row = session.get(model, row_id)
    if row is None:
        raise StoreError(f"That {what} no longer exists (deleted in another window?).")
    return row


# Goals -------------------------------------------------------------------------------------


def create_goal(
    store: Store, plan_id: int, *, track: str = Track.CAREER.value, title: str = "", **fields: Any
) -> Goal:
    """A new top-level goal on a track, placed after the track's other goals."""
    _check_fields(fields, GOAL_FIELDS, "goal")
    Track(track)
    with store.write() as session:
        last = session.execute(
            select(func.max(Goal.position)).where(
                Goal.plan_id == plan_id, Goal.track == track, col(Goal.parent_id).is_(None)
            )
        ).scalar()
        goal = Goal(
            plan_id=plan_id,
            track=track,
            title=title,
            position=(last or 0) + 1,
            **fields,
        )
        session.add(goal)
        session.flush()
        session.refresh(goal)
        return goal


def update_goal(store: Store, goal_id: int, **fields: Any) -> Goal:
    """Change any of a goal's SMART fields (not its status: see `change_status`)."""
    _check_fields(fields, GOAL_FIELDS, "goal")
    if "track" in fields:
        Track(fields["track"])
    with store.write() as session:
        goal = _need(session, Goal, goal_id, "goal")
        for name, value in fields.items():
            setattr(goal, name, value)
        goal.updated_at = utcnow()
        session.add(goal)
        session.flush()
        return goal


def get_goal(store: Store, goal_id: int) -> Goal:
    with store.read() as session:
        return _need(session, Goal, goal_id, "goal")


def list_goals(
    store: Store,
    plan_id: int,
    *,
    track: str | None = None,
    statuses: Sequence[str] | None = OPEN_STATUSES,
) -> list[Goal]:
    """Top-level goals (no milestones), optionally of one track and some statuses."""
    query = select(Goal).where(Goal.plan_id == plan_id, col(Goal.parent_id).is_(None))
    if track is not None:
        query = query.where(Goal.track == track)
    if statuses is not None:
        query = query.where(col(Goal.status).in_(list(statuses)))
    with store.read() as session:
        return list(session.scalars(query.order_by(Goal.track, Goal.position, Goal.id)))


# Milestones --------------------------------------------------------------------------------


def add_milestone(
    store: Store, goal_id: int, *, title: str, due: date | None, scale: str | None = None
) -> Goal:
    """A milestone is a goal with a parent: same plan and track, its own due date."""
    with store.write() as session:
        parent = _need(session, Goal, goal_id, "goal")
        milestone = Goal(
            plan_id=parent.plan_id,
            parent_id=parent.id,
            track=parent.track,
            milestone_scale=scale,
            title=title,
            due=due,
            metric=parent.metric,
            unit=parent.unit,
        )
        session.add(milestone)
        session.flush()
        session.refresh(milestone)
        return milestone


def add_milestones(
    store: Store, goal_id: int, proposals: Iterable[MilestoneProposal]
) -> list[Goal]:
    """Save a backward plan's steps as milestones of a goal (one transaction)."""
    with store.write() as session:
        parent = _need(session, Goal, goal_id, "goal")
        made = []
        for proposal in proposals:
            milestone = Goal(
                plan_id=parent.plan_id,
                parent_id=parent.id,
                track=parent.track,
                milestone_scale=proposal.scale,
                title=proposal.title,
                due=proposal.due,
                metric=parent.metric,
                unit=parent.unit,
            )
            session.add(milestone)
            made.append(milestone)
        session.flush()
        for milestone in made:
            session.refresh(milestone)
        return made


def list_milestones(store: Store, goal_id: int) -> list[Goal]:
    with store.read() as session:
        return _milestones(session, [goal_id]).get(goal_id, [])


def _milestones(session: Session, goal_ids: list[int]) -> dict[int, list[Goal]]:
    found: dict[int, list[Goal]] = {}
    rows = session.scalars(
        select(Goal)
        .where(col(Goal.parent_id).in_(goal_ids))
        .order_by(col(Goal.due).is_(None), Goal.due, Goal.id)
    )
    for row in rows:
        found.setdefault(row.parent_id, []).append(row)
    return found


# Focus points and actions ------------------------------------------------------------------


def add_focus_point(store: Store, goal_id: int, title: str) -> FocusPoint:
    with store.write() as session:
        _need(session, Goal, goal_id, "goal")
        last = session.execute(
            select(func.max(FocusPoint.position)).where(FocusPoint.goal_id == goal_id)
        ).scalar()
        point = FocusPoint(goal_id=goal_id, title=title, position=(last or 0) + 1)
        session.add(point)
        session.flush()
        session.refresh(point)
        return point


def rename_focus_point(store: Store, focus_point_id: int, title: str) -> FocusPoint:
    with store.write() as session:
        point = _need(session, FocusPoint, focus_point_id, "focus point")
        point.title = title
        session.add(point)
        return point


def list_focus_points(store: Store, goal_id: int) -> list[FocusPoint]:
    with store.read() as session:
        return list(
            session.scalars(
                select(FocusPoint)
                .where(FocusPoint.goal_id == goal_id)
                .order_by(FocusPoint.position, FocusPoint.id)
            )
        )


def add_action(store: Store, goal_id: int, *, title: str, **fields: Any) -> Action:
    """A one-off (`due`) or recurring (`rrule` from `starts_on`) action under a goal."""
    _check_fields(fields, ACTION_FIELDS, "action")
    kind = fields.get("kind", ActionKind.ONCE.value)
    ActionKind(kind)
    with store.write() as session:
        _need(session, Goal, goal_id, "goal")
        last = session.execute(
            select(func.max(Action.position)).where(Action.goal_id == goal_id)
        ).scalar()
        fields.setdefault("position", (last or 0) + 1)
        action = Action(goal_id=goal_id, title=title, **fields)
        session.add(action)
        session.flush()
        session.refresh(action)
        return action


def update_action(store: Store, action_id: int, **fields: Any) -> Action:
    _check_fields(fields, ACTION_FIELDS, "action")
    if "kind" in fields:
        ActionKind(fields["kind"])
    with store.write() as session:
        action = _need(session, Action, action_id, "action")
        for name, value in fields.items():
            setattr(action, name, value)
        action.updated_at = utcnow()
        session.add(action)
        return action


def get_action(store: Store, action_id: int) -> Action:
    with store.read() as session:
        return _need(session, Action, action_id, "action")


def list_actions(store: Store, goal_id: int) -> list[Action]:
    with store.read() as session:
        return list(
            session.scalars(
                select(Action).where(Action.goal_id == goal_id).order_by(Action.position, Action.id)
            )
        )


def set_action_supporter(store: Store, action_id: int, supporter_id: int | None) -> Action:
    """Name (or clear) the person an action depends on."""
    return update_action(store, action_id, supporter_id=supporter_id)


# Skills ------------------------------------------------------------------------------------


def create_skill(
    store: Store,
    plan_id: int,
    name: str,
    *,
    today: date,
    kind: str = SkillKind.HARD.value,
    current_level: int | None = None,
    target_level: int | None = None,
) -> Skill:
    """A new skill; a current level given here is also its first dated assessment."""
    SkillKind(kind)
    _check_level(current_level)
    _check_level(target_level)
    try:
        with store.write() as session:
            skill = Skill(
                plan_id=plan_id,
                name=name,
                kind=kind,
                current_level=current_level,
                target_level=target_level,
            )
            session.add(skill)
            session.flush()
            if current_level is not None:
                session.add(
                    SkillAssessment(
                        skill_id=skill.id,
                        assessed_on=today,
                        current_level=current_level,
                        target_level=target_level,
                    )
                )
            session.refresh(skill)
            return skill
    except IntegrityError as error:
        raise StoreError(f"There is already a skill called {name!r}.") from error


def update_skill(store: Store, skill_id: int, **fields: Any) -> Skill:
    """Rename, re-kind, re-target or archive a skill (levels: see `set_skill_level`)."""
    _check_fields(fields, SKILL_FIELDS, "skill")
    if "kind" in fields:
        SkillKind(fields["kind"])
    _check_level(fields.get("target_level"))
    try:
        with store.write() as session:
            skill = _need(session, Skill, skill_id, "skill")
            for name, value in fields.items():
                setattr(skill, name, value)
            session.add(skill)
            return skill
    except IntegrityError as error:
        raise StoreError(f"There is already a skill called {fields.get('name')!r}.") from error


def set_skill_level(
    store: Store,
    skill_id: int,
    current_level: int,
    *,
    today: date,
    target_level: int | None = None,
    note: str = "",
    source: str = "goals",
) -> SkillAssessment:
    """Record where a skill stands today: updates the skill and writes a dated assessment.

    A second rating on the same day replaces that day's assessment rather than adding one.
    """
    _check_level(current_level)
    _check_level(target_level)
    with store.write() as session:
        skill = _need(session, Skill, skill_id, "skill")
        skill.current_level = current_level
        if target_level is not None:
            skill.target_level = target_level
        session.add(skill)
        assessment = session.scalars(
            select(SkillAssessment).where(
                SkillAssessment.skill_id == skill_id, SkillAssessment.assessed_on == today
            )
        ).first()
        if assessment is None:
            assessment = SkillAssessment(skill_id=skill_id, assessed_on=today, current_level=0)
        assessment.current_level = current_level
        assessment.target_level = skill.target_level
        assessment.note = note
        assessment.source = source
        session.add(assessment)
        session.flush()
        session.refresh(assessment)
        return assessment


def list_skills(store: Store, plan_id: int, *, include_archived: bool = False) -> list[Skill]:
    query = select(Skill).where(Skill.plan_id == plan_id)
    if not include_archived:
        query = query.where(col(Skill.archived).is_(False))
    with store.read() as session:
        return list(session.scalars(query.order_by(func.lower(Skill.name))))


def skill_history(store: Store, skill_id: int) -> list[SkillAssessment]:
    with store.read() as session:
        return list(
            session.scalars(
                select(SkillAssessment)
                .where(SkillAssessment.skill_id == skill_id)
                .order_by(SkillAssessment.assessed_on, SkillAssessment.id)
            )
        )


def link_goal_skill(store: Store, goal_id: int, skill_id: int) -> None:
    with store.write() as session:
        if session.get(GoalSkill, (goal_id, skill_id)) is None:
            session.add(GoalSkill(goal_id=goal_id, skill_id=skill_id))


def set_goal_skills(store: Store, goal_id: int, skill_ids: Iterable[int]) -> None:
    """Make exactly these skills the goal's linked skills."""
    with store.write() as session:
        set_links(session, GoalSkill, "goal_id", goal_id, "skill_id", skill_ids)


def goal_skill_ids(store: Store, goal_id: int) -> list[int]:
    with store.read() as session:
        return sorted(
            session.scalars(select(GoalSkill.skill_id).where(GoalSkill.goal_id == goal_id))
        )


# Supporters --------------------------------------------------------------------------------


def create_supporter(
    store: Store,
    plan_id: int,
    name: str,
    *,
    role: str = SupporterRole.MENTOR.value,
    helps_with: str = "",
) -> Supporter:
    SupporterRole(role)
    with store.write() as session:
        supporter = Supporter(plan_id=plan_id, name=name, role=role, helps_with=helps_with)
        session.add(supporter)
        session.flush()
        session.refresh(supporter)
        return supporter


def update_supporter(store: Store, supporter_id: int, **fields: Any) -> Supporter:
    _check_fields(fields, SUPPORTER_FIELDS, "supporter")
    if "role" in fields:
        SupporterRole(fields["role"])
    with store.write() as session:
        supporter = _need(session, Supporter, supporter_id, "supporter")
        for name, value in fields.items():
            setattr(supporter, name, value)
        session.add(supporter)
        return supporter


def list_supporters(
    store: Store, plan_id: int, *, include_archived: bool = False
) -> list[Supporter]:
    query = select(Supporter).where(Supporter.plan_id == plan_id)
    if not include_archived:
        query = query.where(col(Supporter.archived).is_(False))
    with store.read() as session:
        return list(session.scalars(query.order_by(func.lower(Supporter.name), Supporter.id)))


def link_goal_supporter(store: Store, goal_id: int, supporter_id: int) -> None:
    with store.write() as session:
        if session.get(GoalSupporter, (goal_id, supporter_id)) is None:
            session.add(GoalSupporter(goal_id=goal_id, supporter_id=supporter_id))


def set_goal_supporters(store: Store, goal_id: int, supporter_ids: Iterable[int]) -> None:
    """Make exactly these people the goal's supporters."""
    with store.write() as session:
        set_links(session, GoalSupporter, "goal_id", goal_id, "supporter_id", supporter_ids)


def goal_supporter_ids(store: Store, goal_id: int) -> list[int]:
    with store.read() as session:
        return sorted(
            session.scalars(
                select(GoalSupporter.supporter_id).where(GoalSupporter.goal_id == goal_id)
            )
        )


# Status ------------------------------------------------------------------------------------


def change_status(
    store: Store,
    goal_id: int,
    to_status: str,
    *,
    note: str = "",
    next_goal_id: int | None = None,
) -> GoalStatusChange | None:
    """Move a goal to a new status and record the change (None if it already had it).

    `note` is what was learned (pivoted), why (dropped), or anything worth keeping.
    """
    GoalStatus(to_status)
    with store.write() as session:
        goal = _need(session, Goal, goal_id, "goal")
        if goal.status == to_status:
            return None
        change = GoalStatusChange(
            goal_id=goal_id,
            from_status=goal.status,
            to_status=to_status,
            note=note,
            next_goal_id=next_goal_id,
        )
        goal.status = to_status
        goal.status_note = note
        goal.updated_at = utcnow()
        session.add(goal)
        session.add(change)
        session.flush()
        session.refresh(change)
        return change


def set_next_goal(store: Store, change_id: int, next_goal_id: int) -> GoalStatusChange:
    """After a pivot: point the change at the goal that grew out of it."""
    with store.write() as session:
        change = _need(session, GoalStatusChange, change_id, "status change")
        _need(session, Goal, next_goal_id, "goal")
        change.next_goal_id = next_goal_id
        session.add(change)
        return change


def status_history(store: Store, goal_id: int) -> list[GoalStatusChange]:
    with store.read() as session:
        return list(
            session.scalars(
                select(GoalStatusChange)
                .where(GoalStatusChange.goal_id == goal_id)
                .order_by(GoalStatusChange.changed_at, GoalStatusChange.id)
            )
        )


# The whole screen in one read --------------------------------------------------------------


@dataclass
class FocusPointView:
    focus_point: FocusPoint
    actions: list[Action] = field(default_factory=list)


@dataclass
class GoalView:
    """A goal with everything under it, ready to show."""

    goal: Goal
    focus_points: list[FocusPointView] = field(default_factory=list)
    loose_actions: list[Action] = field(default_factory=list)  # actions without a focus point
    milestones: list[Goal] = field(default_factory=list)
    skill_ids: list[int] = field(default_factory=list)
    supporter_ids: list[int] = field(default_factory=list)
    changes: list[GoalStatusChange] = field(default_factory=list)

    @property
    def actions(self) -> list[Action]:
        return [a for point in self.focus_points for a in point.actions] + self.loose_actions


@dataclass
class PlanOutline:
    """Everything the Goals screen shows."""

    plan_id: int
    north_star: str
    goals: list[GoalView]
    skills: list[Skill]
    supporters: list[Supporter]
    gaps: list[SkillGap]
    assessments: dict[int, list[SkillAssessment]] = field(default_factory=dict)  # oldest first

    def by_track(
        self, track: str, statuses: Sequence[str] | None = OPEN_STATUSES
    ) -> list[GoalView]:
        return [
            view
            for view in self.goals
            if view.goal.track == track and (statuses is None or view.goal.status in statuses)
        ]

    def goal(self, goal_id: int) -> GoalView | None:
        for view in self.goals:
            if view.goal.id == goal_id:
                return view
        return None

    def supporter_name(self, supporter_id: int | None) -> str | None:
        for supporter in self.supporters:
            if supporter.id == supporter_id:
                return supporter.name
        return None


def plan_outline(store: Store, plan_id: int) -> PlanOutline:
    """The north star, every top-level goal (all statuses) with its tree, skills, supporters."""
    with store.read() as session:
        plan = _need(session, Plan, plan_id, "plan")
        goals = list(
            session.scalars(
                select(Goal)
                .where(Goal.plan_id == plan_id, col(Goal.parent_id).is_(None))
                .order_by(Goal.track, Goal.position, Goal.id)
            )
        )
        ids = [g.id for g in goals]
        views = {g.id: GoalView(goal=g) for g in goals}
        points = session.scalars(
            select(FocusPoint)
            .where(col(FocusPoint.goal_id).in_(ids))
            .order_by(FocusPoint.position, FocusPoint.id)
        )
        point_views: dict[int, FocusPointView] = {}
        for point in points:
            point_view = FocusPointView(focus_point=point)
            point_views[point.id] = point_view
            views[point.goal_id].focus_points.append(point_view)
        actions = session.scalars(
            select(Action).where(col(Action.goal_id).in_(ids)).order_by(Action.position, Action.id)
        )
        for action in actions:
            if action.focus_point_id in point_views:
                point_views[action.focus_point_id].actions.append(action)
            else:
                views[action.goal_id].loose_actions.append(action)
        for goal_id, milestones in _milestones(session, ids).items():
            views[goal_id].milestones = milestones
        for link in session.scalars(select(GoalSkill).where(col(GoalSkill.goal_id).in_(ids))):
            views[link.goal_id].skill_ids.append(link.skill_id)
        for link in session.scalars(
            select(GoalSupporter).where(col(GoalSupporter.goal_id).in_(ids))
        ):
            views[link.goal_id].supporter_ids.append(link.supporter_id)
        for change in session.scalars(
            select(GoalStatusChange)
            .where(col(GoalStatusChange.goal_id).in_(ids))
            .order_by(GoalStatusChange.changed_at, GoalStatusChange.id)
        ):
            views[change.goal_id].changes.append(change)
        skills = list(
            session.scalars(
                select(Skill)
                .where(Skill.plan_id == plan_id, col(Skill.archived).is_(False))
                .order_by(func.lower(Skill.name))
            )
        )
        assessments: dict[int, list[SkillAssessment]] = {}
        for assessment in session.scalars(
            select(SkillAssessment)
            .where(col(SkillAssessment.skill_id).in_([s.id for s in skills]))
            .order_by(SkillAssessment.assessed_on, SkillAssessment.id)
        ):
            assessments.setdefault(assessment.skill_id, []).append(assessment)
        supporters = list(
            session.scalars(
                select(Supporter)
                .where(Supporter.plan_id == plan_id, col(Supporter.archived).is_(False))
                .order_by(func.lower(Supporter.name), Supporter.id)
            )
        )
    ordered = [views[i] for i in ids]
    return PlanOutline(
        plan_id=plan_id,
        north_star=plan.north_star,
        goals=ordered,
        skills=skills,
        supporters=supporters,
        gaps=_gaps(ordered, skills),
        assessments=assessments,
    )


def _gaps(goals: list[GoalView], skills: list[Skill]) -> list[SkillGap]:
    goals_by_skill: dict[int, list[str]] = {}
    actions_by_skill: dict[int, list[str]] = {}
    for view in goals:
        if view.goal.status not in OPEN_STATUSES:
            continue
        for skill_id in view.skill_ids:
            goals_by_skill.setdefault(skill_id, []).append(view.goal.title)
            actions_by_skill.setdefault(skill_id, []).extend(
                action.title for action in view.actions if action.status == "active"
            )
    return skill_gaps(
        [
            SkillInput(s.id, s.name, s.kind, s.current_level, s.target_level)
            for s in skills
            if s.id is not None
        ],
        goals_by_skill,
        actions_by_skill,
    )


def skill_gap_view(store: Store, plan_id: int) -> list[SkillGap]:
    """Skills with current vs target level and the open goals and actions working on each."""
    return plan_outline(store, plan_id).gaps


# Delete and undo ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UndoToken:
    """What one delete removed: rows per table (parents first) and links it cleared."""

    label: str  # "goal", "action"… for the toast
    title: str  # the deleted thing's own text
    table: str  # the deleted row's table ("goal", "focus_point"…)
    row_id: int  # and its id: where the cursor goes back to after an undo
    rows: tuple[tuple[str, dict[str, Any]], ...]
    cleared: tuple[tuple[str, dict[str, Any], str, Any], ...]  # table, primary key, column, value

    @property
    def count(self) -> int:
        return len(self.rows)


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _pk(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    return {column.name: row[column.name] for column in table.primary_key.columns}


def _snapshot(
    session: Session,
    table: Table,
    condition: Any,
    rows: dict[tuple[str, tuple], dict[str, Any]],
    cleared: list[tuple[str, dict[str, Any], str, Any]],
) -> None:
    found = [
        dict(r) for r in session.connection().execute(select(table).where(condition)).mappings()
    ]
    fresh = []
    for row in found:
        key = (table.name, tuple(_pk(table, row).values()))
        if key not in rows:
            rows[key] = row
            fresh.append(row)
    if not fresh:
        return
    for child in SQLModel.metadata.sorted_tables:
        for foreign_key in child.foreign_keys:
            if foreign_key.column.table is not table:
                continue
            values = [row[foreign_key.column.name] for row in fresh]
            link = foreign_key.parent.in_(values)
            rule = (foreign_key.ondelete or "").upper()
            if rule == "CASCADE":
                _snapshot(session, child, link, rows, cleared)
            elif rule == "SET NULL":
                for linked in session.connection().execute(select(child).where(link)).mappings():
                    linked = dict(linked)
                    cleared.append(
                        (
                            child.name,
                            _pk(child, linked),
                            foreign_key.parent.name,
                            linked[foreign_key.parent.name],
                        )
                    )


def _delete(
    store: Store, model: type[SQLModel], row_id: int, label: str, title_of: str
) -> UndoToken:
    table = _table(model.__tablename__)
    with store.write() as session:
        row = _need(session, model, row_id, label)
        title = str(getattr(row, title_of, ""))
        rows: dict[tuple[str, tuple], dict[str, Any]] = {}
        cleared: list[tuple[str, dict[str, Any], str, Any]] = []
        _snapshot(session, table, table.c.id == row_id, rows, cleared)
        session.delete(row)
    order = {t.name: i for i, t in enumerate(SQLModel.metadata.sorted_tables)}
    ordered = sorted(rows.items(), key=lambda item: order[item[0][0]])
    return UndoToken(
        label=label,
        title=title,
        table=table.name,
        row_id=row_id,
        rows=tuple((name, row) for (name, _), row in ordered),
        cleared=tuple(cleared),
    )


def _insert_order(rows: Sequence[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """Table order is already parents first; within `goal`, milestones after their parent."""
    goals = [row for name, row in rows if name == "goal"]
    placed: list[dict[str, Any]] = []
    pending_ids = {row["id"] for row in goals}
    remaining = list(goals)
    while remaining:
        placed_now = [
            r for r in remaining if r["parent_id"] is None or r["parent_id"] not in pending_ids
        ]
        if not placed_now:  # a cycle cannot happen through parent_id; be safe anyway
            placed_now = remaining
        for r in placed_now:
            placed.append(r)
            pending_ids.discard(r["id"])
        remaining = [r for r in remaining if r not in placed_now]
    result: list[tuple[str, dict[str, Any]]] = []
    goals_done = False
    for name, row in rows:
        if name == "goal":
            if not goals_done:
                result.extend(("goal", r) for r in placed)
                goals_done = True
            continue
        result.append((name, row))
    return result


def _any_exists(connection: Any, table: Table, rows: list[dict[str, Any]]) -> bool:
    """Does any of these rows' primary keys exist again (a new row took a freed id)?"""
    keys = list(table.primary_key.columns)
    if len(keys) == 1:
        column = keys[0]
        ids = [row[column.name] for row in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            if connection.execute(select(column).where(column.in_(chunk)).limit(1)).first():
                return True
        return False
    for row in rows:
        match = [table.c[c.name] == row[c.name] for c in keys]
        if connection.execute(select(*keys).where(*match).limit(1)).first():
            return True
    return False


def undo_delete(store: Store, token: UndoToken) -> None:
    """Put back exactly what a delete removed, with the same ids, and restore cleared links."""
    with store.write() as session:
        connection = session.connection()
        by_table: dict[str, list[dict[str, Any]]] = {}
        for name, row in token.rows:
            by_table.setdefault(name, []).append(row)
        for name, rows in by_table.items():
            if _any_exists(connection, _table(name), rows):
                raise StoreError(f"Too late to undo: the deleted {token.label} was replaced.")
        batch: list[dict[str, Any]] = []
        batch_table = ""
        for name, row in [*_insert_order(token.rows), ("", {})]:
            if name != batch_table and batch:
                # One executemany per run of rows of a table (years of log entries undo in ms);
                # runs keep the parents-first order.
                connection.execute(insert(_table(batch_table)), batch)
                batch = []
            batch_table = name
            batch.append(row)
        for name, key, column, value in token.cleared:
            table = _table(name)
            connection.execute(
                update(table)
                .where(*(table.c[c] == v for c, v in key.items()))
                .values({column: value})
            )


def delete_goal(store: Store, goal_id: int) -> UndoToken:
    """Delete a goal (or milestone) with its milestones, focus points, actions and their log."""
    with store.read() as session:
        goal = _need(session, Goal, goal_id, "goal")
    return _delete(store, Goal, goal_id, "milestone" if goal.parent_id else "goal", "title")


def delete_focus_point(
    store: Store, focus_point_id: int, *, with_actions: bool = False
) -> UndoToken:
    """Delete a focus point. Its actions stay under the goal unless `with_actions` is true."""
    if not with_actions:
        return _delete(store, FocusPoint, focus_point_id, "focus point", "title")
    with store.write() as session:
        point = _need(session, FocusPoint, focus_point_id, "focus point")
        rows: dict[tuple[str, tuple], dict[str, Any]] = {}
        cleared: list[tuple[str, dict[str, Any], str, Any]] = []
        _snapshot(
            session, _table("focus_point"), _table("focus_point").c.id == point.id, rows, cleared
        )
        action_table = _table("action")
        _snapshot(session, action_table, action_table.c.focus_point_id == point.id, rows, cleared)
        for action in session.scalars(select(Action).where(Action.focus_point_id == point.id)):
            session.delete(action)
        session.delete(point)
        title = point.title
    order = {t.name: i for i, t in enumerate(SQLModel.metadata.sorted_tables)}
    ordered = sorted(rows.items(), key=lambda item: order[item[0][0]])
    return UndoToken(
        "focus point",
        title,
        "focus_point",
        focus_point_id,
        tuple((n, r) for (n, _), r in ordered),
        tuple(cleared),
    )


def delete_action(store: Store, action_id: int) -> UndoToken:
    """Delete an action with its log entries."""
    return _delete(store, Action, action_id, "action", "title")


def delete_skill(store: Store, skill_id: int) -> UndoToken:
    """Delete a skill with its assessments and links."""
    return _delete(store, Skill, skill_id, "skill", "name")


def delete_supporter(store: Store, supporter_id: int) -> UndoToken:
    """Delete a supporter; their goal links go, actions that named them keep going without."""
    return _delete(store, Supporter, supporter_id, "supporter", "name")
