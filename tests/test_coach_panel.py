"""Home's coach panel: the same findings as `growth check --json`, opening and dismissing."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import select
from textual.app import App, ComposeResult

from growth_tui.cli import main
from growth_tui.demo import build_demo
from growth_tui.domain.coach import Finding
from growth_tui.store.coach_repo import plan_findings
from growth_tui.store.engine import Store, open_store
from growth_tui.store.models import Action, CoachDismissal, Goal, Plan
from growth_tui.ui.widgets.coach_panel import CoachData, CoachPanel, FindingList
from tests.conftest import MARKUP_TEXT, TODAY, ready
from tests.helpers import screen_text


def _issue_plan(store: Store, title: str = "Become a senior engineer") -> int:
    plan_id = store.plan_id()
    with store.write() as session:
        goal = Goal(plan_id=plan_id, title=title, track="career")
        session.add(goal)
        session.flush()
        session.add(Action(goal_id=goal.id, title="Be a leader for the team"))
        session.add(Action(goal_id=goal.id, title="Be tech lead for one bigger project"))
        return int(goal.id)


def _panel(app) -> CoachPanel:
    return app.screen.query_one(CoachPanel)


def _flat(text: str) -> str:
    """Screen text with box borders gone and wrapped lines joined (one column layouts only)."""
    for char in "│╭╮╰╯─▁▔▏▕":
        text = text.replace(char, " ")
    return " ".join(text.split())


async def _show_panel(app, pilot) -> str:
    """Scroll the coach panel into view; return the screen as flat text."""
    _panel(app).scroll_visible(animate=False)
    await pilot.pause()
    return _flat(screen_text(app))


async def _focus_findings(app, pilot) -> None:
    app.screen.query_one(FindingList).focus()
    await pilot.pause()


async def test_same_findings_as_check_json_on_the_demo(make_app, tmp_path: Path, capsys) -> None:
    path = tmp_path / "demo.db"
    store = open_store(path)
    build_demo(store, years=1, today=TODAY)
    store.close()
    assert main(["check", "--db", str(path), "--json", "--today", TODAY.isoformat()]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed, "the demo plan should give the coach something to say"

    app = make_app(db_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        panel = _panel(app)
        assert [f.to_dict() for f in panel.findings] == printed[:3]
        text = await _show_panel(app, pilot)
        for number, finding in enumerate(printed[:3], start=1):
            assert (
                f"{number} {'!' if finding['severity'] == 'warn' else '·'} " + finding["message"]
                in text
            )
        assert f"Coach · {len(printed)}" in text


async def test_issue_plan_top_three_most_important_first(make_app, store: Store) -> None:
    _issue_plan(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        panel = _panel(app)
        everything = plan_findings(store, store.plan_id(), TODAY)
        assert panel.findings == everything[:3]
        assert [f.rule_id for f in panel.findings] == [
            "action-not-in-control",
            "action-not-concrete",
            "career-goal-without-visibility",
        ]
        text = await _show_panel(app, pilot)
        assert "\u201cBe tech lead for one bigger project\u201d" in text
        assert f"{len(everything) - 3} more" in text
        # the hint of the highlighted finding is shown under the list
        assert "Try: Make it the goal" in text


async def test_enter_opens_goals_with_the_goal_selected(
    make_app, store: Store, monkeypatch
) -> None:
    from growth_tui.ui.screens.goals import GoalsScreen

    goal_id = _issue_plan(store)
    selected: list[int] = []
    monkeypatch.setattr(GoalsScreen, "select_goal", lambda self, gid: selected.append(gid))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        findings = _panel(app).findings
        goal_index = next(i for i, f in enumerate(findings) if f.subject_kind == "goal")
        await _focus_findings(app, pilot)
        await pilot.press(*["down"] * goal_index, "enter")
        await ready(pilot)
        await pilot.pause()
        assert app.current_mode == "goals"
        assert selected == [goal_id]


async def test_number_keys_open_plan_findings_where_they_are_fixed(make_app, store: Store) -> None:
    plan_id = store.plan_id()  # a plan with only a north star: just "no-reflection"
    with store.write() as session:
        plan = session.get(Plan, plan_id)
        plan.north_star = "Calm and curious"
        session.add(plan)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert [f.rule_id for f in _panel(app).findings] == ["no-reflection"]
        await _focus_findings(app, pilot)
        await pilot.press("2")  # nothing there: stays home
        assert app.current_mode == "home"
        await pilot.press("1")
        await ready(pilot)
        assert app.current_mode == "reflect"


async def test_dismiss_hides_the_finding_for_good(make_app, store: Store) -> None:
    _issue_plan(store)
    app = make_app(store)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        first = _panel(app).findings[0]
        await _focus_findings(app, pilot)
        await pilot.press("d")
        await ready(pilot)
        await pilot.pause()
        assert first not in _panel(app).findings
        assert first.key not in {f.key for f in plan_findings(store, store.plan_id(), TODAY)}
        assert "I know, and that's fine" in screen_text(app)
    with store.read() as session:
        rows = session.exec(select(CoachDismissal)).all()
    assert [(r.rule_id, r.subject_kind, r.subject_id) for r in rows] == [first.key]
    # a new app on the same database still does not show it; u there has nothing to undo
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert first not in _panel(app).findings
        await _focus_findings(app, pilot)
        await pilot.press("u")
        await ready(pilot)
        assert first not in _panel(app).findings


async def test_undo_brings_the_dismissed_finding_back(make_app, store: Store) -> None:
    _issue_plan(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        before = list(_panel(app).findings)
        await _focus_findings(app, pilot)
        await pilot.press("down", "d")
        await ready(pilot)
        await pilot.pause()
        assert before[1] not in _panel(app).findings
        await pilot.press("u")
        await ready(pilot)
        await pilot.pause()
        assert _panel(app).findings == before
    with store.read() as session:
        assert session.exec(select(CoachDismissal)).all() == []


async def test_user_text_is_shown_literally(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    with store.write() as session:
        goal = Goal(plan_id=plan_id, title="Improve", track="career")
        session.add(goal)
        session.flush()
        session.add(Action(goal_id=goal.id, title=f"Be tech lead {MARKUP_TEXT}"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert f"\u201cBe tech lead {MARKUP_TEXT}\u201d" in await _show_panel(app, pilot)


async def test_nothing_to_say(make_app, store: Store, monkeypatch) -> None:
    _issue_plan(store)  # not empty, so Home shows its panels rather than the welcome
    monkeypatch.setattr(CoachPanel, "load", lambda self, s, p, t: CoachData([]))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert "Nothing to point out: the plan reads well." in await _show_panel(app, pilot)


# -- snapshot: the panel alone, so other Home panels do not move it --------------------------

FINDINGS = [
    Finding(
        "action-not-in-control",
        "warn",
        "action",
        2,
        "Be tech lead for one bigger project",
        "This is an outcome other people decide, written as if you could just do it.",
        "Make it the goal; as actions, do what puts you in the running.",
        1,
    ),
    Finding(
        "career-goal-without-visibility",
        "warn",
        "goal",
        1,
        "Become a senior engineer",
        "None of its steps lets the people who decide see the work.",
        "Add a step that shows it: a demo, a write-up, a monthly update to your manager.",
        1,
    ),
    Finding(
        "no-reflection",
        "info",
        "plan",
        None,
        "your plan",
        "You have not done a self-reflection yet.",
        "Take twenty minutes for a reflection.",
        None,
    ),
    Finding(
        "single-track", "info", "plan", None, "your plan", "Only career goals.", "Add one.", None
    ),
]


class PanelHost(App):
    def compose(self) -> ComposeResult:
        yield CoachPanel(id="panel-coach")

    def on_mount(self) -> None:
        panel = self.query_one(CoachPanel)
        panel.show(CoachData(FINDINGS))
        panel.query_one(FindingList).focus()


def test_panel_snapshot_80x24(snap_compare) -> None:
    assert snap_compare(PanelHost(), terminal_size=(80, 24))


async def test_an_action_finding_selects_the_action_when_goals_can(
    make_app, store: Store, monkeypatch
) -> None:
    from growth_tui.ui.screens.goals import GoalsScreen

    _issue_plan(store)
    calls: list[tuple[str, int]] = []
    monkeypatch.setattr(GoalsScreen, "select_goal", lambda self, i: calls.append(("goal", i)))
    monkeypatch.setattr(GoalsScreen, "select_action", lambda self, i: calls.append(("action", i)))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        first = _panel(app).findings[0]
        assert first.subject_kind == "action"
        await _focus_findings(app, pilot)
        await pilot.press("1")
        await ready(pilot)
        await pilot.pause()
        assert app.current_mode == "goals"
        assert calls == [("action", first.subject_id)]


async def test_opening_a_finding_puts_the_goals_cursor_on_its_subject(
    make_app, store: Store
) -> None:
    from textual.widgets import Tree

    from growth_tui.ui.screens.goals import NodeRef

    goal_id = _issue_plan(store)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        findings = _panel(app).findings
        action_finding = findings[0]
        goal_index = next(i for i, f in enumerate(findings) if f.subject_kind == "goal")
        await _focus_findings(app, pilot)
        await pilot.press("1")
        await ready(pilot)
        await pilot.pause(0.1)
        assert app.current_mode == "goals"
        tree = app.screen.query_one("#plan-tree", Tree)
        assert tree.cursor_node.data == NodeRef("action", action_finding.subject_id)
        assert app.focused is tree
        # back home, and the goal finding opens the goal itself
        await pilot.press("f1")
        await ready(pilot)
        await _focus_findings(app, pilot)
        await pilot.press(str(goal_index + 1))
        await ready(pilot)
        await pilot.pause(0.1)
        assert app.current_mode == "goals"
        tree = app.screen.query_one("#plan-tree", Tree)
        assert tree.cursor_node.data == NodeRef("goal", goal_id)
