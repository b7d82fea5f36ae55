"""Reflection sessions in the store: saving as typed, resuming, finishing into the plan."""

from __future__ import annotations

from sqlmodel import select

from growth_tui.domain.reflection import Item
from growth_tui.store import reflect_repo as repo
from growth_tui.store.engine import Store
from growth_tui.store.models import Plan, ReflectionAnswer, Skill

TRICKY = "Ship [/] v1 [b]x 🚀 [bold]not bold[/bold] \\[escaped] ☕️ 👩🏽‍💻"


def _rows(store: Store, session_id: int) -> list[ReflectionAnswer]:
    with store.read() as s:
        return list(
            s.exec(
                select(ReflectionAnswer)
                .where(ReflectionAnswer.session_id == session_id)
                .order_by(ReflectionAnswer.prompt_key, ReflectionAnswer.position)
            ).all()
        )


def test_start_session_with_chosen_sets(store: Store) -> None:
    plan_id = store.plan_id()
    info = repo.start_session(store, plan_id, ["stuck", "know"])
    assert info.sets == ("know", "stuck")
    assert info.current_step == 0
    assert not info.finished
    assert repo.start_session(store, plan_id).sets == ("know", "vision", "stuck")


def test_text_answer_is_upserted_and_stored_exactly(store: Store) -> None:
    plan_id = store.plan_id()
    sid = repo.start_session(store, plan_id).id
    long_text = ("Long answer with [b]markup[/] and émoji 🌱. " * 200)[:5000]
    assert len(long_text) == 5000
    repo.save_text(store, sid, "vision_1_2", "first draft")
    repo.save_text(store, sid, "vision_1_2", long_text)
    repo.save_text(store, sid, "vision_3_5", TRICKY)
    rows = _rows(store, sid)
    assert [(r.prompt_key, r.position) for r in rows] == [
        ("vision_1_2", 0),
        ("vision_3_5", 0),
    ]
    answers = repo.load_answers(store, sid)
    assert answers["vision_1_2"] == [Item(long_text)]
    assert answers["vision_3_5"] == [Item(TRICKY)]
    repo.save_text(store, sid, "vision_3_5", "   ")
    assert "vision_3_5" not in repo.load_answers(store, sid)


def test_list_items_one_row_each_with_positions(store: Store) -> None:
    sid = repo.start_session(store, store.plan_id()).id
    repo.save_items(store, sid, "strengths", ["Listening", "SQL", TRICKY])
    repo.save_items(store, sid, "strengths", ["SQL tuning", "", TRICKY])  # edit, remove, blank
    rows = _rows(store, sid)
    assert [(r.position, r.text) for r in rows] == [(0, "SQL tuning"), (1, TRICKY)]
    repo.save_items(store, sid, "strengths", [])
    assert _rows(store, sid) == []


def test_values_keep_their_rank(store: Store) -> None:
    sid = repo.start_session(store, store.plan_id()).id
    values = [Item("Honesty", 2), Item("Craft"), Item("Family", 1), Item("Mine 🌊", 3)]
    repo.save_items(store, sid, "values", values)
    assert repo.load_answers(store, sid)["values"] == values
    repo.save_items(store, sid, "values", [Item("Honesty", 1), Item("Craft", 2)])
    assert repo.load_answers(store, sid)["values"] == [
        Item("Honesty", 1),
        Item("Craft", 2),
    ]


def test_resume_the_unfinished_session_where_it_stopped(store: Store) -> None:
    plan_id = store.plan_id()
    assert repo.unfinished_session(store, plan_id) is None
    sid = repo.start_session(store, plan_id, ["vision"]).id
    repo.save_step(store, sid, 3)
    resumed = repo.unfinished_session(store, plan_id)
    assert resumed is not None
    assert (resumed.id, resumed.current_step, resumed.sets) == (sid, 3, ("vision",))


def test_finish_carries_answers_into_the_plan(store: Store) -> None:
    plan_id = store.plan_id()
    with store.write() as s:
        s.add(Skill(plan_id=plan_id, name="SQL", kind="hard", current_level=3))
    sid = repo.start_session(store, plan_id).id
    repo.save_items(store, sid, "skills_hard", ["sql", "Python", "Python "])
    repo.save_items(store, sid, "skills_soft", ["Listening"])
    repo.save_items(store, sid, "missing_skills", ["Estimating projects"])
    repo.save_items(store, sid, "values", [Item("Honesty", 1), Item("Craft", 2)])
    repo.save_text(store, sid, "north_star", TRICKY)
    repo.save_text(store, sid, "hours_per_week", "2.5 hours")
    result = repo.finish_session(store, sid)
    assert result.session.finished
    assert result.north_star == TRICKY
    assert result.weekly_budget_minutes == 150
    assert result.skills_added == ("Python", "Listening", "Estimating projects")
    with store.read() as s:
        plan = s.get(Plan, plan_id)
        skills = {sk.name: (sk.kind, sk.current_level) for sk in s.exec(select(Skill)).all()}
    assert plan.north_star == TRICKY
    assert plan.weekly_budget_minutes == 150
    assert skills == {
        "SQL": ("hard", 3),
        "Python": ("hard", None),
        "Listening": ("soft", None),
        "Estimating projects": ("hard", None),
    }
    from growth_tui.store import plan_repo

    history = plan_repo.north_star_history(store, plan_id)
    assert any(v.text == TRICKY and v.source == "reflection" for v in history)
    assert repo.unfinished_session(store, plan_id) is None
    info = repo.list_sessions(store, plan_id)[0]
    assert info.summary.startswith(TRICKY)


def test_finish_twice_adds_no_duplicates(store: Store) -> None:
    plan_id = store.plan_id()
    sid = repo.start_session(store, plan_id).id
    repo.save_items(store, sid, "skills_hard", ["Python"])
    repo.save_text(store, sid, "north_star", "Same star")
    repo.finish_session(store, sid)
    again = repo.finish_session(store, sid)
    assert again.skills_added == ()
    assert again.north_star is None
    from growth_tui.store import plan_repo

    assert [v.text for v in plan_repo.north_star_history(store, plan_id)].count("Same star") == 1


def test_finish_without_hours_or_star_leaves_the_plan_alone(store: Store) -> None:
    plan_id = store.plan_id()
    with store.write() as s:
        plan = s.get(Plan, plan_id)
        plan.weekly_budget_minutes = 240
        plan.north_star = "Old star"
        s.add(plan)
    sid = repo.start_session(store, plan_id, ["know"]).id
    repo.save_text(store, sid, "hours_per_week", "not sure")
    result = repo.finish_session(store, sid)
    assert result.north_star is None and result.weekly_budget_minutes is None
    with store.read() as s:
        plan = s.get(Plan, plan_id)
    assert (plan.north_star, plan.weekly_budget_minutes) == ("Old star", 240)


def test_start_from_last_time_copies_the_chosen_sets(store: Store) -> None:
    plan_id = store.plan_id()
    first = repo.start_session(store, plan_id).id
    repo.save_items(store, first, "strengths", ["Listening", TRICKY])
    repo.save_items(store, first, "values", [Item("Honesty", 1)])
    repo.save_text(store, first, "vision_1_2", "Lead reviews")
    repo.finish_session(store, first)
    second = repo.start_session(store, plan_id, ["know"], from_last=True)
    answers = repo.load_answers(store, second.id)
    assert answers == {
        "strengths": [Item("Listening"), Item(TRICKY)],
        "values": [Item("Honesty", 1)],
    }
    # The copy is independent: editing it leaves the old session as it was.
    repo.save_items(store, second.id, "strengths", ["Mentoring"])
    assert repo.load_answers(store, first)["strengths"] == [
        Item("Listening"),
        Item(TRICKY),
    ]


def test_start_from_last_time_with_no_past_session_starts_empty(store: Store) -> None:
    info = repo.start_session(store, store.plan_id(), from_last=True)
    assert repo.load_answers(store, info.id) == {}


def test_list_sessions_newest_first_with_summaries(store: Store) -> None:
    plan_id = store.plan_id()
    a = repo.start_session(store, plan_id, ["know"]).id
    repo.save_items(store, a, "strengths", ["Listening"])
    repo.finish_session(store, a)
    b = repo.start_session(store, plan_id, ["stuck"]).id
    repo.save_items(store, b, "boundaries", ["No evenings"])
    listed = repo.list_sessions(store, plan_id)
    assert [i.id for i in listed] == [b, a]
    assert listed[0].summary == "boundaries: No evenings"
    assert not listed[0].finished
    assert listed[1].summary == "strengths: Listening"
    assert listed[1].sets == ("know",)


def test_delete_session(store: Store) -> None:
    plan_id = store.plan_id()
    sid = repo.start_session(store, plan_id).id
    repo.save_items(store, sid, "strengths", ["x"])
    repo.delete_session(store, sid)
    assert repo.list_sessions(store, plan_id) == []
    assert _rows(store, sid) == []
