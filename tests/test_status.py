"""`growth status`: what it counts, how it prints, and that it stays light."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from growth_tui.commands import CommandError
from growth_tui.commands import status as status_cmd
from growth_tui.store.engine import open_store
from growth_tui.store.models import Action, Goal, LogEntry, Plan

TODAY = date(2026, 11, 22)  # a Sunday


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "growth.db"
    store = open_store(path)
    plan_id = store.plan_id()
    with store.write() as s:
        plan = s.get(Plan, plan_id)
        plan.next_checkin_on = date(2026, 11, 19)
        plan.north_star = "Grow into a staff engineer"
        s.add(plan)
        goal = Goal(plan_id=plan_id, title="Ship [/] v1 [b]x")
        s.add(goal)
        s.flush()
        daily = Action(
            goal_id=goal.id,
            title="Read 10 pages",
            kind="recurring",
            rrule="FREQ=DAILY",
            starts_on=TODAY - timedelta(days=30),
        )
        due_today = Action(goal_id=goal.id, title="Send the draft", due=TODAY)
        late = Action(goal_id=goal.id, title="Book a 1:1", due=TODAY - timedelta(days=3))
        s.add_all([daily, due_today, late])
        s.flush()
        # Read every day for three weeks except Thursday 19 Nov and Saturday 21 Nov.
        for n in range(1, 22):
            day = TODAY - timedelta(days=n)
            if day not in (date(2026, 11, 19), date(2026, 11, 21)):
                s.add(LogEntry(action_id=daily.id, occurrence_on=day, logged_on=day))
    store.close()
    return path


def test_collect_counts_due_overdue_streak_and_next_checkin(db: Path) -> None:
    got = status_cmd.collect(db, TODAY)
    assert got["due_today_titles"] == ["Send the draft", "Read 10 pages"]
    assert got["overdue"] == 3  # Book a 1:1, and the two missed reading days
    assert got["next_review"] == {
        "kind": "weekly",
        "on": "2026-11-19",
        "overdue": True,
        "days_overdue": 3,
        "text": "Weekly check-in is 3 days overdue - a short one still counts",
    }
    assert got["weekly_streak"] == 4  # the weeks of 26 Oct, 2, 9 and 16 Nov


def test_top_coach_finding_names_the_goal(db: Path) -> None:
    coach = status_cmd.collect(db, TODAY)["coach"]
    assert coach is not None and coach["subject"] == "Ship [/] v1 [b]x"  # no metric, no date


def test_coach_findings_match_the_apps(tmp_path: Path) -> None:
    """The plain-SQL snapshot gives exactly the findings `coach_repo` gives the app."""
    from growth_tui.demo import build_demo
    from growth_tui.domain.coach import review_plan
    from growth_tui.store import coach_repo
    from growth_tui.store.status_query import read_status

    path = tmp_path / "demo.db"
    store = open_store(path)
    build_demo(store, years=2, today=TODAY)
    with store.write() as s:  # make the coach speak: a vague goal with no metric or date
        s.add(Goal(plan_id=store.plan_id(), title="get better"))
    expected = coach_repo.plan_findings(store, store.plan_id(), TODAY)
    store.close()
    data = read_status(path, TODAY)
    assert expected, "the vague goal should give findings"
    assert review_plan(data.coach, TODAY) == expected
    assert status_cmd.collect(path, TODAY)["coach"]["message"] == expected[0].message


def test_render_text_short_and_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    got = status_cmd.collect(db, TODAY)
    text = status_cmd.render(got)
    assert text.splitlines()[0] == "Today:    2 actions due today, 3 overdue"
    assert "          - Send the draft" in text
    assert "Check-in: Weekly check-in is 3 days overdue" in text
    assert status_cmd.render(got, short=True) == (
        "2 actions due today, 3 overdue | weekly check-in overdue | streak 4 weeks"
    )
    args = argparse.Namespace(db=str(db), json=True, short=False)
    assert status_cmd.run(args, today=TODAY) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["due_today"] == 2 and printed["next_review"]["kind"] == "weekly"


def test_missing_or_foreign_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No database at"):
        status_cmd.collect(tmp_path / "none.db", TODAY)
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite at all, just text" * 10)
    with pytest.raises(CommandError, match="not a growth database"):
        status_cmd.collect(junk, TODAY)


def test_status_imports_no_heavy_modules(db: Path) -> None:
    code = (
        "import sys, datetime;"
        "from growth_tui.commands import status;"
        f"status.collect(__import__('pathlib').Path({str(db)!r}), datetime.date(2026, 11, 22));"
        "print(sorted(m for m in ('textual', 'sqlmodel', 'sqlalchemy') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    ).stdout
    assert out.strip() == "[]"


def test_cli_runs_status_and_fails_cleanly(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from growth_tui.cli import main

    assert main(["status", "--db", str(db), "--short"]) == 0
    out = capsys.readouterr().out
    assert "| streak " in out and "due today" in out
    assert main(["--db", str(tmp_path / "missing.db"), "status"]) == 2
    assert capsys.readouterr().err.startswith("growth: No database at")
