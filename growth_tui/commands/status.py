"""`growth status`: a short, non-interactive summary for a shell prompt or a login message.

What is due today (and how much is overdue), the next check-in and whether it is overdue, the
current weekly streak and the coach's top finding; `--json` for scripts. It must answer within
0.3 s on a ten-year database, so it never imports Textual, SQLModel or SQLAlchemy: the reads go
through `growth_tui.store.status_query` (plain `sqlite3`, read-only) and the logic through the
pure domain modules.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta

from growth_tui.commands import CommandError
from growth_tui.domain import review as rv


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON object for scripts")
    parser.add_argument(
        "--short",
        action="store_true",
        help="one line, fit for a shell prompt or a status bar",
    )


def _weekly_streak(done_weeks: list[date], today: date) -> int:
    try:
        from growth_tui.domain.streaks import weekly_streak
    except ImportError:  # before the log helper's streaks module lands
        weeks = set(done_weeks)
        week = today - timedelta(days=today.weekday())
        if week not in weeks:
            week -= timedelta(days=7)
        streak = 0
        while week in weeks:
            streak += 1
            week -= timedelta(days=7)
        return streak
    return weekly_streak(done_weeks, today)


def _top_finding(data) -> dict[str, object] | None:
    """The most important goal finding of the coach, leaving out dismissed ones."""
    try:
        from growth_tui.domain import coach
    except ImportError:
        return None
    findings = []
    for goal in data.goals:
        findings += coach.judge_goal(
            goal.title,
            metric=goal.metric,
            target=goal.target,
            due=goal.due,
            why_achievable=goal.why_achievable,
            obstacles=goal.obstacles,
            resources=goal.resources,
            why_relevant=goal.why_relevant,
            status=goal.status,
            today=data.today,
            goal_id=goal.id,
            north_star=data.north_star,
        )
    findings = [
        f for f in findings if (f.rule_id, f.subject_kind, f.subject_id) not in data.dismissed
    ]
    if not findings:
        return None
    sort = getattr(coach, "sort_findings", None)
    findings = sort(findings) if sort else sorted(findings, key=lambda f: f.severity != "warn")
    top = findings[0]
    return {"severity": top.severity, "subject": top.subject, "message": top.message}


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
        "weekly_streak": _weekly_streak(data.done_weeks, today),
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
