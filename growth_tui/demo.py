"""A realistic sample plan: `growth --demo`, `growth demo --years N`, screenshots and benchmarks.

The story: Sam Rivera, a backend engineer, wants to grow toward staff engineer without giving up
evenings with the family, and is learning Spanish on the side. Each past year has its own pair
of goals (achieved, pivoted or dropped), the current year has the active ones, and the log holds
every occurrence of every recurring action with a believable rhythm: mostly done, sometimes
skipped, now and then missed. Generation is deterministic for a given `today` and `years`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert

from growth_tui.domain.recurrence import occurrences
from growth_tui.store.engine import Store
from growth_tui.store.models import (
    Action,
    CheckIn,
    CheckInAnswer,
    Feedback,
    FeedbackSkill,
    FocusPoint,
    Goal,
    GoalReview,
    GoalSkill,
    GoalStatusChange,
    GoalSupporter,
    LogEntry,
    NorthStarVersion,
    Plan,
    ReflectionAnswer,
    ReflectionSession,
    Skill,
    SkillAssessment,
    Supporter,
    Win,
)


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


@dataclass(frozen=True)
class _ActionSpec:
    title: str
    rrule: str = ""
    minutes: int | None = None
    direction: str | None = None
    due_offset_days: int | None = None  # one-off: days after the goal starts


@dataclass(frozen=True)
class _GoalSpec:
    track: str
    title: str
    metric: str
    baseline: float
    target: float
    unit: str
    why_achievable: str
    obstacles: str
    resources: str
    why_relevant: str
    focus: tuple[tuple[str, tuple[_ActionSpec, ...]], ...]
    skills: tuple[str, ...]


CAREER = _GoalSpec(
    track="career",
    title="Become a staff engineer on the payments platform by the end of next year",
    metric="cross-team design docs I led to acceptance",
    baseline=0,
    target=4,
    unit="docs",
    why_achievable="I already own the ledger service and two teams lean on it.",
    obstacles="On-call weeks eat my focus time; I say yes to every small request.",
    resources="Priya as mentor, the staff-promo rubric, a monthly slot at the architecture forum.",
    why_relevant="Staff work is where I can shape how the whole platform grows.",
    focus=(
        (
            "Protect deep-work time",
            (
                _ActionSpec(
                    "Block two 90-minute focus sessions", "FREQ=WEEKLY;BYDAY=TU,TH", 90, "delivery"
                ),
                _ActionSpec(
                    "Review my calendar and decline what isn't mine",
                    "FREQ=WEEKLY;BYDAY=MO",
                    15,
                    "well-being",
                ),
            ),
        ),
        (
            "Make my work visible beyond the team",
            (
                _ActionSpec(
                    "Post a short write-up of what shipped in #eng-updates",
                    "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
                    30,
                    "visibility",
                ),
                _ActionSpec(
                    "Present the ledger redesign at the architecture forum",
                    "",
                    120,
                    "visibility",
                    45,
                ),
            ),
        ),
        (
            "Go deeper on distributed systems",
            (
                _ActionSpec(
                    "Read one chapter of Designing Data-Intensive Applications",
                    "FREQ=WEEKLY;BYDAY=SA",
                    45,
                    "technical depth",
                ),
                _ActionSpec(
                    "Pair with the storage team on their consensus work",
                    "FREQ=MONTHLY;BYDAY=1WE",
                    60,
                    "relationships",
                ),
            ),
        ),
    ),
    skills=("System design", "Technical writing"),
)

PERSONAL = _GoalSpec(
    track="personal",
    title="Hold a 20-minute conversation in Spanish with my in-laws by summer",
    metric="minutes of unbroken conversation",
    baseline=2,
    target=20,
    unit="minutes",
    why_achievable="Twenty minutes a day fits my commute.",
    obstacles="I drop practice in busy release weeks.",
    resources="A tutor on Saturdays, a language app, Sunday calls with Lucía.",
    why_relevant="Family matters most to me; I want to talk with them, not past them.",
    focus=(
        (
            "Daily practice",
            (_ActionSpec("20 min Spanish on the commute", "FREQ=DAILY", 20, "learning"),),
        ),
        (
            "Real conversations",
            (
                _ActionSpec(
                    "Saturday lesson with the tutor", "FREQ=WEEKLY;BYDAY=SA", 60, "learning"
                ),
                _ActionSpec(
                    "Call Lucía and speak only Spanish",
                    "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU",
                    30,
                    "relationships",
                ),
            ),
        ),
        (
            "Rest and keep it fun",
            (
                _ActionSpec(
                    "Watch a film in Spanish with the family",
                    "FREQ=MONTHLY;BYDAY=-1FR",
                    120,
                    "well-being",
                ),
            ),
        ),
    ),
    skills=("Spanish",),
)

# Goals of earlier years, oldest first; the story repeats with variations for long histories.
PAST_GOALS = (
    (
        "career",
        "Lead the migration of the billing jobs to the new queue",
        "achieved",
        "Shipped two weeks early; the runbook I wrote is now the team template.",
    ),
    (
        "personal",
        "Run a half marathon under two hours",
        "achieved",
        "1:57 — steady training beat heroic weekends.",
    ),
    (
        "career",
        "Become tech lead of the checkout team",
        "pivoted",
        "Leading is decided by others; I refocused on owning the ledger service and it worked.",
    ),
    (
        "personal",
        "Learn to play the piano",
        "dropped",
        "It competed with family evenings; I chose the evenings.",
    ),
    (
        "career",
        "Mentor two new engineers through their first on-call",
        "achieved",
        "Both ran incidents alone by month three.",
    ),
    ("personal", "Read 24 books this year", "achieved", "Read 26, mostly on the train."),
)

PAST_ACTIONS = {
    "career": (
        ("Weekly one-to-one notes with my manager", "FREQ=WEEKLY;BYDAY=WE", 20, "visibility"),
        (
            "Practice on a hard problem from the backlog",
            "FREQ=WEEKLY;BYDAY=TU,TH",
            60,
            "technical depth",
        ),
    ),
    "personal": (
        (
            "Morning routine: 30 minutes before the house wakes",
            "FREQ=WEEKLY;BYDAY=MO,WE,FR",
            30,
            "well-being",
        ),
        ("Ten minutes of journaling", "FREQ=DAILY", 10, "well-being"),
    ),
}

SUPPORTERS = (
    ("Priya Natarajan", "mentor", "Staff-level feedback on design docs"),
    ("Marcus Lee", "manager", "Scope, sponsorship, the promotion case"),
    ("Lucía Rivera", "accountability partner", "Sunday Spanish calls"),
    ("Jo Okafor", "peer", "Pairing on the consensus work"),
)

#: (track, what happened, impact, impact as a number, who noticed)
WIN_TITLES = (
    ("career", "Ledger redesign accepted by the architecture forum", "Unblocked two teams", 2.0,
     "Priya"),
    ("career", "Cut the nightly reconciliation from 40 to 9 minutes", "31 minutes saved nightly",
     31.0, "Marcus"),
    ("personal", "First phone call in Spanish with my mother-in-law",
     "Seven minutes without English", 7.0, "Lucía"),
    ("career", "My write-up was shared in the company newsletter", "Read by ~300 people", 300.0,
     "Marcus"),
    ("career", "Ran the incident review for the payment outage", "Three follow-ups shipped", 3.0,
     "Jo"),
    ("personal", "Passed the B1 listening mock test", "Score 78/100", 78.0, "the tutor"),
)  # fmt: skip

FEEDBACK = (
    (
        "Marcus Lee",
        "Your design docs are the clearest on the floor.",
        "strength",
        "Technical writing",
    ),
    (
        "Priya Natarajan",
        "Say the trade-off out loud before someone asks.",
        "growth area",
        "System design",
    ),
    ("Jo Okafor", "You make pairing feel safe for juniors.", "strength", "Mentoring"),
)

VALUES = ("Family", "Craft", "Honesty", "Curiosity", "Calm")


def build_demo(store: Store, *, years: int = 1, today: date) -> None:
    """Fill an empty store with `years` years of history ending at `today`."""
    if years < 1:
        raise ValueError("years must be at least 1")
    rng = random.Random(f"{today.isoformat()}:{years}")
    plan_id = store.plan_id()
    start = today - timedelta(days=365 * years)
    current_start = max(start, today - timedelta(days=150))
    with store.write() as session:
        plan = session.get(Plan, plan_id)
        assert plan is not None
        plan.weekly_budget_minutes = 6 * 60
        plan.checkin_cadence = "weekly"
        plan.next_checkin_on = today + timedelta(days=(4 - today.weekday()) % 7 or 7)
        plan.next_quarterly_on = today + timedelta(days=38)
        plan.next_annual_on = date(today.year + 1, 1, 15)
        plan.north_star = (
            "Be the engineer people seek out for hard problems and fair calls, "
            "while keeping evenings for my family."
        )
        plan.created_at = _at(start)
        session.add(plan)
        session.add(
            NorthStarVersion(
                plan_id=plan_id,
                text="Grow into a senior engineer people trust with the important systems.",
                source="reflection",
                set_at=_at(start),
            )
        )
        session.add(
            NorthStarVersion(
                plan_id=plan_id,
                text=plan.north_star,
                source="reflection",
                set_at=_at(current_start - timedelta(days=3)),
            )
        )

        supporters = []
        for name, role, helps in SUPPORTERS:
            supporter = Supporter(
                plan_id=plan_id, name=name, role=role, helps_with=helps, created_at=_at(start)
            )
            session.add(supporter)
            supporters.append(supporter)

        skill_names = (
            "System design",
            "Technical writing",
            "Spanish",
            "Mentoring",
            "Public speaking",
        )
        skills: dict[str, Skill] = {}
        for index, name in enumerate(skill_names):
            kind = "soft" if name in ("Mentoring", "Public speaking") else "hard"
            skill = Skill(
                plan_id=plan_id,
                name=name,
                kind=kind,
                target_level=4 + index % 2,
                created_at=_at(start),
            )
            session.add(skill)
            skills[name] = skill
        session.flush()

        # Skill levels climb slowly, one self-assessment a quarter.
        for skill in skills.values():
            level = 1 + rng.randrange(2)
            day = start
            while day <= today:
                if rng.random() < 0.35 and level < 5:
                    level += 1
                session.add(
                    SkillAssessment(
                        skill_id=skill.id,
                        assessed_on=day,
                        current_level=level,
                        target_level=skill.target_level,
                        source="review",
                    )
                )
                day += timedelta(days=91)
            skill.current_level = level
            session.add(skill)

        all_actions: list[tuple[Action, date, date]] = []
        goals_for_wins: list[Goal] = []

        # Past years: a career and a personal goal each, ending in a recorded status.
        year_starts = [start + timedelta(days=365 * n) for n in range(years)]
        for n, year_start in enumerate(year_starts[:-1] if years > 1 else []):
            year_end = year_start + timedelta(days=364)
            for offset in (0, 1):
                track, title, status, note = PAST_GOALS[(2 * n + offset) % len(PAST_GOALS)]
                goal = Goal(
                    plan_id=plan_id,
                    track=track,
                    title=title,
                    status=status,
                    status_note=note,
                    due=year_end,
                    created_at=_at(year_start),
                    updated_at=_at(year_end),
                    why_relevant="Part of that year's plan.",
                )
                session.add(goal)
                session.flush()
                session.add(
                    GoalStatusChange(
                        goal_id=goal.id,
                        from_status="active",
                        to_status=status,
                        note=note,
                        changed_at=_at(year_end, 18),
                    )
                )
                focus = FocusPoint(
                    goal_id=goal.id, title="Keep a steady rhythm", created_at=_at(year_start)
                )
                session.add(focus)
                session.flush()
                for a_title, rule, minutes, direction in PAST_ACTIONS[track]:
                    action = Action(
                        goal_id=goal.id,
                        focus_point_id=focus.id,
                        title=a_title,
                        kind="recurring",
                        rrule=rule,
                        starts_on=year_start,
                        ends_on=year_end,
                        planned_minutes=minutes,
                        direction=direction,
                        status="done",
                        created_at=_at(year_start),
                    )
                    session.add(action)
                    session.flush()
                    all_actions.append((action, year_start, year_end))
                goals_for_wins.append(goal)

        # The current goals.
        current_goals = []
        for spec, due in (
            (CAREER, date(today.year + 1, 12, 31)),
            (PERSONAL, date(today.year + 1, 6, 30)),
        ):
            goal = Goal(
                plan_id=plan_id,
                track=spec.track,
                title=spec.title,
                metric=spec.metric,
                baseline=spec.baseline,
                target=spec.target,
                unit=spec.unit,
                current_value=spec.baseline + (spec.target - spec.baseline) * 0.4,
                why_achievable=spec.why_achievable,
                obstacles=spec.obstacles,
                resources=spec.resources,
                why_relevant=spec.why_relevant,
                due=due,
                created_at=_at(current_start),
                updated_at=_at(today - timedelta(days=6)),
                position=len(current_goals),
            )
            session.add(goal)
            session.flush()
            current_goals.append(goal)
            goals_for_wins.append(goal)
            for skill_name in spec.skills:
                session.add(GoalSkill(goal_id=goal.id, skill_id=skills[skill_name].id))
            for position, (focus_title, actions) in enumerate(spec.focus):
                focus = FocusPoint(
                    goal_id=goal.id,
                    title=focus_title,
                    position=position,
                    created_at=_at(current_start),
                )
                session.add(focus)
                session.flush()
                for a_pos, a in enumerate(actions):
                    recurring = bool(a.rrule)
                    action = Action(
                        goal_id=goal.id,
                        focus_point_id=focus.id,
                        title=a.title,
                        kind="recurring" if recurring else "once",
                        rrule=a.rrule,
                        starts_on=current_start if recurring else None,
                        due=(current_start + timedelta(days=a.due_offset_days or 30))
                        if not recurring
                        else None,
                        planned_minutes=a.minutes,
                        direction=a.direction,
                        position=a_pos,
                        created_at=_at(current_start),
                    )
                    session.add(action)
                    session.flush()
                    if recurring:
                        all_actions.append((action, current_start, today))
                    elif action.due and action.due < today:
                        action.status = "done"
                        session.add(action)
                        session.add(
                            LogEntry(
                                action_id=action.id,
                                occurrence_on=action.due,
                                logged_on=action.due,
                                status="done",
                                minutes=a.minutes,
                                note="Went well; slides shared.",
                                created_at=_at(action.due, 17),
                            )
                        )
        session.add(GoalSupporter(goal_id=current_goals[0].id, supporter_id=supporters[0].id))
        session.add(GoalSupporter(goal_id=current_goals[0].id, supporter_id=supporters[1].id))
        session.add(GoalSupporter(goal_id=current_goals[1].id, supporter_id=supporters[2].id))
        session.flush()

        # The log: every occurrence up to yesterday, mostly done. Today's are still open.
        rows = []
        for action, first, last in all_actions:
            last = min(last, today - timedelta(days=1))
            for day in occurrences(action.rrule, first, action.ends_on, first, last):
                roll = rng.random()
                if roll < 0.74:
                    late = 0 if rng.random() < 0.8 else rng.randrange(1, 3)
                    logged = min(day + timedelta(days=late), today)
                    minutes = max(5, int((action.planned_minutes or 30) * rng.uniform(0.6, 1.3)))
                    rows.append(
                        dict(
                            action_id=action.id,
                            occurrence_on=day,
                            logged_on=logged,
                            status="done",
                            minutes=minutes,
                            note="",
                            created_at=_at(logged, 20),
                        )
                    )
                elif roll < 0.84:
                    rows.append(
                        dict(
                            action_id=action.id,
                            occurrence_on=day,
                            logged_on=day,
                            status="skipped",
                            minutes=None,
                            note=rng.choice(("On call", "Sick", "Travel", "Family day")),
                            created_at=_at(day, 21),
                        )
                    )
                # else: missed — nothing logged, and the app must show it as missed.
        if rows:
            session.execute(insert(LogEntry), rows)

        # Wins, about one a month, and feedback now and then.
        day = start + timedelta(days=20)
        n = 0
        while day < today:
            track, title, impact, value, who = WIN_TITLES[n % len(WIN_TITLES)]
            # That year's goal on the win's track: past years come in pairs, the current last.
            year = min((day - start).days // 365, years - 1)
            pair = goals_for_wins[2 * year : 2 * year + 2]
            goal = next((g for g in pair if g.track == track), pair[0])
            win = Win(
                plan_id=plan_id,
                goal_id=goal.id,
                happened_on=day,
                title=title,
                impact=impact,
                impact_value=value,
                noticed_by=who,
                created_at=_at(day, 18),
            )
            session.add(win)
            day += timedelta(days=rng.randrange(21, 40))
            n += 1
        for index, (who, text, kind, skill_name) in enumerate(FEEDBACK):
            received = today - timedelta(days=20 + 45 * index)
            feedback = Feedback(
                plan_id=plan_id,
                received_on=received,
                from_whom=who,
                text=text,
                kind=kind,
                created_at=_at(received, 12),
            )
            session.add(feedback)
            session.flush()
            session.add(FeedbackSkill(feedback_id=feedback.id, skill_id=skills[skill_name].id))

        # Reflections: one a year, the latest shortly before the current goals.
        for index in range(years):
            when = min(start + timedelta(days=365 * index + 2), current_start - timedelta(days=4))
            reflection = ReflectionSession(
                plan_id=plan_id,
                prompt_sets="know,vision,stuck",
                current_step=0,
                summary="Values: " + ", ".join(VALUES[: 3 + index % 2]),
                started_at=_at(when, 20),
                updated_at=_at(when, 21),
                finished_at=_at(when, 21),
            )
            session.add(reflection)
            session.flush()
            answers = [
                ("strengths", 0, "Untangling messy systems"),
                ("strengths", 1, "Clear writing" if index % 2 else "Patient reviews"),
                ("vision_1_2", 0, "Own a platform area end to end and be asked into design calls."),
                ("hours_per_week", 0, "6"),
            ]
            answers += [("values", pos, value) for pos, value in enumerate(VALUES[: 3 + index % 2])]
            for key, pos, text in answers:
                session.add(
                    ReflectionAnswer(
                        session_id=reflection.id,
                        prompt_key=key,
                        position=pos,
                        text=text,
                        rank=pos + 1 if key == "values" and pos < 3 else None,
                        updated_at=_at(when, 21),
                    )
                )

        # Check-ins: weekly for the current goals (a few weeks), quarterly before that.
        first_weekly = today - timedelta(weeks=10)
        day = start + timedelta(days=90)
        while day < first_weekly:
            session.add(
                CheckIn(
                    plan_id=plan_id,
                    kind="quarterly",
                    held_on=day,
                    next_on=day + timedelta(days=91),
                    summary="Quarterly review: goals still relevant; kept going.",
                    started_at=_at(day, 19),
                    finished_at=_at(day, 20),
                )
            )
            day += timedelta(days=91)
        day = first_weekly
        healths = ("on track", "on track", "at risk", "on track", "off track")
        while day < today - timedelta(days=2):
            check_in = CheckIn(
                plan_id=plan_id,
                kind="weekly",
                held_on=day,
                next_on=day + timedelta(days=7),
                summary="Weekly check-in.",
                started_at=_at(day, 19),
                finished_at=_at(day, 19),
            )
            session.add(check_in)
            session.flush()
            session.add(
                CheckInAnswer(
                    check_in_id=check_in.id,
                    question_key="achieved",
                    text="Kept both focus blocks; wrote the sync-path doc.",
                    updated_at=_at(day, 19),
                )
            )
            for goal in current_goals:
                session.add(
                    GoalReview(
                        check_in_id=check_in.id,
                        goal_id=goal.id,
                        health=rng.choice(healths),
                        metric_value=goal.current_value,
                        confidence=rng.randrange(2, 6),
                    )
                )
            day += timedelta(days=7)
