"""plan_repo: the north star with its history, goals and their progress on Home."""

from __future__ import annotations

from datetime import date

from growth_tui.store import plan_repo
from growth_tui.store.engine import Store
from growth_tui.store.models import Action, FocusPoint, Goal, LogEntry
from tests.conftest import MARKUP_TEXT, TODAY


def test_north_star_keeps_its_history(store: Store) -> None:
    plan_id = store.plan_id()
    assert plan_repo.get_plan(store, plan_id).north_star == ""
    plan_repo.set_north_star(store, plan_id, "First star")
    plan_repo.set_north_star(store, plan_id, "  First star  ")  # same text: no new version
    plan_repo.set_north_star(store, plan_id, MARKUP_TEXT, source="reflection")
    assert plan_repo.get_plan(store, plan_id).north_star == MARKUP_TEXT
    history = plan_repo.north_star_history(store, plan_id)
    assert [(v.text, v.source) for v in history] == [
        (MARKUP_TEXT, "reflection"),
        ("First star", "edit"),
    ]


def test_is_empty_until_something_is_written(store: Store) -> None:
    plan_id = store.plan_id()
    assert plan_repo.is_empty(store, plan_id)
    plan_repo.set_north_star(store, plan_id, "Be kind and brave")
    assert not plan_repo.is_empty(store, plan_id)


def test_metric_progress() -> None:
    goal = Goal(plan_id=1, baseline=2, target=20, current_value=11)
    assert plan_repo.metric_progress(goal) == 0.5
    assert plan_repo.metric_progress(Goal(plan_id=1, target=4, current_value=8)) == 1.0
    assert plan_repo.metric_progress(Goal(plan_id=1, baseline=5, target=0, current_value=9)) == 0
    assert plan_repo.metric_progress(Goal(plan_id=1, target=4)) is None


def test_goal_overview_counts_and_leaves_out_milestones(store: Store) -> None:
    plan_id = store.plan_id()
    with store.write() as session:
        goal = Goal(plan_id=plan_id, title="Ship", track="career", target=10, current_value=5)
        other = Goal(plan_id=plan_id, title="Paused", status="paused")
        session.add_all([goal, other])
        session.flush()
        session.add(Goal(plan_id=plan_id, parent_id=goal.id, title="Q1 milestone"))
        focus = FocusPoint(goal_id=goal.id, title="Focus")
        session.add(focus)
        session.flush()
        action = Action(goal_id=goal.id, focus_point_id=focus.id, title="Write")
        dropped = Action(goal_id=goal.id, title="Old", status="dropped")
        session.add_all([action, dropped])
        session.flush()
        for days_ago in (1, 5, 40):
            day = date.fromordinal(TODAY.toordinal() - days_ago)
            session.add(LogEntry(action_id=action.id, occurrence_on=day, logged_on=day))
    overview = plan_repo.goal_overview(store, plan_id, TODAY)
    assert [item.goal.title for item in overview] == ["Ship"]
    item = overview[0]
    assert (item.focus_points, item.actions, item.done_last_30_days) == (1, 1, 2)
    assert item.progress == 0.5
