"""Command-palette entries for moving data: export the plan as Markdown, import a plan from
notes (after a preview), back up now.

The work runs in a thread worker (reading a long history and writing a file must not freeze the
screen); the result is a notification saying where the file went, or what went wrong.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from growth_tui.ui.app import GrowthApp


def transfer_commands(app: GrowthApp) -> Iterable[SystemCommand]:
    yield SystemCommand(
        "Export plan as Markdown…",
        "Save the plan as a readable document to share (growth import reads it back)",
        lambda: ask_markdown_export(app),
    )
    yield SystemCommand(
        "Export a full backup as JSON…",
        "Every table, every year, in one file that growth import restores",
        lambda: ask_export(app, "json"),
    )
    yield SystemCommand(
        "Export a calendar (.ics)…",
        "Check-ins, reviews and recurring actions for your calendar app",
        lambda: ask_export(app, "ics"),
    )
    yield SystemCommand(
        "Import a plan from notes…",
        "Read a Markdown or text file, see what was understood, then add it to the plan",
        lambda: ask_plan_import(app),
    )
    yield SystemCommand(
        "Back up now",
        "A safe copy of the whole database in the backups folder beside it",
        lambda: back_up_now(app),
    )


def _transfer_module():
    """`growth_tui.store.transfer`, imported in a worker behind the app's import gate (it
    brings pydantic in, and two threads importing one library at once can trip over it)."""
    from growth_tui.ui.app import IMPORT_GATE

    with IMPORT_GATE:
        from growth_tui.store import transfer
    return transfer


def _unexpected(error: Exception) -> str:
    return f"{type(error).__name__}: {error}. Nothing was changed."


def _not_ready(app: GrowthApp) -> bool:
    if app.store is None:
        app.notify("The database is still opening; try again in a moment.", severity="warning")
        return True
    return False


def export_folder() -> Path:
    """Where an export is suggested: the folder growth was started from, like `-o FILE`."""
    return Path.cwd()


@dataclass(frozen=True)
class _Export:
    title: str
    hint: str
    stem: str  # the suggested file is growth-<stem>-<date>.<extension>
    extension: str
    saved: str  # "… saved to PATH"


EXPORTS = {
    "markdown": _Export(
        "Export plan as Markdown",
        "Where should the plan go? The file is readable by you only.",
        "plan",
        "md",
        "Plan",
    ),
    "json": _Export(
        "Export a full backup as JSON",
        "Everything, every year, in one file that `growth import` restores. Readable by you only.",
        "backup",
        "json",
        "Backup",
    ),
    "ics": _Export(
        "Export a calendar (iCalendar)",
        "Check-ins, reviews and actions as events to open in your calendar app.",
        "calendar",
        "ics",
        "Calendar",
    ),
}


def ask_markdown_export(app: GrowthApp) -> None:
    ask_export(app, "markdown")


def ask_export(app: GrowthApp, kind: str) -> None:
    from growth_tui.ui.dialogs.file_path import FilePathDialog

    if _not_ready(app):
        return
    spec = EXPORTS[kind]
    name = f"growth-{spec.stem}-{app.today().isoformat()}.{spec.extension}"
    suggested = export_folder() / name
    dialog = FilePathDialog(spec.title, spec.hint, suggested)

    def chosen(path: Path | None) -> None:
        if path is not None:
            app.run_worker(
                lambda: _export(app, kind, path),
                thread=True,
                group="transfer",
                name=f"export-{kind}",
                exit_on_error=False,
            )

    app.push_screen(dialog, chosen)


def _export(app: GrowthApp, kind: str, path: Path) -> None:
    transfer = _transfer_module()
    from growth_tui.store.engine import StoreError

    store = app.store
    try:
        if kind == "json":
            data = transfer.export_backup(store).encode("utf-8")
        elif kind == "ics":
            data = transfer.export_ics(store, app.plan_id, today=app.today())
        else:
            data = transfer.export_markdown(store, app.plan_id).encode("utf-8")
        written = transfer.write_private(path, data, protect=store.path)
    except (transfer.TransferError, StoreError) as error:
        app.call_from_thread(app.report_error, "Export failed", error)
        return
    except Exception as error:  # noqa: BLE001 - a notification, never a traceback
        app.call_from_thread(app.report_error, "Export failed", _unexpected(error))
        return
    app.call_from_thread(
        app.notify,
        f"{EXPORTS[kind].saved} saved to {written}",
        title="Exported",
        timeout=10,
        markup=False,
    )


def ask_plan_import(app: GrowthApp) -> None:
    from growth_tui.ui.dialogs.file_path import FilePathDialog

    if _not_ready(app):
        return
    dialog = FilePathDialog(
        "Import a plan from notes",
        "Which file? growth's own Markdown export, or notes with 'North Star:', 'Goal:', "
        "'Focus Points:' and a list of actions.",
        f"{export_folder()}{os.sep}",
        verb="read",
    )

    def chosen(path: Path | None) -> None:
        if path is not None:
            app.run_worker(
                lambda: _read_plan(app, path),
                thread=True,
                group="transfer",
                name="read-plan",
                exit_on_error=False,
            )

    app.push_screen(dialog, chosen)


def _read_plan(app: GrowthApp, path: Path) -> None:
    """Read and parse in the worker; the preview and the decision are on the UI thread."""
    transfer = _transfer_module()
    from growth_tui.domain.plan_markdown import PlanParseError, parse_markdown, summarize

    try:
        loaded = transfer.load_import_file(path)
        if loaded.kind == "json":
            raise transfer.TransferError(
                "That is a JSON backup. Restore it from the shell with "
                f"`growth import {path}`, which checks that nothing is overwritten."
            )
        doc = parse_markdown(loaded.text)
        lines = summarize(doc) + transfer.import_notices(app.store, app.plan_id, doc)
    except (transfer.TransferError, PlanParseError) as error:
        app.call_from_thread(app.report_error, "Nothing imported", error)
        return
    app.call_from_thread(_preview, app, path, doc, lines)


def _preview(app: GrowthApp, path: Path, doc, lines: list[str]) -> None:
    from growth_tui.ui.dialogs.file_path import ImportPreviewDialog

    def decided(confirmed: bool | None) -> None:
        if confirmed:
            app.run_worker(
                lambda: _import_plan(app, doc),
                thread=True,
                group="transfer",
                name="import-plan",
                exit_on_error=False,
            )

    app.push_screen(ImportPreviewDialog(path, lines), decided)


def _import_plan(app: GrowthApp, doc) -> None:
    transfer = _transfer_module()
    from growth_tui.store.engine import StoreError

    try:
        result = transfer.import_plan(app.store, app.plan_id, doc, today=app.today())
    except (transfer.TransferError, StoreError) as error:
        app.call_from_thread(app.report_error, "Import failed", error)
        return
    except Exception as error:  # noqa: BLE001 - one transaction: nothing was written
        app.call_from_thread(app.report_error, "Import failed", _unexpected(error))
        return
    message = (
        f"Added {result.goals} goal(s), {result.focus_points} focus point(s) and "
        f"{result.actions} action(s)."
    )
    app.call_from_thread(_imported, app, message)


def _imported(app: GrowthApp, message: str) -> None:
    app.notify(message, title="Imported", timeout=8, markup=False)
    reload = getattr(app.screen, "reload", None)
    if callable(reload):
        reload()


def back_up_now(app: GrowthApp) -> None:
    if _not_ready(app):
        return
    if app.store.path is None:
        app.notify(
            "This plan lives only in memory, so there is no file to back up.",
            severity="warning",
        )
        return
    app.run_worker(
        lambda: _back_up(app, app.store.path),
        thread=True,
        group="transfer",
        name="back-up",
        exit_on_error=False,
    )


def _back_up(app: GrowthApp, db_path: Path) -> None:
    transfer = _transfer_module()
    try:
        copy = transfer.take_backup(db_path, "manual")
    except transfer.TransferError as error:
        app.call_from_thread(app.report_error, "Backup failed", error)
        return
    except Exception as error:  # noqa: BLE001
        app.call_from_thread(app.report_error, "Backup failed", _unexpected(error))
        return
    app.call_from_thread(
        app.notify, f"Backup saved to {copy}", title="Backed up", timeout=10, markup=False
    )
