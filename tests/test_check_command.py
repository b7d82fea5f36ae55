"""`growth check`: readable and JSON findings, exit codes 0 / 1 / 2, single statements."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from growth_tui.cli import main
from growth_tui.demo import build_demo
from growth_tui.store.coach_repo import plan_findings
from growth_tui.store.engine import open_store
from growth_tui.store.models import ReflectionSession
from tests.conftest import MARKUP_TEXT, TODAY


def test_vague_goal_readable(capsys) -> None:
    assert main(["check", "--goal", "I want to get better at public speaking"]) == 1
    out = capsys.readouterr().out
    assert "smart-specific" in out and "smart-measurable" in out and "smart-time-bound" in out
    assert 'goal "I want to get better at public speaking"' in out
    assert "Try: " in out


def test_smart_goal_with_nothing_to_say_exits_0(capsys) -> None:
    goal = (
        "Give three 10-minute talks at our monthly team demo by the end of June, "
        "with help from my mentor, so that the team sees what I build"
    )
    assert main(["check", "--goal", goal]) == 0
    assert "nothing to point out about this goal" in capsys.readouterr().out
    assert main(["check", "--json", "--goal", goal]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_action_as_json(capsys) -> None:
    assert main(["check", "--action", "Be tech lead for one bigger project", "--json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)
    assert finding["rule_id"] == "action-not-in-control"
    assert finding["severity"] == "warn"
    assert finding["subject_kind"] == "action"
    assert finding["subject"] == "Be tech lead for one bigger project"
    assert finding["message"] and finding["hint"]
    assert main(["check", "--action", "Ask my manager what senior means here, by Friday"]) == 0


def test_user_text_printed_literally(capsys) -> None:
    assert main(["check", "--action", f"Be {MARKUP_TEXT}"]) == 1
    assert f'action "Be {MARKUP_TEXT}"' in capsys.readouterr().out


def test_goal_and_action_together_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--goal", "a", "--action", "b"])
    assert exit_info.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def _demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    store = open_store(path)
    build_demo(store, years=1, today=TODAY)
    store.close()
    return path


def test_plan_findings_as_json_match_the_store(tmp_path: Path, capsys) -> None:
    path = _demo_db(tmp_path)
    code = main(["--db", str(path), "check", "--json", "--today", TODAY.isoformat()])
    printed = json.loads(capsys.readouterr().out)
    store = open_store(path)
    expected = [f.to_dict() for f in plan_findings(store, store.plan_id(), TODAY)]
    store.close()
    assert printed == expected
    assert code == (1 if expected else 0)
    assert {f["rule_id"] for f in printed} >= {"over-budget"}


def test_plan_findings_readable(tmp_path: Path, capsys) -> None:
    path = _demo_db(tmp_path)
    assert main(["check", "--db", str(path), "--today", TODAY.isoformat()]) == 1
    out = capsys.readouterr().out
    assert out.startswith("2 findings about your plan (1 to act on):")
    assert "! over-budget" in out and "· no-reflection" in out
    # most important first
    assert out.index("over-budget") < out.index("no-reflection")


def test_quiet_plan_exits_0(tmp_path: Path, capsys) -> None:
    path = tmp_path / "quiet.db"
    store = open_store(path)
    plan_id = store.plan_id()
    with store.write() as session:
        now = datetime(2026, 11, 1, tzinfo=UTC)
        session.add(ReflectionSession(plan_id=plan_id, started_at=now, updated_at=now))
    store.close()
    assert main(["check", "--db", str(path), "--today", TODAY.isoformat()]) == 0
    assert "nothing to point out about your plan" in capsys.readouterr().out


def test_missing_database_is_an_error_not_a_new_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "nowhere.db"
    assert main(["check", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("growth: there is no plan at") and "Traceback" not in err
    assert not path.exists()


def test_not_a_database_is_an_error(tmp_path: Path, capsys) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes\n" * 20)
    assert main(["check", "--db", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not a growth database" in captured.err


def test_bad_today_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--today", "soon"])
    assert exit_info.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_check_never_imports_textual(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = _demo_db(tmp_path)
    code = (
        "import sys\n"
        "from growth_tui.cli import main\n"
        "main(['check', '--goal', 'Improve'])\n"
        f"main(['check', '--db', {str(path)!r}, '--json'])\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
