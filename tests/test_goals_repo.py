"""The goals repository: goals by track, the tree under a goal, skills, supporters, status
changes and delete with an exact undo."""

from datetime import date

import pytest
from sqlalchemy import func, select

from growth_tui.domain.goals import plan_milestones
from growth_tui.store import goals_repo as repo
from growth_tui.store.engine import Store, StoreError, open_store
from growth_tui.store.models import (
    ALL_TABLES,
    Action,
    GoalStatusChange,
    LogEntry,
    SkillAssessment,
    Win,
)

TODAY = date(2026, 11, 22)


@pytest.fixture
def mem() -> Store:
    store = Store.memory()
    yield store
    store.close()


def _counts(store: Store) -> dict[str, int]:
    with store.read() as session:
        return {
            model.__tablename__: session.execute(select(func.count()).select_from(model)).scalar()
            for model in ALL_TABLES
        }


def _dump(store: Store) -> dict[str, list[tuple]]:
    with store.read() as session:
        connection = session.connection()
        return {
            model.__tablename__: sorted(
                tuple(row) for row in connection.execute(select(model.__table__))
            )
            for model in ALL_TABLES
        }


def _career_goal(store: Store, plan_id: int) -> repo.Goal:
    goal = repo.create_goal(
        store,
        plan_id,
        track="career",
        title="Become a staff engineer",
        metric="cross-team designs led",
        baseline=0,
        target=3,
        due=date(2027, 9, 30),
    )
    time = repo.add_focus_point(store, goal.id, "Time management")
    repo.add_focus_point(store, goal.id, "Visibility outside the team")
    repo.add_action(
        store,
        goal.id,
        title="Plan the week on Monday",
        kind="recurring",
        rrule="FREQ=WEEKLY;BYDAY=MO",
        starts_on=TODAY,
        planned_minutes=20,
        focus_point_id=time.id,
    )
    repo.add_action(store, goal.id, title="Write the RFC", due=date(2026, 12, 18))
    return goal


def test_goals_are_listed_by_track_and_status(mem: Store) -> None:
    plan_id = mem.plan_id()
    career = _career_goal(mem, plan_id)
    personal = repo.create_goal(mem, plan_id, track="personal", title="Learn Spanish to B1")
    second = repo.create_goal(mem, plan_id, track="career", title="Mentor two juniors")
    assert [g.title for g in repo.list_goals(mem, plan_id, track="career")] == [
        "Become a staff engineer",
        "Mentor two juniors",
    ]
    assert second.position == career.position + 1
    assert [g.id for g in repo.list_goals(mem, plan_id, track="personal")] == [personal.id]
    repo.change_status(mem, second.id, "dropped", note="team reorganised")
    assert [g.id for g in repo.list_goals(mem, plan_id, track="career")] == [career.id]
    assert len(repo.list_goals(mem, plan_id, statuses=None)) == 3


def test_update_goal_changes_fields_and_rejects_unknown(mem: Store) -> None:
    plan_id = mem.plan_id()
    goal = repo.create_goal(mem, plan_id, title="Ship [/] v1 [b]x 🚀")
    updated = repo.update_goal(
        mem, goal.id, why_relevant="team", current_value=1.5, track="personal"
    )
    assert repo.get_goal(mem, goal.id).why_relevant == "team"
    assert updated.track == "personal" and updated.current_value == 1.5
    assert repo.get_goal(mem, goal.id).title == "Ship [/] v1 [b]x 🚀"
    with pytest.raises(TypeError):
        repo.update_goal(mem, goal.id, status="achieved")
    with pytest.raises(ValueError):
        repo.update_goal(mem, goal.id, track="hobby")
    with pytest.raises(StoreError):
        repo.update_goal(mem, 999, title="gone")


def test_outline_holds_the_tree(mem: Store) -> None:
    plan_id = mem.plan_id()
    goal = _career_goal(mem, plan_id)
    steps = plan_milestones(goal.due, TODAY, metric=goal.metric, baseline=0, target=3)
    repo.add_milestones(mem, goal.id, steps)
    skill = repo.create_skill(
        mem, plan_id, "System design", today=TODAY, current_level=2, target_level=4
    )
    mentor = repo.create_supporter(mem, plan_id, "Ada", role="mentor", helps_with="design reviews")
    repo.link_goal_skill(mem, goal.id, skill.id)
    repo.link_goal_skill(mem, goal.id, skill.id)  # twice is harmless
    repo.link_goal_supporter(mem, goal.id, mentor.id)
    outline = repo.plan_outline(mem, plan_id)
    (view,) = outline.by_track("career")
    assert [p.focus_point.title for p in view.focus_points] == [
        "Time management",
        "Visibility outside the team",
    ]
    assert [a.title for a in view.focus_points[0].actions] == ["Plan the week on Monday"]
    assert [a.title for a in view.loose_actions] == ["Write the RFC"]
    assert [m.due for m in view.milestones] == [s.due for s in steps]
    assert all(m.track == "career" for m in view.milestones)
    assert view.skill_ids == [skill.id] and view.supporter_ids == [mentor.id]
    assert outline.by_track("personal") == []
    (gap,) = outline.gaps
    assert gap.gap == 2 and gap.goals == ("Become a staff engineer",)
    assert set(gap.actions) == {"Plan the week on Monday", "Write the RFC"}
    # milestones are not top-level goals
    assert len(repo.list_goals(mem, plan_id)) == 1


def test_skill_levels_write_dated_assessments(mem: Store) -> None:
    plan_id = mem.plan_id()
    skill = repo.create_skill(
        mem, plan_id, "Public speaking", today=TODAY, current_level=1, target_level=4
    )
    repo.set_skill_level(mem, skill.id, 2, today=date(2026, 12, 20))
    repo.set_skill_level(mem, skill.id, 3, today=date(2026, 12, 20), note="gave a talk")
    history = repo.skill_history(mem, skill.id)
    assert [(a.assessed_on, a.current_level, a.target_level) for a in history] == [
        (TODAY, 1, 4),
        (date(2026, 12, 20), 3, 4),
    ]
    assert history[-1].note == "gave a talk"
    (listed,) = repo.list_skills(mem, plan_id)
    assert listed.current_level == 3 and listed.target_level == 4
    with pytest.raises(ValueError):
        repo.set_skill_level(mem, skill.id, 6, today=TODAY)
    with pytest.raises(StoreError, match="already a skill"):
        repo.create_skill(mem, plan_id, "Public speaking", today=TODAY)


def test_supporters_crud_and_links(mem: Store) -> None:
    plan_id = mem.plan_id()
    goal = _career_goal(mem, plan_id)
    sam = repo.create_supporter(mem, plan_id, "Sam", role="manager")
    repo.update_supporter(mem, sam.id, helps_with="sponsorship")
    action = repo.list_actions(mem, goal.id)[1]
    repo.set_action_supporter(mem, action.id, sam.id)
    repo.set_goal_supporters(mem, goal.id, [sam.id])
    assert repo.goal_supporter_ids(mem, goal.id) == [sam.id]
    assert repo.get_action(mem, action.id).supporter_id == sam.id
    assert repo.list_supporters(mem, plan_id)[0].helps_with == "sponsorship"
    repo.set_goal_supporters(mem, goal.id, [])
    assert repo.goal_supporter_ids(mem, goal.id) == []
    with pytest.raises(ValueError):
        repo.create_supporter(mem, plan_id, "X", role="guru")


def test_status_changes_are_recorded(mem: Store) -> None:
    plan_id = mem.plan_id()
    goal = _career_goal(mem, plan_id)
    change = repo.change_status(mem, goal.id, "pivoted", note="I like building teams more")
    assert repo.change_status(mem, goal.id, "pivoted") is None
    nxt = repo.create_goal(mem, plan_id, title="Become an engineering manager")
    repo.set_next_goal(mem, change.id, nxt.id)
    (recorded,) = repo.status_history(mem, goal.id)
    assert (recorded.from_status, recorded.to_status) == ("active", "pivoted")
    assert recorded.note == "I like building teams more" and recorded.next_goal_id == nxt.id
    assert repo.get_goal(mem, goal.id).status_note == "I like building teams more"


def test_delete_goal_and_undo_restores_everything(mem: Store) -> None:
    plan_id = mem.plan_id()
    goal = _career_goal(mem, plan_id)
    other = repo.create_goal(mem, plan_id, title="Other")
    repo.add_milestones(mem, goal.id, plan_milestones(goal.due, TODAY))
    skill = repo.create_skill(mem, plan_id, "Writing", today=TODAY, current_level=2)
    ada = repo.create_supporter(mem, plan_id, "Ada")
    repo.link_goal_skill(mem, goal.id, skill.id)
    repo.link_goal_supporter(mem, goal.id, ada.id)
    action = repo.list_actions(mem, goal.id)[0]
    with mem.write() as session:
        session.add(LogEntry(action_id=action.id, occurrence_on=TODAY, logged_on=TODAY, minutes=20))
        session.add(Win(plan_id=plan_id, goal_id=goal.id, happened_on=TODAY, title="RFC praised"))
    change = repo.change_status(mem, other.id, "pivoted", note="learned")
    repo.set_next_goal(mem, change.id, goal.id)
    before = _dump(mem)

    token = repo.delete_goal(mem, goal.id)
    after = _counts(mem)
    assert token.label == "goal" and token.title == "Become a staff engineer"
    assert after["goal"] == 1 and after["action"] == 0 and after["log_entry"] == 0
    assert after["goal_skill"] == 0 and after["skill"] == 1
    with mem.read() as session:
        assert session.scalars(select(Win)).one().goal_id is None
        assert session.scalars(select(GoalStatusChange)).one().next_goal_id is None

    repo.undo_delete(mem, token)
    assert _dump(mem) == before


def test_delete_focus_point_keeps_actions_and_undo_relinks(mem: Store) -> None:
    plan_id = mem.plan_id()
    goal = _career_goal(mem, plan_id)
    point = repo.list_focus_points(mem, goal.id)[0]
    before = _dump(mem)
    token = repo.delete_focus_point(mem, point.id)
    actions = repo.list_actions(mem, goal.id)
    assert len(actions) == 2 and all(a.focus_point_id is None for a in actions)
    repo.undo_delete(mem, token)
    assert _dump(mem) == before
    token = repo.delete_focus_point(mem, point.id, with_actions=True)
    assert [a.title for a in repo.list_actions(mem, goal.id)] == ["Write the RFC"]
    repo.undo_delete(mem, token)
    assert _dump(mem) == before


def test_delete_skill_supporter_action_and_undo(mem: Store) -> None:
    plan_id = mem.plan_id()
    goal = _career_goal(mem, plan_id)
    skill = repo.create_skill(mem, plan_id, "Writing", today=TODAY, current_level=2)
    repo.set_skill_level(mem, skill.id, 3, today=date(2026, 12, 1))
    sam = repo.create_supporter(mem, plan_id, "Sam")
    action = repo.list_actions(mem, goal.id)[1]
    repo.set_action_supporter(mem, action.id, sam.id)
    repo.link_goal_supporter(mem, goal.id, sam.id)
    before = _dump(mem)
    for delete, row_id in (
        (repo.delete_skill, skill.id),
        (repo.delete_supporter, sam.id),
        (repo.delete_action, action.id),
    ):
        token = delete(mem, row_id)
        assert _dump(mem) != before
        repo.undo_delete(mem, token)
        assert _dump(mem) == before
    with mem.read() as session:
        assert len(session.scalars(select(SkillAssessment)).all()) == 2


def test_undo_refuses_when_an_id_was_reused(mem: Store) -> None:
    plan_id = mem.plan_id()
    goal = repo.create_goal(mem, plan_id, title="First")
    token = repo.delete_goal(mem, goal.id)
    reused = repo.create_goal(mem, plan_id, title="Second")
    assert reused.id == goal.id  # SQLite hands out the freed id again
    with pytest.raises(StoreError, match="Too late to undo"):
        repo.undo_delete(mem, token)
    assert [g.title for g in repo.list_goals(mem, plan_id)] == ["Second"]


def test_plan_survives_reopening_the_file(tmp_path) -> None:
    path = tmp_path / "plan.db"
    store = open_store(path)
    plan_id = store.plan_id()
    goal = _career_goal(store, plan_id)
    token = repo.delete_action(store, repo.list_actions(store, goal.id)[0].id)
    repo.undo_delete(store, token)
    store.close()
    again = open_store(path)
    outline = repo.plan_outline(again, again.plan_id())
    assert [a.title for a in outline.goals[0].actions] == [
        "Plan the week on Monday",
        "Write the RFC",
    ]
    with again.read() as session:
        assert session.get(Action, token.rows[0][1]["id"]).rrule == "FREQ=WEEKLY;BYDAY=MO"
    again.close()
