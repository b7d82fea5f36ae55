"""store.links.set_links: an owner's links become exactly the given ids."""

from __future__ import annotations

from sqlmodel import select

from growth_tui.store.engine import Store
from growth_tui.store.links import set_links
from growth_tui.store.models import Goal, GoalSkill, Skill


def _linked(store: Store, goal_id: int) -> list[int]:
    with store.read() as session:
        rows = session.scalars(select(GoalSkill).where(GoalSkill.goal_id == goal_id))
        return sorted(row.skill_id for row in rows)


def test_set_links_replaces_part_of_a_set_and_ignores_duplicates(store: Store) -> None:
    plan_id = store.plan_id()
    with store.write() as session:
        goal, other = Goal(plan_id=plan_id, title="g"), Goal(plan_id=plan_id, title="o")
        skills = [Skill(plan_id=plan_id, name=name) for name in "abc"]
        session.add_all([goal, other, *skills])
        session.flush()
        a, b, c = (skill.id for skill in skills)
        set_links(session, GoalSkill, "goal_id", other.id, "skill_id", [a])
    for wanted in ([a, b, b], [b, c], [], [c]):
        with store.write() as session:
            set_links(session, GoalSkill, "goal_id", goal.id, "skill_id", wanted)
        assert _linked(store, goal.id) == sorted(set(wanted))
    assert _linked(store, other.id) == [a]  # another owner's links are left alone
