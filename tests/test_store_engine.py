"""The store: tables round-trip, migrations, file checks, permissions, concurrent writers."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import SQLModel, select

from growth_tui.store import migrations, models
from growth_tui.store.engine import Store, StoreError, open_store
from growth_tui.store.models import ALL_TABLES, Goal, LogEntry, Plan
from tests.conftest import MARKUP_TEXT

WHEN = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)


def sample_rows(plan_id: int) -> list[SQLModel]:
    """One row of every table, linked together, with awkward text."""
    text = MARKUP_TEXT + " 🌱 " + "é" * 3
    rows: list[SQLModel] = []
    goal = models.Goal(
        id=10,
        plan_id=plan_id,
        title=text,
        track="career",
        metric="docs",
        baseline=1,
        target=4,
        unit="docs",
        current_value=2,
        due=date(2027, 3, 31),
        created_at=WHEN,
        updated_at=WHEN,
    )
    milestone = models.Goal(
        id=11,
        plan_id=plan_id,
        parent_id=10,
        milestone_scale="quarter",
        title="Q1 step",
        created_at=WHEN,
        updated_at=WHEN,
    )
    rows += [goal, milestone]
    rows.append(models.Supporter(id=1, plan_id=plan_id, name="Ana", created_at=WHEN))
    rows.append(models.NorthStarVersion(id=1, plan_id=plan_id, text=text, set_at=WHEN))
    rows.append(
        models.ReflectionSession(
            id=1, plan_id=plan_id, prompt_sets="know", started_at=WHEN, updated_at=WHEN
        )
    )
    rows.append(
        models.ReflectionAnswer(
            id=1, session_id=1, prompt_key="values", position=0, text=text, rank=1, updated_at=WHEN
        )
    )
    rows.append(models.Skill(id=1, plan_id=plan_id, name="Writing", created_at=WHEN))
    rows.append(
        models.SkillAssessment(
            id=1, skill_id=1, assessed_on=date(2026, 3, 1), current_level=2, target_level=4
        )
    )
    rows.append(
        models.GoalStatusChange(
            id=1, goal_id=10, from_status="active", to_status="paused", changed_at=WHEN
        )
    )
    rows.append(models.FocusPoint(id=1, goal_id=10, title=text, created_at=WHEN))
    rows.append(
        models.Action(
            id=1,
            goal_id=10,
            focus_point_id=1,
            title=text,
            kind="recurring",
            rrule="FREQ=WEEKLY;BYDAY=TU,TH",
            starts_on=date(2026, 3, 3),
            planned_minutes=30,
            supporter_id=1,
            created_at=WHEN,
            updated_at=WHEN,
        )
    )
    rows.append(
        models.LogEntry(
            id=1,
            action_id=1,
            occurrence_on=date(2026, 3, 5),
            logged_on=date(2026, 3, 5),
            minutes=25,
            note=text,
            created_at=WHEN,
        )
    )
    rows.append(
        models.Win(
            id=1,
            plan_id=plan_id,
            goal_id=10,
            happened_on=date(2026, 3, 6),
            title=text,
            created_at=WHEN,
        )
    )
    rows.append(
        models.Feedback(
            id=1, plan_id=plan_id, received_on=date(2026, 3, 6), text=text, created_at=WHEN
        )
    )
    rows.append(models.CheckIn(id=1, plan_id=plan_id, held_on=date(2026, 3, 7), started_at=WHEN))
    rows.append(
        models.CheckInAnswer(id=1, check_in_id=1, question_key="gains", text=text, updated_at=WHEN)
    )
    rows.append(models.GoalReview(id=1, check_in_id=1, goal_id=10, metric_value=2.5))
    rows.append(models.GoalSkill(goal_id=10, skill_id=1))
    rows.append(models.GoalSupporter(goal_id=10, supporter_id=1))
    rows.append(models.WinSkill(win_id=1, skill_id=1))
    rows.append(models.FeedbackSkill(feedback_id=1, skill_id=1))
    rows.append(
        models.CoachDismissal(
            id=1, rule_id="focus-count", subject_kind="goal", subject_id=10, dismissed_at=WHEN
        )
    )
    return rows


def test_every_table_round_trips(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    plan_id = store.plan_id()
    rows = sample_rows(plan_id)
    assert {type(row) for row in rows} | {Plan} == set(ALL_TABLES)
    expected = [row.model_dump() for row in rows]
    with store.write() as session:
        for row in rows:  # in link order: no relationships tell the session the order
            session.add(row)
            session.flush()
    store.close()
    store = open_store(tmp_path / "g.db")
    with store.read() as session:
        for row, want in zip(rows, expected, strict=True):
            key = tuple(getattr(row, c.name) for c in row.__table__.primary_key.columns)
            found = session.get(type(row), key if len(key) > 1 else key[0])
            assert found is not None, type(row)
            assert found.model_dump() == want, type(row).__name__
    store.close()


def test_datetimes_come_back_aware_and_naive_ones_are_refused(store: Store) -> None:
    plan_id = store.plan_id()
    with store.read() as session:
        plan = session.get(Plan, plan_id)
    assert plan.created_at.tzinfo is not None
    with pytest.raises(Exception, match="naive"), store.write() as session:
        session.add(
            models.Win(
                plan_id=plan_id,
                happened_on=date(2026, 1, 1),
                title="x",
                created_at=datetime(2026, 1, 1),
            )
        )


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    """The steps build exactly the tables and columns the models declare."""
    store = open_store(tmp_path / "steps.db")
    store.close()
    fresh = sqlite3.connect(tmp_path / "steps.db")
    reference = sqlite3.connect(":memory:")
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://", creator=lambda: reference)
    SQLModel.metadata.create_all(engine)

    def shape(conn: sqlite3.Connection) -> dict[str, set[tuple]]:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            t: {(c[1], c[2].upper(), c[3], c[5]) for c in conn.execute(f'PRAGMA table_info("{t}")')}
            for t in tables
        }

    def indexes(conn: sqlite3.Connection) -> set[str]:
        return {
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='index' AND name LIKE 'ix_%'"
            )
        }

    assert shape(fresh) == shape(reference)
    assert indexes(fresh) == indexes(reference)
    assert fresh.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION


def _write_v1_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    for statement in migrations._statements(migrations.SCHEMA_V1):  # noqa: SLF001
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    now = "2025-01-02 03:04:05.000000"
    conn.execute(
        "INSERT INTO plan (id, north_star, checkin_cadence, created_at, updated_at) "
        "VALUES (1, 'Old star', 'weekly', ?, ?)",
        (now, now),
    )
    for goal_id in (1, 2):
        conn.execute(
            "INSERT INTO goal (id, plan_id, track, title, metric, unit, why_achievable, obstacles,"
            " resources, why_relevant, status, status_note, position, created_at, updated_at)"
            " VALUES (?, 1, 'career', ?, '', '', '', '', '', '', 'active', '', 0, ?, ?)",
            (goal_id, f"Goal {goal_id}", now, now),
        )
    conn.execute(
        "INSERT INTO action (id, goal_id, title, kind, rrule, status, position, created_at,"
        " updated_at) VALUES (1, 1, 'Write weekly', 'recurring', 'FREQ=WEEKLY', 'active', 0, ?, ?)",
        (now, now),
    )
    for day in range(1, 29):
        conn.execute(
            "INSERT INTO log_entry (action_id, occurrence_on, logged_on, status, note, created_at)"
            " VALUES (1, ?, ?, 'done', '', ?)",
            (f"2025-02-{day:02d}", f"2025-02-{day:02d}", now),
        )
    conn.commit()
    conn.close()


def test_an_older_database_is_migrated_after_a_backup_and_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _write_v1_database(path)
    store = open_store(path)
    with store.read() as session:
        assert session.get(Plan, 1).north_star == "Old star"
        assert len(session.exec(select(Goal)).all()) == 2
        assert len(session.exec(select(LogEntry)).all()) == 28
        action = session.get(models.Action, 1)
        assert action.direction is None
        session.add(models.CoachDismissal(rule_id="x", subject_kind="plan"))
    store.close()
    backups = list((tmp_path / "backups").glob("old-*-before-v*.db"))
    assert len(backups) == 1
    assert stat.S_IMODE(os.stat(backups[0]).st_mode) == 0o600
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT count(*) FROM log_entry").fetchone()[0] == 28
    migrated = sqlite3.connect(path)
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION


def test_a_failing_migration_rolls_back(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.db"
    _write_v1_database(path)

    def broken(connection) -> None:
        connection.exec_driver_sql("ALTER TABLE goal ADD COLUMN doomed INTEGER")
        connection.exec_driver_sql("SELECT * FROM no_such_table")

    steps = [*migrations.STEPS, migrations.Step(99, "broken", broken)]
    monkeypatch.setattr(migrations, "STEPS", steps)
    monkeypatch.setattr(migrations, "CURRENT_VERSION", 99)
    with pytest.raises(StoreError):
        open_store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = {row[1] for row in conn.execute("PRAGMA table_info(goal)")}
    assert "doomed" not in columns
    assert "direction" not in {row[1] for row in conn.execute("PRAGMA table_info(action)")}
    assert conn.execute("SELECT count(*) FROM log_entry").fetchone()[0] == 28


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer growth"):
        open_store(path)
    assert path.read_bytes() == before


def test_new_database_and_folder_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "g.db"
    open_store(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700


def test_pragmas_are_set_on_every_connection(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    with store.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"my shopping list\n" * 100, "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 500, "damaged"),
    ],
)
def test_files_that_are_not_our_database_are_refused_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        open_store(path)
    assert path.read_bytes() == content


def test_another_apps_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not one of growth's"):
        open_store(path)
    assert path.read_bytes() == before


def test_damaged_pages_are_found_by_the_quick_check(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    store = open_store(path)
    with store.write() as session:
        for n in range(300):
            session.add(
                models.Win(
                    plan_id=store.plan_id(),
                    happened_on=date(2026, 1, 1),
                    title=f"win {n} " + "x" * 200,
                )
            )
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data), 4096):  # scribble over interior pages
        data[offset + 8 : offset + 40] = b"\xff" * 32
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StoreError, match="damaged"):
        open_store(path)
    assert path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_file_and_folder_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    open_store(path).close()
    os.chmod(path, 0o400)
    with pytest.raises(StoreError, match="read-only"):
        open_store(path)
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    with pytest.raises(StoreError, match="permission denied"):
        open_store(folder / "g.db")


def test_read_only_file_is_refused_even_for_root(tmp_path: Path, monkeypatch) -> None:
    """As root, permissions do not stop writes; the check is what the user relies on."""
    path = tmp_path / "g.db"
    open_store(path).close()
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: False if (Path(p) == path and mode == os.W_OK) else real_access(p, mode),
    )
    with pytest.raises(StoreError, match="read-only"):
        open_store(path)
    before = path.read_bytes()
    folder = tmp_path / "locked"
    folder.mkdir()
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: False if (Path(p) == folder and mode == os.W_OK) else real_access(p, mode),
    )
    with pytest.raises(StoreError, match="permission denied"):
        open_store(folder / "g.db")
    assert not (folder / "g.db").exists()
    assert path.read_bytes() == before


def test_folder_that_cannot_be_created_is_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    with pytest.raises(StoreError, match="Cannot create the folder"):
        open_store(blocker / "sub" / "g.db")


def test_two_writers_on_one_file_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    first = open_store(path)
    plan_id = first.plan_id()
    second = open_store(path)
    errors: list[BaseException] = []

    def write_many(store: Store, prefix: str) -> None:
        try:
            for n in range(150):
                with store.write() as session:
                    plan = session.get(Plan, plan_id)  # read, then write: the risky pattern
                    session.add(
                        models.Win(
                            plan_id=plan.id, happened_on=date(2026, 1, 1), title=f"{prefix}{n}"
                        )
                    )
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    threads = [
        threading.Thread(target=write_many, args=(s, p)) for s, p in ((first, "a"), (second, "b"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with first.read() as session:
        assert len(session.exec(select(models.Win)).all()) == 300
    first.close()
    second.close()


def test_store_and_domain_never_import_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, growth_tui.store, growth_tui.domain\n"
        "for pkg in (growth_tui.store, growth_tui.domain):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "import growth_tui.demo, growth_tui.cli, growth_tui.paths, growth_tui.settings\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad)\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr
