"""JSON backup and restore, the Markdown plan through the database, iCalendar, backup copies."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from sqlmodel import select

from growth_tui.domain import plan_markdown as pm
from growth_tui.domain.backup_format import COLLECTIONS
from growth_tui.store import transfer
from growth_tui.store.engine import Store, open_store
from growth_tui.store.models import Action, Goal, LogEntry, NorthStarVersion, Plan
from tests.test_plan_markdown import _plans
from tests.transfer_data import TRICKY, fill_every_table

TODAY = date(2026, 11, 22)
_ALPHABET = st.characters(blacklist_categories=("Cs",))
_texts = st.text(_ALPHABET, max_size=40) | st.sampled_from(["[b]", "[/]", "🚀", '"', "\n\n"])


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _without_stamp(text: str) -> dict:
    data = json.loads(text)
    data.pop("exported_at")
    return data


# JSON ----------------------------------------------------------------------------------------


def test_backup_models_have_every_column_of_every_table() -> None:
    for name, table in transfer.TABLES.items():
        columns = {column.name for column in table.__table__.columns}
        assert set(COLLECTIONS[name].model_fields) == columns, name


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_texts, min_size=1, max_size=4).map("".join))
def test_json_backup_restores_every_row_exactly(text: str) -> None:
    source = Store.memory()
    fill_every_table(source, text)
    exported = transfer.export_backup(source)
    target = Store.memory()
    target.plan_id()  # the app makes a blank plan on first start; that still counts as empty
    result = transfer.restore_backup(target, transfer.validate_backup(exported))
    assert all(result.counts[name] >= 1 for name in COLLECTIONS)
    assert _without_stamp(transfer.export_backup(target)) == _without_stamp(exported)
    with target.read() as session:
        assert session.get(Plan, 1).north_star == text


def _backup_dict() -> dict:
    store = Store.memory()
    fill_every_table(store)
    return json.loads(transfer.export_backup(store))


def _problems(data: dict | str) -> str:
    text = data if isinstance(data, str) else json.dumps(data)
    with pytest.raises(transfer.TransferError) as caught:
        transfer.validate_backup(text)
    return str(caught.value)


def test_invalid_fields_are_listed_with_their_path() -> None:
    data = _backup_dict()
    data["goals"][1]["due"] = "2025-02-30"
    data["actions"][0]["planned_minutes"] = "thirty"
    data["log_entries"][1]["status"] = "maybe"
    del data["wins"][0]["title"]
    data["skills"][0]["archived"] = 0
    data["plans"][0]["created_at"] = "2026-01-01T10:00:00"
    message = _problems(data)
    assert message.startswith("The backup has 6 problems; nothing was restored:")
    assert "goals[1].due: invalid date '2025-02-30'" in message
    assert "actions[0].planned_minutes: expected a whole number, got 'thirty'" in message
    assert "log_entries[1].status: 'maybe' is not allowed" in message
    assert "wins[0].title: missing" in message
    assert "skills[0].archived: expected true or false, got 0" in message
    assert "plans[0].created_at: date and time '2026-01-01T10:00:00' needs a time zone" in message


def test_unknown_fields_and_broken_links_are_refused() -> None:
    data = _backup_dict()
    data["goals"][0]["colour"] = "blue"
    assert "goals[0].colour: unknown field" in _problems(data)
    data = _backup_dict()
    data["actions"][0]["goal_id"] = 999
    assert "actions[0].goal_id: points to goals id 999, which is not in the file" in _problems(data)


def test_truncated_json_says_so() -> None:
    text = json.dumps(_backup_dict())
    assert "not valid JSON (it may be cut short)" in _problems(text[: len(text) // 2])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"version": 7},
            "format version 7, from a newer growth; this growth reads version 1",
        ),
        ({"version": "1"}, 'no readable "version"'),
        ({"format": "something-else"}, "not a growth backup"),
    ],
)
def test_unknown_version_or_format(change: dict, expected: str) -> None:
    data = _backup_dict() | change
    assert expected in _problems(data)


def test_a_json_list_is_not_a_backup() -> None:
    assert "not a growth backup" in _problems("[1, 2]")


def test_restore_refuses_a_database_with_a_plan(tmp_path: Path) -> None:
    backup = transfer.validate_backup(transfer.export_backup(_filled_memory()))
    path = tmp_path / "growth.db"
    store = open_store(path)
    fill_every_table(store, "mine")
    before = transfer.export_backup(store)
    with pytest.raises(transfer.TransferError, match="already holds a plan.*--replace"):
        transfer.restore_backup(store, backup)
    assert _without_stamp(transfer.export_backup(store)) == _without_stamp(before)
    store.close()


def test_replace_takes_a_backup_first_and_replaces_everything(tmp_path: Path) -> None:
    incoming = transfer.export_backup(_filled_memory())
    path = tmp_path / "growth.db"
    store = open_store(path)
    fill_every_table(store, "mine")
    mine = transfer.export_backup(store)
    result = transfer.restore_backup(store, transfer.validate_backup(incoming), replace=True)
    assert _without_stamp(transfer.export_backup(store)) == _without_stamp(incoming)
    store.close()
    assert result.safety_copy is not None
    assert result.safety_copy.parent == tmp_path / "backups"
    assert stat.S_IMODE(result.safety_copy.stat().st_mode) == 0o600
    saved = open_store(result.safety_copy)
    assert _without_stamp(transfer.export_backup(saved)) == _without_stamp(mine)
    saved.close()


def _filled_memory() -> Store:
    store = Store.memory()
    fill_every_table(store)
    return store


# Markdown through the database ---------------------------------------------------------------


def test_markdown_export_import_export_is_the_same_document() -> None:
    source = _filled_memory()
    first = transfer.export_markdown(source, source.plan_id())
    target = Store.memory()
    transfer.import_plan(target, target.plan_id(), pm.parse_markdown(first), today=TODAY)
    assert transfer.export_markdown(target, target.plan_id()) == first
    assert "Ship [/] v1 [b]x" in first


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_plans)
def test_markdown_round_trip_through_the_database(doc: pm.PlanDocument) -> None:
    first_store = Store.memory()
    transfer.import_plan(first_store, first_store.plan_id(), doc, today=TODAY)
    first = transfer.export_markdown(first_store, first_store.plan_id())
    try:
        parsed = pm.parse_markdown(first)
    except pm.PlanParseError:
        assert first == pm.EXPORT_TITLE + "\n"  # only an empty plan has nothing to import
        return
    second_store = Store.memory()
    transfer.import_plan(second_store, second_store.plan_id(), parsed, today=TODAY)
    assert transfer.export_markdown(second_store, second_store.plan_id()) == first


def test_import_adds_goals_and_keeps_the_north_star_history() -> None:
    store = _filled_memory()
    plan_id = store.plan_id()
    doc = pm.parse_markdown("North Star:\nA new star\n\nGoal: learn Go\nAction items:\n- tour\n")
    assert transfer.import_notices(store, plan_id, doc) == [
        "The new north star replaces the current one (which stays in its history)."
    ]
    result = transfer.import_plan(store, plan_id, doc, today=TODAY)
    assert (result.goals, result.actions, result.north_star_changed) == (1, 1, True)
    with store.read() as session:
        assert session.get(Plan, plan_id).north_star == "A new star"
    text = transfer.export_markdown(store, plan_id)
    assert "## Goal: learn Go" in text and "## Goal: Ship [/]" in text
    with store.read() as session:
        history = session.exec(select(NorthStarVersion.text).order_by(NorthStarVersion.id)).all()
    assert history == [TRICKY, "A new star"]
    assert transfer.import_notices(store, plan_id, doc) == []


# iCalendar -----------------------------------------------------------------------------------


def test_ics_parses_back_with_the_right_rules() -> None:
    store = _filled_memory()
    raw = transfer.export_ics(
        store, store.plan_id(), today=TODAY, now=datetime(2026, 11, 22, tzinfo=UTC)
    )
    events = {str(e["summary"]): e for e in Calendar.from_ical(raw).walk("VEVENT")}
    assert set(events) == {
        "Growth check-in (biweekly)",
        "Quarterly growth review",
        "Annual growth review",
        "practice talk",
        "submit a proposal",
    }
    practice = events["practice talk"]
    assert practice["rrule"].to_ical() == b"FREQ=WEEKLY;UNTIL=20270331;BYDAY=TU,TH"
    # The series starts on the first Tuesday or Thursday, not on a Sunday start date.
    assert practice.decoded("dtstart") == date(2026, 11, 3)
    assert "Planned: 30 min" in str(practice["description"])
    assert events["Growth check-in (biweekly)"]["rrule"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2"
    assert events["Growth check-in (biweekly)"].decoded("dtstart") == date(2026, 11, 25)
    assert events["Quarterly growth review"]["rrule"].to_ical() == b"FREQ=MONTHLY;INTERVAL=3"
    assert events["Annual growth review"]["rrule"].to_ical() == b"FREQ=YEARLY"
    assert "rrule" not in events["submit a proposal"]
    assert events["submit a proposal"].decoded("dtstart") == date(2026, 12, 1)


def test_ics_leaves_out_dropped_actions_and_inactive_goals() -> None:
    store = _filled_memory()
    with store.write() as session:
        session.exec(
            select(Action).where(Action.title == "submit a proposal")
        ).one().status = "dropped"
        session.exec(select(Goal).where(Goal.title == TRICKY)).one().status = "paused"
    raw = transfer.export_ics(store, store.plan_id(), today=TODAY)
    summaries = [str(e["summary"]) for e in Calendar.from_ical(raw).walk("VEVENT")]
    assert "practice talk" not in summaries and "submit a proposal" not in summaries


# Import files --------------------------------------------------------------------------------


def test_import_file_kind_is_decided_by_content(tmp_path: Path) -> None:
    notes = tmp_path / "plan.json"
    notes.write_text("Goal: x\n", encoding="utf-8")
    assert transfer.load_import_file(notes).kind == "markdown"
    backup = tmp_path / "backup.md"
    backup.write_text('\ufeff  {"format": 1}', encoding="utf-8")
    assert transfer.load_import_file(backup).kind == "json"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"caf\xe9 goal", "not UTF-8 text"),
        (
            b"SQLite format 3\x00" + b"\x00" * 100,
            "is an SQLite database, not an export",
        ),
    ],
)
def test_files_that_are_not_text_are_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "thing.md"
    path.write_bytes(content)
    with pytest.raises(transfer.TransferError, match=expected):
        transfer.load_import_file(path)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: cheap to make
    read_sizes: list[int] = []
    real_open = open

    class Spy:
        def __init__(self, handle) -> None:
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.handle.close()

        def fileno(self) -> int:
            return self.handle.fileno()

        def read(self, size: int = -1) -> bytes:
            read_sizes.append(size)
            return self.handle.read(size)

    monkeypatch.setattr("builtins.open", lambda *a, **k: Spy(real_open(*a, **k)))
    with pytest.raises(transfer.TransferError, match=r"50\.0 MB; a backup is at most 32 MB"):
        transfer.load_import_file(path)
    assert read_sizes == []


def test_a_device_is_not_read(tmp_path: Path) -> None:
    with pytest.raises(transfer.TransferError, match="not a regular file"):
        transfer.load_import_file("/dev/zero")


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(transfer.TransferError, match="does not exist"):
        transfer.load_import_file(tmp_path / "nope.md")
    with pytest.raises(transfer.TransferError, match="is a folder"):
        transfer.load_import_file(tmp_path)


# Backup copies -------------------------------------------------------------------------------


def test_backup_is_consistent_and_owner_only_during_an_open_write(
    tmp_path: Path,
) -> None:
    path = tmp_path / "growth.db"
    store = open_store(path)
    fill_every_table(store)
    with store.read() as session:
        committed = len(session.exec(select(LogEntry)).all())
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO log_entry (action_id, occurrence_on, logged_on, status, minutes, note, "
        "created_at) VALUES (1, '2026-11-10', '2026-11-10', 'done', 5, 'uncommitted', "
        "'2026-11-10 10:00:00')"
    )
    try:
        copy = transfer.take_backup(path, "manual")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    check = sqlite3.connect(copy)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert check.execute("SELECT count(*) FROM log_entry").fetchone() == (committed,)
    check.close()
    assert [b.path for b in transfer.list_backups(path)] == [copy]
    store.close()


def test_only_the_last_automatic_backups_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "growth.db"
    open_store(path).close()
    manual = transfer.take_backup(path, "manual", when=datetime(2020, 1, 1, tzinfo=UTC))
    made = [
        transfer.take_backup(
            path, "before-restore", keep=3, when=datetime(2026, 1, day, tzinfo=UTC)
        )
        for day in range(1, 7)
    ]
    listed = [b.path for b in transfer.list_backups(path)]
    assert listed == [made[5], made[4], made[3], manual]


def test_upgrade_copies_are_tidied_by_the_next_backup(tmp_path: Path) -> None:
    from growth_tui.store.engine import backup_name, default_backup_dir

    path = tmp_path / "growth.db"
    open_store(path).close()
    folder = default_backup_dir(path)
    upgrades = []
    for version in range(3, 8):  # as engine.open_store writes them before each upgrade
        target = folder / backup_name(
            path, f"before-v{version}", datetime(2026, 1, version, tzinfo=UTC)
        )
        upgrades.append(transfer.copy_database(path, target))
    manual = transfer.take_backup(path, "manual", keep=2)
    assert [b.path for b in transfer.list_backups(path)] == [manual, upgrades[4], upgrades[3]]


def test_backup_never_overwrites_the_database(tmp_path: Path) -> None:
    path = tmp_path / "growth.db"
    open_store(path).close()
    with pytest.raises(transfer.TransferError, match="cannot overwrite the database"):
        transfer.copy_database(path, path)


def test_ics_gives_calendars_the_apps_own_days() -> None:
    from dateutil.rrule import rrulestr

    from growth_tui.domain import recurrence

    store = Store.memory()
    plan_id = store.plan_id()
    schedules = {
        "month end": ("FREQ=MONTHLY;BYMONTHDAY=31", date(2027, 1, 31)),
        "every other Friday": ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", date(2026, 11, 22)),
        "first Monday": ("FREQ=MONTHLY;BYDAY=1MO", date(2026, 11, 22)),
        "every 3 days": ("FREQ=DAILY;INTERVAL=3", date(2026, 11, 20)),
    }
    with store.write() as session:
        goal = Goal(plan_id=plan_id, title="g")
        session.add(goal)
        session.flush()
        for title, (rule, starts) in schedules.items():
            session.add(
                Action(goal_id=goal.id, title=title, kind="recurring", rrule=rule, starts_on=starts)
            )
    raw = transfer.export_ics(store, plan_id, today=TODAY)
    events = {str(e["summary"]): e for e in Calendar.from_ical(raw).walk("VEVENT")}
    assert events["month end"]["rrule"].to_ical() == (
        b"FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    )
    for title, (rule, starts) in schedules.items():
        event = events[title]
        start = event.decoded("dtstart")
        calendar_days = rrulestr(
            event["rrule"].to_ical().decode(), dtstart=datetime(start.year, start.month, start.day)
        )
        seen = [d.date() for d in calendar_days[:12]]
        expected = recurrence.occurrences(rule, starts, None, starts, date(2029, 1, 1))[:12]
        assert seen == expected, title
