"""The log repository: due items, tick/skip/untick, wins, feedback, heatmap, the full log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from growth_tui.domain import recurrence, streaks
from growth_tui.store import log_repo
from growth_tui.store.engine import Store
from growth_tui.store.log_repo import LogError, LogQuery
from growth_tui.store.models import Action, Goal, LogEntry, Skill
from growth_tui.store.models import Plan as PlanRow

TODAY = date(2026, 11, 22)  # a Sunday
MONDAY = date(2026, 11, 16)


@dataclass
class Plan:
    store: Store
    plan_id: int
    career: int
    personal: int
    practice: int  # every Tue and Thu since 2 Nov
    walk: int  # daily since 18 Nov
    talk: int  # one-off due 25 Nov
    old: int  # one-off due 1 Oct (overdue)
    skill: int


@pytest.fixture
def plan() -> Plan:
    store = Store.memory()
    plan_id = store.plan_id()
    with store.write() as session:
        career = Goal(plan_id=plan_id, title="Lead the data team", position=0)
        personal = Goal(plan_id=plan_id, title="Run a half marathon", track="personal", position=1)
        dropped = Goal(plan_id=plan_id, title="Learn Rust", status="dropped", position=2)
        session.add_all([career, personal, dropped])
        session.flush()
        practice = Action(
            goal_id=career.id,
            title="Python practice",
            kind="recurring",
            rrule="FREQ=WEEKLY;BYDAY=TU,TH",
            starts_on=date(2026, 11, 2),
            planned_minutes=30,
        )
        walk = Action(
            goal_id=personal.id,
            title="Walk",
            kind="recurring",
            rrule="FREQ=DAILY",
            starts_on=date(2026, 11, 18),
        )
        talk = Action(goal_id=career.id, title="Give the brown-bag talk", due=date(2026, 11, 25))
        old = Action(goal_id=career.id, title="Ask for a mentor", due=date(2026, 10, 1))
        hidden = Action(goal_id=dropped.id, title="Rustlings", kind="recurring", rrule="FREQ=DAILY",
                        starts_on=date(2026, 1, 1))  # fmt: skip
        skill = Skill(plan_id=plan_id, name="Public speaking")
        session.add_all([practice, walk, talk, old, hidden, skill])
        session.flush()
        ids = (practice.id, walk.id, talk.id, old.id, skill.id)
    return Plan(store, plan_id, career.id, personal.id, *ids)


def _due(plan: Plan, today: date = TODAY, days: int = 7):
    return log_repo.due_items(plan.store, plan.plan_id, today, days)


def _keys(items) -> list[tuple[str, date, str | None, bool]]:
    return [(i.action_title, i.occurrence_on, i.status, i.missed) for i in items]


def test_due_items_missed_first_then_by_day_and_goal(plan: Plan) -> None:
    items = _due(plan)
    keys = _keys(items)
    # Missed: an old one-off (however old) and the last two weeks of practice and walks.
    missed = [k for k in keys if k[3]]
    assert missed[0] == ("Ask for a mentor", date(2026, 10, 1), None, True)
    assert ("Python practice", date(2026, 11, 10), None, True) in missed
    assert ("Python practice", date(2026, 11, 19), None, True) in missed
    assert ("Walk", date(2026, 11, 18), None, True) in missed
    assert ("Python practice", date(2026, 11, 5), None, True) not in missed  # beyond lookback
    assert keys[: len(missed)] == missed  # missed all come first
    upcoming = keys[len(missed) :]
    assert upcoming == [
        ("Walk", date(2026, 11, 22), None, False),
        ("Walk", date(2026, 11, 23), None, False),
        ("Python practice", date(2026, 11, 24), None, False),
        ("Walk", date(2026, 11, 24), None, False),
        ("Give the brown-bag talk", date(2026, 11, 25), None, False),
        ("Walk", date(2026, 11, 25), None, False),
        ("Python practice", date(2026, 11, 26), None, False),
        ("Walk", date(2026, 11, 26), None, False),
        ("Walk", date(2026, 11, 27), None, False),
        ("Walk", date(2026, 11, 28), None, False),
    ]
    assert "Rustlings" not in {k[0] for k in keys}  # its goal was dropped
    practice = next(i for i in items if i.action_id == plan.practice)
    assert practice.schedule == "every Tue and Thu"
    assert practice.planned_minutes == 30
    assert practice.goal_title == "Lead the data team"


def test_missed_occurrence_is_not_rolled_forward(plan: Plan) -> None:
    """Nothing ticked: Thursday's practice stays Thursday's, the next is still Tuesday."""
    items = [i for i in _due(plan) if i.action_id == plan.practice]
    days = [i.occurrence_on for i in items]
    assert date(2026, 11, 19) in days
    assert date(2026, 11, 24) in days
    assert TODAY not in days


def test_tick_and_untick_today(plan: Plan) -> None:
    log_repo.tick(plan.store, plan.walk, TODAY, today=TODAY, minutes=25, note="[b]park[/b]")
    item = next(i for i in _due(plan) if i.key == (plan.walk, TODAY))
    assert (item.status, item.minutes, item.note) == ("done", 25, "[b]park[/b]")
    # Ticking again updates, never duplicates.
    log_repo.tick(plan.store, plan.walk, TODAY, today=TODAY, minutes=40)
    assert log_repo.count_log(plan.store, plan.plan_id) == 1
    assert log_repo.untick(plan.store, plan.walk, TODAY) is True
    item = next(i for i in _due(plan) if i.key == (plan.walk, TODAY))
    assert item.status is None
    assert log_repo.untick(plan.store, plan.walk, TODAY) is False


def test_ticking_a_missed_occurrence_keeps_it_listed_today_then_it_leaves(plan: Plan) -> None:
    missed = date(2026, 11, 19)
    log_repo.tick(plan.store, plan.practice, missed, today=TODAY)
    item = next(i for i in _due(plan) if i.key == (plan.practice, missed))
    assert item.status == "done" and not item.missed
    tomorrow = [i.key for i in _due(plan, TODAY + timedelta(days=1))]
    assert (plan.practice, missed) not in tomorrow
    with plan.store.read() as session:
        entry = session.get(LogEntry, 1)
    assert (entry.occurrence_on, entry.logged_on) == (missed, TODAY)


def test_skip_with_reason(plan: Plan) -> None:
    log_repo.skip(plan.store, plan.walk, TODAY, today=TODAY, reason="Sprained ankle")
    item = next(i for i in _due(plan) if i.key == (plan.walk, TODAY))
    assert (item.status, item.note, item.missed) == ("skipped", "Sprained ankle", False)
    rows = log_repo.log_page(plan.store, plan.plan_id)
    assert [(r.status, r.note) for r in rows] == [("skipped", "Sprained ankle")]


def test_one_off_tick_marks_the_action_done_and_untick_brings_it_back(plan: Plan) -> None:
    day = date(2026, 11, 25)
    log_repo.tick(plan.store, plan.talk, day, today=TODAY)
    with plan.store.read() as session:
        assert session.get(Action, plan.talk).status == "done"
    item = next(i for i in _due(plan) if i.action_id == plan.talk)
    assert item.status == "done"
    log_repo.untick(plan.store, plan.talk, day)
    with plan.store.read() as session:
        assert session.get(Action, plan.talk).status == "active"
    # The overdue one-off, once done, leaves the list after today.
    log_repo.tick(plan.store, plan.old, date(2026, 10, 1), today=TODAY)
    assert plan.old in {i.action_id for i in _due(plan)}
    assert plan.old not in {i.action_id for i in _due(plan, TODAY + timedelta(days=1))}


def test_ticking_a_day_off_the_schedule_is_refused(plan: Plan) -> None:
    with pytest.raises(LogError, match="not scheduled"):
        log_repo.tick(plan.store, plan.practice, date(2026, 11, 23), today=TODAY)
    with pytest.raises(LogError, match="no longer exists"):
        log_repo.tick(plan.store, 9999, TODAY, today=TODAY)
    with pytest.raises(LogError, match="Minutes"):
        log_repo.tick(plan.store, plan.walk, TODAY, today=TODAY, minutes=-5)
    assert log_repo.count_log(plan.store, plan.plan_id) == 0


def test_streaks_and_heatmap_follow_ticks(plan: Plan) -> None:
    assert log_repo.streak_summary(plan.store, plan.plan_id, TODAY).current_weeks == 0
    log_repo.tick(plan.store, plan.practice, date(2026, 11, 10), today=date(2026, 11, 10))
    log_repo.tick(plan.store, plan.practice, date(2026, 11, 12), today=date(2026, 11, 13))
    log_repo.skip(plan.store, plan.practice, date(2026, 11, 17), today=date(2026, 11, 17),
                  reason="ill")  # fmt: skip
    log_repo.tick(plan.store, plan.practice, date(2026, 11, 19), today=date(2026, 11, 19))
    summary = log_repo.streak_summary(plan.store, plan.plan_id, TODAY)
    assert summary.current_weeks == 2
    assert summary.longest_weeks == 2
    assert summary.done_this_week == 1
    # 3 Nov and 5 Nov missed: the streak is the 4 occurrences since, the skip stepped over.
    assert summary.actions[plan.practice] == 3
    assert summary.actions[plan.walk] == 0
    cells = log_repo.heatmap(plan.store, plan.plan_id, TODAY)
    assert cells == {date(2026, 11, 10): 1, date(2026, 11, 13): 1, date(2026, 11, 19): 1}
    assert min(cells) >= MONDAY - timedelta(weeks=52)


def test_heatmap_window_starts_on_a_monday_a_year_back(plan: Plan) -> None:
    first = MONDAY - timedelta(weeks=52)
    log_repo.tick(plan.store, plan.walk, TODAY, today=first)  # logged on the first day shown
    log_repo.tick(plan.store, plan.walk, TODAY - timedelta(days=1), today=first - timedelta(1))
    assert log_repo.heatmap(plan.store, plan.plan_id, TODAY) == {first: 1}


def test_weekly_progress_done_vs_planned(plan: Plan) -> None:
    log_repo.tick(plan.store, plan.practice, date(2026, 11, 17), today=date(2026, 11, 17))
    log_repo.skip(plan.store, plan.practice, date(2026, 11, 19), today=TODAY, reason="x")
    progress = log_repo.weekly_progress(plan.store, plan.plan_id, TODAY, weeks=4)
    assert [g.goal_title for g in progress] == ["Lead the data team", "Run a half marathon"]
    career = progress[0].weeks
    assert [w.week for w in career] == [MONDAY - timedelta(weeks=n) for n in (3, 2, 1, 0)]
    # Practice twice a week from 2 Nov; the overdue one-off fell in week of 29 Sep (not shown).
    assert [(w.planned, w.done, w.skipped) for w in career] == [
        (0, 0, 0),
        (2, 0, 0),
        (2, 0, 0),
        (2, 1, 1),
    ]
    personal = progress[1].weeks
    assert [w.planned for w in personal] == [0, 0, 0, 5]  # daily from Wednesday 18th


# The full log ----------------------------------------------------------------------------------


def _fill_log(plan: Plan) -> None:
    with plan.store.write() as session:
        for n in range(40):
            day = TODAY - timedelta(days=n)
            session.add(
                LogEntry(
                    action_id=plan.walk,
                    occurrence_on=day,
                    logged_on=day,
                    status="skipped" if n % 10 == 9 else "done",
                    minutes=n,
                    note="hill repeats 50%_off" if n == 3 else f"walk {n}",
                )
            )
        session.add(
            LogEntry(
                action_id=plan.practice,
                occurrence_on=date(2026, 11, 19),
                logged_on=date(2026, 11, 19),
                note="pandas",
            )
        )


def test_log_pages_filters_and_sorts(plan: Plan) -> None:
    _fill_log(plan)
    store, pid = plan.store, plan.plan_id
    assert log_repo.count_log(store, pid) == 41
    first_page = log_repo.log_page(store, pid, offset=0, limit=10)
    second_page = log_repo.log_page(store, pid, offset=10, limit=10)
    assert len(first_page) == 10
    assert first_page[0].occurrence_on == TODAY
    assert {r.id for r in first_page}.isdisjoint({r.id for r in second_page})
    assert [r.occurrence_on for r in first_page + second_page] == sorted(
        [r.occurrence_on for r in first_page + second_page], reverse=True
    )
    by_goal = LogQuery(goal_id=plan.career)
    assert log_repo.count_log(store, pid, by_goal) == 1
    assert log_repo.log_page(store, pid, by_goal)[0].goal_title == "Lead the data team"
    assert log_repo.count_log(store, pid, LogQuery(action_id=plan.walk)) == 40
    window = LogQuery(first=date(2026, 11, 1), last=date(2026, 11, 10))
    assert log_repo.count_log(store, pid, window) == 10
    # Text is matched literally: % and _ are not wildcards.
    assert [r.note for r in log_repo.log_page(store, pid, LogQuery(text="50%_"))] == [
        "hill repeats 50%_off"
    ]
    assert log_repo.count_log(store, pid, LogQuery(text="PYTHON")) == 1  # the action's title
    assert log_repo.count_log(store, pid, LogQuery(status="skipped")) == 4
    by_minutes = log_repo.log_page(store, pid, LogQuery(sort="minutes", descending=True), limit=2)
    assert [r.minutes for r in by_minutes] == [39, 38]
    ascending = log_repo.log_page(store, pid, LogQuery(sort="action", descending=False), limit=1)
    assert ascending[0].action_title == "Python practice"
    with pytest.raises(LogError):
        log_repo.log_page(store, pid, LogQuery(sort="id; drop table"))


# Wins and feedback -----------------------------------------------------------------------------


def test_wins_crud_and_filters(plan: Plan) -> None:
    store, pid = plan.store, plan.plan_id
    first = log_repo.add_win(
        store,
        pid,
        happened_on=date(2026, 11, 20),
        title="Ship [/] v1 [b]x",
        impact="cut build time 40%",
        impact_value=40,
        noticed_by="Priya",
        goal_id=plan.career,
        skill_ids=[plan.skill, plan.skill],
    )
    log_repo.add_win(store, pid, happened_on=date(2026, 11, 2), title="Ran 10 km")
    listed = log_repo.wins(store, pid)
    assert [w.title for w in listed] == ["Ship [/] v1 [b]x", "Ran 10 km"]
    assert listed[0].skill_names == ("Public speaking",)
    assert listed[0].goal_title == "Lead the data team"
    assert [w.title for w in log_repo.wins(store, pid, goal_id=plan.career)] == ["Ship [/] v1 [b]x"]
    assert [w.id for w in log_repo.wins(store, pid, skill_id=plan.skill)] == [first]
    assert [w.title for w in log_repo.wins(store, pid, text="priya")] == ["Ship [/] v1 [b]x"]
    assert [w.title for w in log_repo.wins(store, pid, last=date(2026, 11, 10))] == ["Ran 10 km"]
    log_repo.update_win(store, first, happened_on=date(2026, 11, 21), title="Shipped v1")
    updated = log_repo.wins(store, pid, limit=1)[0]
    assert (updated.title, updated.skill_ids, updated.goal_id) == ("Shipped v1", (), None)
    log_repo.delete_win(store, first)
    assert [w.title for w in log_repo.wins(store, pid)] == ["Ran 10 km"]
    with pytest.raises(LogError):
        log_repo.add_win(store, pid, happened_on=TODAY, title="   ")


def test_feedback_crud_linked_to_skills(plan: Plan) -> None:
    store, pid = plan.store, plan.plan_id
    fid = log_repo.add_feedback(
        store,
        pid,
        received_on=TODAY,
        text="Clear demo, slow intro",
        from_whom="Sam",
        kind="growth area",
        skill_ids=[plan.skill],
    )
    log_repo.add_feedback(store, pid, received_on=MONDAY, text="Great review comments")
    items = log_repo.feedback_list(store, pid)
    assert [(f.text, f.kind) for f in items] == [
        ("Clear demo, slow intro", "growth area"),
        ("Great review comments", "strength"),
    ]
    assert items[0].skill_names == ("Public speaking",)
    assert [f.id for f in log_repo.feedback_list(store, pid, kind="growth area")] == [fid]
    assert [f.id for f in log_repo.feedback_list(store, pid, skill_id=plan.skill)] == [fid]
    assert [f.id for f in log_repo.feedback_list(store, pid, text="sam")] == [fid]
    log_repo.update_feedback(store, fid, received_on=TODAY, text="Clear demo", kind="strength")
    assert log_repo.feedback_list(store, pid, kind="growth area") == []
    log_repo.delete_feedback(store, fid)
    assert len(log_repo.feedback_list(store, pid)) == 1
    with pytest.raises(LogError):
        log_repo.add_feedback(store, pid, received_on=TODAY, text="x", kind="meh")


def test_choices(plan: Plan) -> None:
    assert log_repo.skill_choices(plan.store, plan.plan_id) == [(plan.skill, "Public speaking")]
    assert [t for _, t in log_repo.goal_choices(plan.store, plan.plan_id)] == [
        "Lead the data team",
        "Run a half marathon",
    ]
    assert "Rustlings" in {t for _, t in log_repo.action_choices(plan.store, plan.plan_id)}


RULES = [
    "FREQ=DAILY",
    "FREQ=WEEKLY;BYDAY=TU,TH",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
    "FREQ=DAILY;INTERVAL=3",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rule=st.sampled_from(RULES),
    days_back=st.integers(min_value=0, max_value=900),
    pattern=st.lists(st.sampled_from(["done", "done", "done", "skipped", None]), max_size=400),
    seed_done=st.booleans(),
)
def test_action_streaks_walk_in_windows_like_one_pass_over_the_schedule(
    rule: str, days_back: int, pattern: list[str | None], seed_done: bool
) -> None:
    """The windowed walk (64, 256, 1024 days...) gives the plain domain function's answer.

    Long runs cross window edges; `seed_done` makes all older occurrences done, so a run can
    reach back to the action's start.
    """
    store = Store.memory()
    plan_id = store.plan_id()
    start = TODAY - timedelta(days=days_back)
    with store.write() as session:
        goal = Goal(plan_id=plan_id, title="Keep at it")
        session.add(goal)
        session.flush()
        action = Action(goal_id=goal.id, title="Practise", kind="recurring", rrule=rule,
                        starts_on=start)  # fmt: skip
        session.add(action)
        session.flush()
        action_id = action.id
    scheduled = recurrence.occurrences(rule, start, None, start, TODAY)
    newest_first = list(reversed(scheduled))
    statuses: dict[date, str] = {}
    for index, day in enumerate(newest_first):
        status = pattern[index] if index < len(pattern) else ("done" if seed_done else None)
        if status is not None:
            statuses[day] = status
    with store.write() as session:
        session.add_all(
            LogEntry(action_id=action_id, occurrence_on=day, logged_on=day, status=status)
            for day, status in statuses.items()
        )
    expected = streaks.action_streak(scheduled, statuses, TODAY)
    assert log_repo.action_streaks(store, plan_id, TODAY) == {action_id: expected}
    store.close()


def test_done_weeks_are_mondays_of_this_plans_done_days(plan: Plan) -> None:
    log_repo.tick(plan.store, plan.walk, date(2026, 11, 18), today=date(2026, 11, 18))  # Wed
    log_repo.tick(plan.store, plan.walk, date(2026, 11, 19), today=date(2026, 11, 22))  # Sun
    log_repo.tick(plan.store, plan.practice, date(2026, 11, 10), today=date(2026, 11, 10))
    log_repo.skip(plan.store, plan.practice, date(2026, 11, 3), today=date(2026, 11, 3),
                  reason="away")  # fmt: skip
    with plan.store.write() as session:  # another plan's entries never count
        other = PlanRow()
        session.add(other)
        session.flush()
        goal = Goal(plan_id=other.id, title="Theirs")
        session.add(goal)
        session.flush()
        theirs = Action(goal_id=goal.id, title="Theirs", due=date(2026, 10, 1))
        session.add(theirs)
        session.flush()
        session.add(LogEntry(action_id=theirs.id, occurrence_on=date(2026, 10, 1),
                             logged_on=date(2026, 10, 1)))  # fmt: skip
    assert log_repo.done_weeks(plan.store, plan.plan_id) == [date(2026, 11, 9), MONDAY]
