"""Pure rules for shaping a goal: milestones by backward planning, focus-point advice, skill gaps,
and the five SMART letters the editor marks (judged by the coach's rules).

Nothing here touches the database or the screen; "today" is always a parameter. The Goals
screen calls these with plain values and shows what comes back.

Backward planning starts at the goal's due date and walks back towards today in whole years,
quarters and months, so every step lines up with the due date. How fine the steps are depends
on how far away they are: monthly steps in the next three months, quarterly steps up to eleven
months out, yearly ones beyond. A two-year goal thus gets a yearly checkpoint, three quarterly
ones before it and a couple of monthly first steps: the near future in detail, the far future
in broad strokes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

FOCUS_MIN = 3
FOCUS_MAX = 5

#: no more than this many steps of one scale are proposed (a 10-year goal gets 9 yearly ones)
MAX_STEPS_PER_SCALE = 9


@dataclass(frozen=True)
class MilestoneProposal:
    """One proposed step of a backward plan."""

    scale: str  # "year" | "quarter" | "month" (MilestoneScale values)
    due: date
    share: float  # the part of the way from today to the goal's due date, 0..1
    title: str


def plan_milestones(
    due: date,
    today: date,
    *,
    metric: str = "",
    baseline: float | None = None,
    target: float | None = None,
    unit: str = "",
) -> list[MilestoneProposal]:
    """Propose yearly / quarterly / monthly steps leading to `due`, soonest first.

    With a numeric target, each step's title names the value to reach by then, on a straight
    line from `baseline` (pass where the measure stands today, or the baseline; zero if
    unknown); otherwise it names the share of the way. A goal due within
    a month gets no steps (it is already a step).
    """
    if due <= today + relativedelta(months=1):
        return []
    total_days = (due - today).days
    soonest = today + relativedelta(days=14)
    quarter_band = today + relativedelta(months=3)
    year_band = today + relativedelta(months=11)
    dates: dict[date, str] = {}
    # Every step is counted back from the due date, so steps line up with it; which scale a
    # step gets depends on how far away it is: months soon, quarters this year, years beyond.
    for scale, months, low, high in (
        ("year", 12, year_band, due),
        ("quarter", 3, quarter_band, year_band),
        ("month", 1, soonest, quarter_band),
    ):
        found = 0
        count = 1
        while found < MAX_STEPS_PER_SCALE:
            step = due - relativedelta(months=months * count)
            count += 1
            if step <= soonest:
                break
            if low <= step < high and step not in dates and step != due:
                dates[step] = scale
                found += 1

    proposals = []
    for step_due in sorted(dates):
        share = (step_due - today).days / total_days
        proposals.append(
            MilestoneProposal(
                scale=dates[step_due],
                due=step_due,
                share=round(share, 3),
                title=_step_title(share, metric, baseline, target, unit),
            )
        )
    return proposals


def _step_title(
    share: float, metric: str, baseline: float | None, target: float | None, unit: str
) -> str:
    if target is not None:
        start = baseline if baseline is not None else 0.0
        value = start + (target - start) * share
        whole = float(start).is_integer() and float(target).is_integer()
        if whole or abs(target - start) >= 10:
            shown = f"{value:.0f}"  # counts (talks, designs) are reached in whole numbers
        else:
            shown = f"{value:.1f}".rstrip("0").rstrip(".")
        what = unit or metric or "on the measure"
        return f"Reach {shown} {what}".strip()
    return f"{round(share * 100)}% of the way there"


def focus_point_advice(count: int) -> str | None:
    """A one-line nudge when a goal has fewer than 3 or more than 5 focus points, else None."""
    if count == 0:
        return "Name 3 to 5 focus points: the few areas where this goal is won."
    if count < FOCUS_MIN:
        more = FOCUS_MIN - count
        return f"{count} focus point{'s' if count > 1 else ''}: {more} more would give this goal a fuller shape (3 to 5 work best)."
    if count > FOCUS_MAX:
        return f"{count} focus points spread the effort thin: 3 to 5 work best; merge or park some."
    return None


@dataclass(frozen=True)
class SkillInput:
    """A skill as the gap view needs it."""

    skill_id: int
    name: str
    kind: str = "hard"
    current: int | None = None
    target: int | None = None


@dataclass(frozen=True)
class SkillGap:
    """One line of the gap view: where a skill stands, where it should go, who works on it."""

    skill_id: int
    name: str
    kind: str
    current: int | None
    target: int | None
    gap: int | None  # target - current; None while either level is unknown
    goals: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    note: str = ""

    @property
    def uncovered(self) -> bool:
        """A real gap that no goal or action works on."""
        return bool(self.gap and self.gap > 0 and not self.goals and not self.actions)


def skill_gaps(
    skills: Iterable[SkillInput],
    goals_by_skill: Mapping[int, Sequence[str]] | None = None,
    actions_by_skill: Mapping[int, Sequence[str]] | None = None,
) -> list[SkillGap]:
    """The gap view, biggest gap first; skills with an unknown level after, then closed gaps."""
    goals_by_skill = goals_by_skill or {}
    actions_by_skill = actions_by_skill or {}
    found: list[SkillGap] = []
    for skill in skills:
        gap = None
        if skill.current is not None and skill.target is not None:
            gap = skill.target - skill.current
        goals = tuple(goals_by_skill.get(skill.skill_id, ()))
        actions = tuple(actions_by_skill.get(skill.skill_id, ()))
        if gap is None:
            note = "set the current level" if skill.current is None else "set a target level"
        elif gap <= 0:
            note = "at or above target"
        elif not goals and not actions:
            note = "no goal works on this yet"
        else:
            note = ""
        found.append(
            SkillGap(
                skill_id=skill.skill_id,
                name=skill.name,
                kind=skill.kind,
                current=skill.current,
                target=skill.target,
                gap=gap,
                goals=goals,
                actions=actions,
                note=note,
            )
        )

    def order(item: SkillGap) -> tuple[int, int, str]:
        if item.gap is None:
            return (1, 0, item.name.casefold())
        if item.gap <= 0:
            return (2, 0, item.name.casefold())
        return (0, -item.gap, item.name.casefold())

    return sorted(found, key=order)


@dataclass(frozen=True)
class LetterCheck:
    """One SMART letter of a goal: is it there, and a one-line hint if not."""

    letter: str  # "S" | "M" | "A" | "R" | "T"
    name: str
    ok: bool
    hint: str = ""


@dataclass
class GoalFields:
    """The SMART fields of a goal as typed in the editor (empty strings for blanks)."""

    title: str = ""
    metric: str = ""
    target: float | None = None
    due: date | None = None
    why_achievable: str = ""
    obstacles: str = ""
    resources: str = ""
    why_relevant: str = ""


_LETTER_RULES = {
    "smart-specific": "S",
    "smart-measurable": "M",
    "smart-achievable": "A",
    "smart-relevant": "R",
    "smart-time-bound": "T",
}
_LETTER_NAMES = {
    "S": "Specific",
    "M": "Measurable",
    "A": "Achievable",
    "R": "Relevant",
    "T": "Time-bound",
}


def check_letters(fields: GoalFields, today: date, *, north_star: str = "") -> list[LetterCheck]:
    """The five letters for the editor, judged by the coach's smart-* rules: one hint per weak
    letter, so the editor and the coach never disagree."""
    # Imported here, not at the top: the coach pulls in SQLAlchemy (through the store's
    # vocabularies), and the Goals screen imports this module on the UI thread while the
    # database may still be opening in a worker; two threads importing SQLAlchemy at once
    # can fail with a circular-import error.
    from growth_tui.domain.coach import judge_goal

    findings = judge_goal(
        fields.title,
        metric=fields.metric,
        target=fields.target,
        due=fields.due,
        why_achievable=fields.why_achievable,
        obstacles=fields.obstacles,
        resources=fields.resources,
        why_relevant=fields.why_relevant,
        today=today,
        north_star=north_star,
    )
    hints = {_LETTER_RULES[f.rule_id]: f.hint for f in findings if f.rule_id in _LETTER_RULES}
    return [
        LetterCheck(letter, name, letter not in hints, hints.get(letter, ""))
        for letter, name in _LETTER_NAMES.items()
    ]
