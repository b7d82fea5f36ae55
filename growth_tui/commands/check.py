"""`growth check`: the coach's findings for the current plan, or for one goal or action.

Exit status: 0 when the coach has nothing to say, 1 when it has findings, 2 on an error
(printed by the CLI as `growth: …`). `--json` prints a JSON list of findings instead of text.
`--goal "TEXT"` and `--action "TEXT"` judge one statement without opening the database.

Each JSON finding has: rule_id, severity ("warn" | "info"), subject_kind ("goal" | "action" |
"plan"), subject_id, subject (the goal's or action's text), message, hint, and goal_id (the goal
to open for it; null for the plan). Dismissed findings are left out, as on Home.
"""

from __future__ import annotations

import argparse
import json
import shutil
import textwrap
from datetime import date
from typing import TYPE_CHECKING

from growth_tui.commands import CommandError

if TYPE_CHECKING:
    from growth_tui.domain.coach import Finding


def add_arguments(parser: argparse.ArgumentParser) -> None:
    single = parser.add_mutually_exclusive_group()
    single.add_argument(
        "--goal", metavar="TEXT", help="judge one goal statement (the SMART rules) instead"
    )
    single.add_argument(
        "--action", metavar="TEXT", help="judge one action (in your control? concrete?) instead"
    )
    parser.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", type=_day, default=None, help=argparse.SUPPRESS
    )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-22") from None


def run(args: argparse.Namespace) -> int:
    # --today is hidden: it lets tests and screenshots judge a plan as of a fixed day.
    today = args.today or date.today()
    if args.goal is not None or args.action is not None:
        from growth_tui.domain.coach import judge_action, judge_goal

        if args.goal is not None:
            findings = judge_goal(args.goal, today=today)
        else:
            findings = judge_action(args.action)
        about = "this goal" if args.goal is not None else "this action"
    else:
        findings = _plan_findings(args, today)
        about = "your plan"
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False))
    else:
        print(render(findings, about=about))
    return 1 if findings else 0


def _plan_findings(args: argparse.Namespace, today: date) -> list[Finding]:
    from growth_tui.commands import opened_store
    from growth_tui.paths import resolve_db_path
    from growth_tui.store.coach_repo import plan_findings
    from growth_tui.store.engine import StoreError

    path = resolve_db_path(getattr(args, "db", None))
    if not path.exists():
        raise CommandError(f"there is no plan at {path} yet; run `growth` to start one.")
    with opened_store(path) as store:
        try:
            return plan_findings(store, store.plan_id(), today)
        except StoreError as error:
            raise CommandError(str(error)) from error


def render(findings: list[Finding], *, about: str = "your plan", width: int | None = None) -> str:
    """The findings as plain text: one block per finding, most important first."""
    if not findings:
        return f"The coach has nothing to point out about {about}."
    width = width or min(100, max(40, shutil.get_terminal_size((80, 24)).columns))
    warnings = sum(1 for f in findings if f.severity == "warn")
    count = len(findings)
    head = f"{count} finding{'s' if count != 1 else ''} about {about}"
    if warnings:
        head += f" ({warnings} to act on)"
    lines = [head + ":", ""]
    for finding in findings:
        mark = "!" if finding.severity == "warn" else "·"
        title = f"{mark} {finding.rule_id}"
        if finding.subject_kind != "plan":
            title += f' \u2014 {finding.subject_kind} "{finding.subject}"'
        lines += textwrap.wrap(title, width, subsequent_indent="    ", break_long_words=True)
        lines += textwrap.wrap(finding.message, width, initial_indent="  ", subsequent_indent="  ")
        lines += textwrap.wrap(
            "Try: " + finding.hint, width, initial_indent="  ", subsequent_indent="       "
        )
        lines.append("")
    if about == "your plan":
        lines.append("If one is fine as it is, dismiss it on Home: Tab to the coach, then d.")
    return "\n".join(lines).rstrip()
