"""`growth status`: a short, non-interactive summary for a shell prompt or a login message.

What is due today (and how much is overdue), the next check-in and whether it is overdue, the
current weekly streak and the coach's top finding; `--json` for scripts. It must answer within
0.3 s on a ten-year database, so it never imports Textual, SQLModel or SQLAlchemy: the reads go
through `growth_tui.store.status_query` (plain `sqlite3`, read-only) and the logic through the
pure domain modules.

`--json` prints one object: `today`, `due_today` (count) and `due_today_titles`, `overdue`
(missed recurring occurrences of the last 14 days plus overdue one-offs), `next_review`
(`kind`, `on`, `overdue`, `days_overdue`, `text`), `weekly_streak` (weeks in a row with
something done) and `coach` (`rule`, `severity`, `subject`, `message`, `hint`, or null).
`--short` prints one line for a prompt or status bar.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from growth_tui.commands import CommandError
from growth_tui.domain import review as rv
from growth_tui.domain.streaks import weekly_streak


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON object for scripts")
    parser.add_argument(
        "--short",
        action="store_true",
        help="one line, fit for a shell prompt or a status bar",
    )


def _top_finding(data) -> dict[str, object] | None:
    """The coach's most important finding, as the app would show it first."""
    from growth_tui.domain.coach import review_plan

    if data.coach is None:
        return None
    findings = review_plan(data.coach, data.today)
    if not findings:
        return None
    top = findings[0]
    return {
        "rule": top.rule_id,
        "severity": top.severity,
        "subject": top.subject,
        "message": top.message,
        "hint": top.hint,
    }


def collect(db_path, today: date) -> dict[str, object]:
    """The status as plain data (what `--json` prints)."""
    from growth_tui.store.status_query import StatusQueryError, read_status

    try:
        data = read_status(db_path, today)
    except StatusQueryError as error:
        raise CommandError(str(error)) from error
    due = rv.next_review(
        data.cadence, data.next_checkin_on, data.next_quarterly_on, data.next_annual_on, today
    )
    return {
        "today": today.isoformat(),
        "due_today": len(data.due_today),
        "due_today_titles": data.due_today,
        "overdue": data.overdue,
        "next_review": {
            "kind": due.kind,
            "on": due.on.isoformat() if due.on else None,
            "overdue": due.overdue,
            "days_overdue": max(due.days_late, 0),
            "text": rv.describe_due(due),
        },
        "weekly_streak": weekly_streak(data.done_weeks, today),
        "coach": _top_finding(data),
    }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def render(status: dict[str, object], *, short: bool = False) -> str:
    due = status["due_today"]
    overdue = status["overdue"]
    review = status["next_review"]
    streak = status["weekly_streak"]
    today_part = f"{_plural(due, 'action')} due today"
    if overdue:
        today_part += f", {overdue} overdue"
    if short:
        if review["overdue"]:
            review_part = f"{review['kind']} check-in overdue"
        elif review["on"] == status["today"]:
            review_part = f"{review['kind']} check-in today"
        else:
            review_part = f"next {review['kind']} {review['on'] or 'not set'}"
        return f"{today_part} | {review_part} | streak {_plural(streak, 'week')}"
    lines = [f"Today:    {today_part}"]
    for title in status["due_today_titles"][:5]:
        lines.append(f"          - {title}")
    lines.append(f"Check-in: {review['text']}")
    lines.append(f"Streak:   {_plural(streak, 'week')} in a row with something done")
    coach = status["coach"]
    if coach:
        lines.append(f"Coach:    {coach['subject']}: {coach['message']}")
    return "\n".join(lines)


def run(args: argparse.Namespace, today: date | None = None) -> int:
    from growth_tui.paths import resolve_db_path

    status = collect(resolve_db_path(getattr(args, "db", None)), today or date.today())
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
    else:
        print(render(status, short=getattr(args, "short", False)))
    return 0
