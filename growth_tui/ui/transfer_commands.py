"""Command-palette entries for getting data out: export the plan as Markdown, back up now.

The work runs in a thread worker (reading a long history and writing a file must not freeze the
screen); the result is a notification saying where the file went, or what went wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
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
        "Back up now",
        "A safe copy of the whole database in the backups folder beside it",
        lambda: back_up_now(app),
    )


def _not_ready(app: GrowthApp) -> bool:
    if app.store is None:
        app.notify("The database is still opening; try again in a moment.", severity="warning")
        return True
    return False


def export_folder() -> Path:
    """Where an export is suggested: the folder growth was started from, like `-o FILE`."""
    return Path.cwd()


def ask_markdown_export(app: GrowthApp) -> None:
    from growth_tui.ui.dialogs.save_file import SaveFileDialog

    if _not_ready(app):
        return
    suggested = export_folder() / f"growth-plan-{app.today().isoformat()}.md"
    dialog = SaveFileDialog(
        "Export plan as Markdown",
        "Where should the plan go? The file is readable by you only.",
        suggested,
    )

    def chosen(path: Path | None) -> None:
        if path is not None:
            app.run_worker(
                lambda: _export_markdown(app, path),
                thread=True,
                group="transfer",
                name="export-markdown",
                exit_on_error=False,
            )

    app.push_screen(dialog, chosen)


def _export_markdown(app: GrowthApp, path: Path) -> None:
    from growth_tui.store import transfer
    from growth_tui.store.engine import StoreError

    store = app.store
    try:
        text = transfer.export_markdown(store, app.plan_id)
        written = transfer.write_private(path, text.encode("utf-8"), protect=store.path)
    except (transfer.TransferError, StoreError) as error:
        app.call_from_thread(app.report_error, "Export failed", error)
        return
    app.call_from_thread(
        app.notify, f"Plan saved to {written}", title="Exported", timeout=10, markup=False
    )


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
    from growth_tui.store import transfer

    try:
        copy = transfer.take_backup(db_path, "manual")
    except transfer.TransferError as error:
        app.call_from_thread(app.report_error, "Backup failed", error)
        return
    app.call_from_thread(
        app.notify, f"Backup saved to {copy}", title="Backed up", timeout=10, markup=False
    )
