"""The command line: version, help, usage errors, --db placement, demo databases."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from growth_tui import __version__
from growth_tui.cli import main

ROOT = Path(__file__).parent.parent


def run_growth(*args: str, env_db: str | None = None) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    if env_db is None:
        env.pop("GROWTH_TUI_DB", None)
    else:
        env["GROWTH_TUI_DB"] = env_db
    return subprocess.run(
        [sys.executable, "-m", "growth_tui", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"growth {__version__}"


def test_help_lists_the_commands(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--db PATH" in out and "--demo" in out and "demo" in out


def test_subcommand_help_and_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--help"])
    assert exit_info.value.code == 0
    assert "--years" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--version"])
    assert exit_info.value.code == 0


@pytest.mark.parametrize("argv", [["--frobnicate"], ["demo", "--years", "many"], ["nope"]])
def test_usage_errors_exit_2(argv, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "usage: growth" in capsys.readouterr().err


@pytest.mark.parametrize("before", [True, False])
def test_db_works_before_or_after_the_command(tmp_path: Path, before: bool, capsys) -> None:
    db = tmp_path / f"demo-{before}.db"
    argv = ["--db", str(db), "demo"] if before else ["demo", "--db", str(db)]
    assert main(argv) == 0
    assert str(db) in capsys.readouterr().out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM goal WHERE status = 'active'").fetchone()[0] == 2


def test_db_flag_beats_the_environment(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("GROWTH_TUI_DB", str(tmp_path / "env.db"))
    assert main(["demo", "--db", str(tmp_path / "flag.db")]) == 0
    assert (tmp_path / "flag.db").exists()
    assert not (tmp_path / "env.db").exists()


def test_environment_variable_is_used_without_flag(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GROWTH_TUI_DB", str(tmp_path / "env.db"))
    assert main(["demo"]) == 0
    assert (tmp_path / "env.db").exists()


def test_demo_refuses_a_database_with_a_plan(tmp_path: Path, capsys) -> None:
    db = tmp_path / "mine.db"
    assert main(["demo", "--db", str(db)]) == 0
    before = db.read_bytes()
    assert main(["demo", "--db", str(db)]) == 2
    assert "already holds a plan" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_demo_ten_years(tmp_path: Path) -> None:
    db = tmp_path / "ten.db"
    assert main(["demo", "--years", "10", "--db", str(db)]) == 0
    conn = sqlite3.connect(db)
    first = conn.execute("SELECT min(occurrence_on) FROM log_entry").fetchone()[0]
    assert first < "2017-01-01"
    assert conn.execute("SELECT count(*) FROM log_entry").fetchone()[0] > 4000
    assert conn.execute("SELECT count(*) FROM reflection_session").fetchone()[0] == 10


def test_not_a_database_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("groceries\n" * 50)
    result = run_growth("demo", "--db", str(db))
    assert result.returncode == 2
    assert "not a growth database" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_text() == "groceries\n" * 50


def test_demo_without_a_database_is_refused(monkeypatch, capsys) -> None:
    monkeypatch.delenv("GROWTH_TUI_DB")
    assert main(["demo"]) == 2
    assert "needs a database" in capsys.readouterr().err


def test_the_app_on_a_bad_file_exits_2_with_a_message(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"\x00\x01binary junk" * 100)
    result = run_growth("--db", str(db))
    assert result.returncode == 2
    assert "not a growth database" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_every_subcommand_takes_db_before_or_after_its_name(tmp_path: Path) -> None:
    from growth_tui.cli import COMMANDS, build_parser

    parser = build_parser()
    db = str(tmp_path / "x.db")
    for name in COMMANDS:
        before = parser.parse_args(["--db", db, name])
        after = parser.parse_args([name, "--db", db])
        assert before.db == db and after.db == db, name
        assert parser.parse_args([name]).db is None, name
