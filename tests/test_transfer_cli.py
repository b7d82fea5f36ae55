"""`growth export`, `growth import`, `growth backup`: what a person sees at the shell, and a
database left byte-for-byte alone whenever an import is refused."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest
from icalendar import Calendar

from growth_tui.cli import main
from growth_tui.demo import build_demo
from growth_tui.store import transfer
from growth_tui.store.engine import open_store
from tests.conftest import TODAY

NOTES = """\
North Star:
    Someone people trust with the messy, important problems.

Current Goal:
    Run the next quarterly planning for my team on my own

Focus Points:
  - Learn how planning works today
  \t- sit in on two planning sessions every 2 weeks
  - Practise facilitation
  \t- lead our retro every Tue and Thu
"""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "growth.db"
    store = open_store(path)
    build_demo(store, years=1, today=TODAY)
    store.close()
    return path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_export_to_a_file_is_owner_only(capsys, demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    code, out, _ = _run(capsys, "export", "-o", str(target), "--db", str(demo_db))
    assert code == 0
    assert f"Wrote the markdown export to {target}" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# Growth plan\n\n## North star\n")


def test_markdown_round_trip_through_the_command_line(capsys, demo_db: Path, tmp_path) -> None:
    code, first, _ = _run(capsys, "--db", str(demo_db), "export", "--format", "markdown")
    assert code == 0
    source = tmp_path / "plan.txt"
    source.write_text(first, encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    code, out, _ = _run(capsys, "import", str(source), "--db", str(fresh))
    assert code == 0, out
    assert "this is what growth understood" in out and "Imported 2 goal(s)" in out
    code, again, _ = _run(capsys, "export", "--db", str(fresh))
    assert again == first


def test_plain_notes_import_shows_what_it_understood(capsys, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    db = tmp_path / "new.db"
    code, out, _ = _run(capsys, "import", str(notes), "--dry-run", "--db", str(db))
    assert code == 0
    assert out.splitlines()[1:] == [
        "  North star: Someone people trust with the messy, important problems.",
        "  Goal (career): Run the next quarterly planning for my team on my own",
        "    Focus point: Learn how planning works today",
        "      Action: sit in on two planning sessions (every 2 weeks)",
        "    Focus point: Practise facilitation",
        "      Action: lead our retro (every Tue and Thu)",
        "Dry run: nothing was written.",
    ]
    assert not db.exists()
    code, out, _ = _run(capsys, "import", str(notes), "--db", str(db))
    assert code == 0
    assert "Imported 1 goal(s), 2 focus point(s), 2 action(s) (2 recurring)" in out
    code, text, _ = _run(capsys, "export", "--db", str(db))
    assert "  - Repeats: every Tue and Thu (FREQ=WEEKLY;BYDAY=TU,TH)" in text


def test_json_restore_into_a_new_database(capsys, demo_db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.txt"  # the content decides, not the suffix
    assert _run(capsys, "export", "-f", "json", "-o", str(backup), "--db", str(demo_db))[0] == 0
    fresh = tmp_path / "fresh.db"
    code, out, _ = _run(capsys, "import", str(backup), "--db", str(fresh))
    assert code == 0
    assert "a growth backup from" in out and "Restored" in out
    restored = open_store(fresh)
    original = open_store(demo_db)
    mine, theirs = (json.loads(transfer.export_backup(s)) for s in (restored, original))
    restored.close()
    original.close()
    mine.pop("exported_at")
    theirs.pop("exported_at")
    assert mine == theirs


def _json(demo_db: Path) -> dict:
    store = open_store(demo_db)
    data = json.loads(transfer.export_backup(store))
    store.close()
    return data


def _bad_inputs(demo_db: Path) -> dict[str, tuple[bytes, str]]:
    good = _json(demo_db)
    text = json.dumps(good)
    wrong_types = json.loads(text)
    wrong_types["goals"][0]["due"] = "2025-02-30"
    wrong_types["actions"][1]["position"] = "first"
    newer = json.loads(text) | {"version": 2}
    return {
        "truncated": (text[: len(text) // 3].encode(), "not valid JSON (it may be cut short)"),
        "wrong types": (
            json.dumps(wrong_types).encode(),
            "goals[0].due: invalid date '2025-02-30'",
        ),
        "unknown version": (json.dumps(newer).encode(), "format version 2, from a newer growth"),
        "no plan": (b"# Groceries\n\n- apples\n- bread\n", "No plan found"),
        "binary": (bytes(range(256)) * 8, "binary file"),
    }


@pytest.mark.parametrize("flags", [(), ("--replace",)])
@pytest.mark.parametrize(
    "case", ["truncated", "wrong types", "unknown version", "no plan", "binary"]
)
def test_a_bad_file_leaves_the_database_byte_for_byte(
    capsys, demo_db: Path, tmp_path: Path, case: str, flags: tuple[str, ...]
) -> None:
    content, expected = _bad_inputs(demo_db)[case]
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = _sha(demo_db)
    code, out, err = _run(capsys, "import", str(bad), "--db", str(demo_db), *flags)
    assert code == 2
    assert err.startswith("growth: ") and expected in err
    assert "Traceback" not in err + out
    assert _sha(demo_db) == before
    assert not (tmp_path / "backups").exists()


def test_a_backup_that_breaks_a_database_rule_changes_nothing(
    capsys, demo_db: Path, tmp_path: Path
) -> None:
    data = _json(demo_db)
    twin = dict(data["log_entries"][0])
    twin["id"] = max(row["id"] for row in data["log_entries"]) + 1
    data["log_entries"].append(twin)  # the same occurrence logged twice
    bad = tmp_path / "twice.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = _sha(demo_db)
    code, _, err = _run(capsys, "import", str(bad), "--replace", "--db", str(demo_db))
    assert code == 2
    assert "breaks a rule of the database in log_entries (UNIQUE constraint failed" in err
    assert "nothing was restored" in err
    assert _sha(demo_db) == before


def test_a_50_mb_file_is_refused_and_nothing_changes(capsys, demo_db: Path, tmp_path) -> None:
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    before = _sha(demo_db)
    code, _, err = _run(capsys, "import", str(huge), "--db", str(demo_db))
    assert code == 2
    assert "50.0 MB" in err and "Nothing was imported" in err
    assert _sha(demo_db) == before


def test_restore_over_a_plan_is_refused_without_replace(capsys, demo_db: Path, tmp_path) -> None:
    backup = tmp_path / "b.json"
    _run(capsys, "export", "-f", "json", "-o", str(backup), "--db", str(demo_db))
    before = _sha(demo_db)
    code, _, err = _run(capsys, "import", str(backup), "--db", str(demo_db))
    assert code == 2
    assert "already holds a plan" in err and "--replace" in err
    assert _sha(demo_db) == before


def test_replace_keeps_an_automatic_backup(capsys, demo_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    _run(capsys, "import", str(notes), "--db", str(other))
    backup = tmp_path / "other.json"
    _run(capsys, "export", "-f", "json", "-o", str(backup), "--db", str(other))
    code, out, _ = _run(capsys, "import", str(backup), "--replace", "--db", str(demo_db))
    assert code == 0
    assert f"This replaces everything now in {demo_db}." in out
    assert "The previous data was saved to" in out
    code, listing, _ = _run(capsys, "backup", "--list", "--db", str(demo_db))
    assert "before-restore" in listing and "automatic" in listing
    code, text, _ = _run(capsys, "export", "--db", str(demo_db))
    assert "Run the next quarterly planning" in text and "staff engineer" not in text


def test_ics_export_parses_back(capsys, demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    assert (
        _run(capsys, "export", "--format", "ics", "-o", str(target), "--db", str(demo_db))[0] == 0
    )
    calendar = Calendar.from_ical(target.read_bytes())
    rules = {str(e["summary"]): e.get("rrule") for e in calendar.walk("VEVENT")}
    assert rules["Block two 90-minute focus sessions"].to_ical() == b"FREQ=WEEKLY;BYDAY=TU,TH"
    assert any(name.startswith("Growth check-in") for name in rules)


def test_backup_command_makes_an_owner_only_copy(capsys, demo_db: Path, tmp_path: Path) -> None:
    code, out, _ = _run(capsys, "backup", "--db", str(demo_db))
    assert code == 0 and "owner-only" in out
    [copy] = (tmp_path / "backups").iterdir()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    target = tmp_path / "mine.db"
    assert _run(capsys, "backup", "-o", str(target), "--db", str(demo_db))[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_and_backup_without_a_database(capsys, tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    code, _, err = _run(capsys, "export", "--db", str(missing))
    assert code == 2 and "no database" in err
    code, _, err = _run(capsys, "backup", "--db", str(missing))
    assert code == 2 and "no database" in err
    code, out, _ = _run(capsys, "backup", "--list", "--db", str(missing))
    assert code == 0 and "No backups" in out
    assert not missing.exists()


def test_replace_does_not_go_with_a_markdown_plan(capsys, demo_db: Path, tmp_path) -> None:
    notes = tmp_path / "n.md"
    notes.write_text(NOTES, encoding="utf-8")
    before = _sha(demo_db)
    code, _, err = _run(capsys, "import", str(notes), "--replace", "--db", str(demo_db))
    assert code == 2 and "--replace restores a JSON backup" in err
    assert _sha(demo_db) == before


def test_import_without_a_file_says_how(capsys) -> None:
    code, _, err = _run(capsys, "import")
    assert code == 2
    assert err == "growth: import needs a file: growth import FILE [--dry-run] [--replace]\n"


def test_growth_backup_while_another_connection_is_writing(capsys, demo_db: Path, tmp_path) -> None:
    import sqlite3

    check = sqlite3.connect(demo_db)
    committed = check.execute("SELECT count(*) FROM win").fetchone()[0]
    check.close()
    writer = sqlite3.connect(demo_db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO win (plan_id, happened_on, title, impact, noticed_by, created_at) "
        "VALUES (1, '2026-11-20', 'not committed yet', '', '', '2026-11-20 10:00:00')"
    )
    target = tmp_path / "copy.db"
    try:
        code, out, _ = _run(capsys, "backup", "-o", str(target), "--db", str(demo_db))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert code == 0 and "owner-only" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT count(*) FROM win").fetchone()[0] == committed
    copy.close()
    restored = open_store(target)  # the copy is a growth database that opens as it is
    assert "# Growth plan" in transfer.export_markdown(restored, restored.plan_id())
    restored.close()


def test_a_reader_that_stops_early_is_not_an_error(demo_db: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).parent.parent
    process = subprocess.Popen(
        [sys.executable, "-m", "growth_tui", "export", "-f", "json", "--db", str(demo_db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=root,
    )
    process.stdout.close()  # like `growth export | head -0`
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert err == b""
