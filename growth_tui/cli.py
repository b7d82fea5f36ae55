"""The `growth` command line: opens the app, or runs a subcommand for the shell.

Kept cheap to import: the app, the store and each subcommand are imported only when needed, so
`growth --version` and `growth status` never pay for Textual. Every failure a person can cause
ends as `growth: <message>` and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from growth_tui import __version__

#: subcommand name -> (module under growth_tui.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("demo", "write a sample plan with N years of history into --db PATH"),
    "status": ("status", "what is due today, the next check-in, your streak (--json for scripts)"),
    "check": ("check", "what the coach notices in your plan, or in one --goal or --action"),
    "export": ("export", "write the plan as Markdown, a JSON backup or an iCalendar file"),
    "import": ("importing", "import a plan from Markdown notes, or restore a JSON backup"),
    "backup": ("backup", "copy the database safely, even while the app is open; --list"),
}

DESCRIPTION = "growth: plan your own growth in the terminal. Run without a command to open the app."
EPILOG = (
    "The database is the --db PATH, else $GROWTH_TUI_DB, else growth.db in your user data "
    "folder. Keys inside the app: F1-F6 switch screens, ? shows help, Ctrl+Q quits."
)


def _db_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="database file to use (default: $GROWTH_TUI_DB or your user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="growth", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"growth {__version__}")
    _db_option(parser, None)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a throw-away database holding a sample plan",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--version", action="version", version=f"growth {__version__}")
        # SUPPRESS: a --db given before the command name is not overwritten by this default.
        _db_option(sub, argparse.SUPPRESS)
        sub.set_defaults(_module=module_name)
        _command_module(module_name).add_arguments(sub)
    return parser


def _command_module(module_name: str):
    return import_module(f"growth_tui.commands.{module_name}")


def run_app(args: argparse.Namespace) -> int:
    from growth_tui.paths import resolve_db_path
    from growth_tui.ui.app import GrowthApp

    if args.demo:
        import shutil
        import tempfile
        from pathlib import Path

        folder = Path(tempfile.mkdtemp(prefix="growth-demo-"))
        try:
            app = GrowthApp(folder / "demo.db", demo=True)
            app.run()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    else:
        app = GrowthApp(resolve_db_path(args.db))
        app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from growth_tui.commands import CommandError

    try:
        if args.command:
            if args.demo:
                parser.error("--demo opens the app; it does not go with a command")
            return int(_command_module(args._module).run(args) or 0)
        return run_app(args)
    except CommandError as error:
        print(f"growth: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence against a traceback
        from growth_tui.crash import crash_message, write_crash_report

        print(crash_message(error, write_crash_report(error)), file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
