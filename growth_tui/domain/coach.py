"""The offline coach: explainable rules that read goals, actions and the whole plan.

Every rule has a fixed id (see `RULES`), a severity (`warn` or `info`) and produces `Finding`s
with a message saying what it noticed and a one-line hint saying what to try. The coach nudges;
nothing here ever blocks a save.

- `judge_goal(...)` — the SMART rules on one goal statement (text alone, plus its fields).
- `judge_action(...)` — is this step in the person's control, and can it be done and ticked?
- `review_plan(snapshot, today)` — all of the above for every current goal and action, plus
  the plan rules (balance, budget, execution, accountability, check-ins, reviews, wins…), on
  a plain `PlanSnapshot` that `store/coach_repo.py` builds from the database.

The text rules are regular-expression heuristics over the lowercased statement. They are
written to be read: each list below is what a mentor would listen for.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from growth_tui.domain import directions
from growth_tui.store.types import Direction

WARN = "warn"
INFO = "info"


@dataclass(frozen=True)
class Rule:
    rule_id: str
    severity: str
    title: str


# In order of importance: `review_plan` sorts findings by this order, then by subject.
RULES: tuple[Rule, ...] = (
    Rule("goal-without-actions", WARN, "An active goal has no actions"),
    Rule("action-not-in-control", WARN, "An action is an outcome others decide"),
    Rule("action-not-concrete", WARN, "An action is a trait, not a step"),
    Rule("over-budget", WARN, "More planned than the weekly time budget"),
    Rule("under-executing", WARN, "Plenty planned, little done"),
    Rule("career-goal-without-visibility", WARN, "A career goal nobody will see"),
    Rule("smart-specific", WARN, "Goal is vague"),
    Rule("smart-measurable", WARN, "Goal cannot be measured"),
    Rule("smart-time-bound", WARN, "Goal has no date"),
    Rule("checkin-overdue", WARN, "No upcoming check-in"),
    Rule("focus-single-direction", INFO, "Everything pulls one way"),
    Rule("no-accountability", INFO, "Nobody is in on it"),
    Rule("no-recent-wins", INFO, "No wins written down lately"),
    Rule("stale-review", INFO, "A review is overdue"),
    Rule("no-reflection", INFO, "No reflection for a while"),
    Rule("focus-count", INFO, "Too few or too many focus points"),
    Rule("smart-achievable", INFO, "Nothing about obstacles or help"),
    Rule("smart-relevant", INFO, "Nothing says why it matters"),
    Rule("single-track", INFO, "Only one track for a long time"),
)
RULES_BY_ID: dict[str, Rule] = {rule.rule_id: rule for rule in RULES}
_RANK: dict[str, int] = {rule.rule_id: rank for rank, rule in enumerate(RULES)}


@dataclass(frozen=True)
class Finding:
    """One thing the coach noticed, about one goal, one action or the plan as a whole.

    `goal_id` is the goal to open when the person wants to act on it (the goal itself, or the
    goal an action belongs to); None for findings about the whole plan.
    """

    rule_id: str
    severity: str  # "warn" | "info"
    subject_kind: str  # "goal" | "action" | "plan"
    subject_id: int | None
    subject: str
    message: str
    hint: str
    goal_id: int | None = None

    @property
    def key(self) -> tuple[str, str, int | None]:
        """What a dismissal remembers: the rule and the thing it is about."""
        return (self.rule_id, self.subject_kind, self.subject_id)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _finding(
    rule_id: str,
    subject_kind: str,
    subject_id: int | None,
    subject: str,
    message: str,
    hint: str,
    goal_id: int | None = None,
) -> Finding:
    return Finding(
        rule_id=rule_id,
        severity=RULES_BY_ID[rule_id].severity,
        subject_kind=subject_kind,
        subject_id=subject_id,
        subject=subject,
        message=message,
        hint=hint,
        goal_id=goal_id,
    )


#: The SMART letters and the rule that judges each, in reading order (for editors).
SMART_LETTERS: dict[str, str] = {
    "S": "smart-specific",
    "M": "smart-measurable",
    "A": "smart-achievable",
    "R": "smart-relevant",
    "T": "smart-time-bound",
}


def by_letter(findings: list[Finding]) -> dict[str, Finding | None]:
    """The finding for each SMART letter (None where that letter is fine), S M A R T order."""
    found = {f.rule_id: f for f in findings}
    return {letter: found.get(rule_id) for letter, rule_id in SMART_LETTERS.items()}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most important first: warnings before information, then by rule order (stable)."""
    return sorted(
        findings,
        key=lambda f: (0 if f.severity == WARN else 1, _RANK.get(f.rule_id, len(_RANK))),
    )


# --------------------------------------------------------------------------------------------
# Text helpers


#: Only this much of a statement is read; a goal is a sentence, and this bounds the regexes' work.
MAX_READ = 2000


def _norm(text: str) -> str:
    text = (
        text[:MAX_READ].lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    )
    return " ".join(text.split())


def _rx(*fragments: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"(?<![\w-])(?:{f})(?![\w-])" for f in fragments))


_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|thousand|dozen|twice|half|double|triple|a couple of|a pair of"
)
_NUMBER = re.compile(rf"\d|%|(?<![\w-])(?:{_NUMBER_WORDS}|percent|per cent)(?![\w-])")

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri"
_PERIODS = (
    r"week|month|quarter|year|semester|term|school year|sprint|summer|spring|autumn|fall|"
    r"winter|season|half|fiscal year|academic year"
)
_TIME = _rx(
    r"(?:19|20)\d\d",
    r"\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?",
    _MONTHS,
    r"(?:by|in|before|until|of|end of|mid|early|late|\d{1,2}(?:st|nd|rd|th)?) may",
    r"may \d{1,2}",
    rf"(?:by|on|next|this|before|until|till) (?:{_WEEKDAYS})",
    r"q[1-4]|h[12]",
    r"quarter(?:ly)?",
    rf"(?:end|start|beginning|middle) of (?:the |this |next )?(?:{_PERIODS})",
    rf"(?:this|next|coming) (?:{_PERIODS})",
    rf"(?:in|within|for|over|during|after) (?:the )?(?:next |first |coming )?"
    rf"(?:\d+|{_NUMBER_WORDS}|a|an) (?:days?|weeks?|months?|years?|quarters?|sprints?|terms?)",
    r"(?:\d+|" + _NUMBER_WORDS + r")[- ](?:day|week|month|year)",
    r"tomorrow|today|tonight|deadline|due date|year-end|year end|month-end",
    r"(?:in|by|before|until|over) (?:the )?(?:early |late )?"
    r"(?:spring|summer|autumn|fall|winter|new year|holidays)",
    r"(?:before|by|until) (?:the |my |our )?(?:next |winter |summer |spring |easter |christmas )?"
    r"(?:break|holidays?|review|appraisal|performance review|launch|release|exam|term|semester|"
    r"conference|christmas|easter|summer|winter|spring|autumn|fall)",
)

# Vague ambitions: growth words with no scope.
_VAGUE = _rx(
    r"get(?:ting)? better",
    r"become (?:a )?better",
    r"be (?:a )?better",
    r"improv\w*",
    r"be (?:more )?successful|succeed|success",
    r"grow(?:ing)?",
    r"learn more|know more|learn about",
    r"be more|become more|get more",
    r"work on",
    r"develop (?:myself|my|me)",
    r"get good|get great|be good|be great",
    r"level up",
    r"understand\w*|get (?:fit|in shape)|be fit",
    r"(?:be|get|become|feel) (?:more )?comfortable",
    r"get (?:healthier|fitter|stronger|smarter)",
    r"happier|healthier|stronger|smarter|fitter",
    r"step up",
    r"do (?:better|more|well)",
    r"upskill\w*|self-improvement|personal growth|professional development",
    r"as much as possible|as a person|in general|in my career|at my job|at work",
)

# Things you can point at when they are done.
_OBSERVABLE = _rx(
    r"pass(?:ed|ing)?",
    r"publish\w*",
    r"ship(?:ped|ping)?",
    r"launch\w*",
    r"releas\w*",
    r"certif\w*|licen[cs]e|diploma|degree",
    r"graduat\w*",
    r"submit\w*",
    r"present\w*|give (?:a|the|my) talk",
    r"run (?:a|my first|the) (?:marathon|half[- ]marathon|\d+ ?k|triathlon)",
    r"(?:a|my first|the) (?:marathon|half[- ]marathon|triathlon)",
    r"(?:get|be) (?:hired|promoted|accepted)",
    r"(?:become|be promoted to|get promoted to|promoted to) (?:a |an |the )?"
    r"(?:senior|lead|principal|staff|chief|head|director|manager|partner|charge nurse|"
    r"team lead|tech lead|department head|vp|cto|ceo)\b",
    r"(?:sign|close|win) (?:a|the|our|my|\d+|one|two|three) ",
    r"finish (?:the|my|a)",
    r"complete (?:the|my|a)",
)

_ACHIEVABLE_TEXT = _rx(
    r"with (?:the )?help",
    r"with (?:my|a|the|our) (?:mentor|coach|manager|team|lead|partner|budget|support|tutor)",
    r"despite|even though|although|the risk is|risks?:|in spite of",
    r"supported by|backed by|funded by|sponsored by",
    r"by blocking|by setting aside|using my|using the",
    r"if i (?:block|keep|get|can)",
)

_RELEVANT_TEXT = _rx(
    r"so that|so i can|so we can|so our|so my",
    r"because",
    r"in order to",
    r"which will|that will",
    r"to help|to prepare|to get ready|towards|toward",
    r"for my (?:promotion|career|family|team|patients|students|customers|health)",
    r"on the way to|a step to|step towards",
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", _norm(text))


_STOP = frozenset(
    {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "my"}
    | {"our", "i", "me", "we", "be", "is", "are", "was", "it", "this", "that", "more", "most"}
    | {"very", "who", "want", "will", "would", "can", "could", "should", "from", "as", "into"}
    | {"about", "get", "make", "do", "goal", "become"}
)


def _content_stems(text: str) -> set[str]:
    return {w[:5] for w in _words(text) if len(w) > 3 and w not in _STOP}


def has_time(text: str) -> bool:
    return bool(_TIME.search(_norm(text)))


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(_norm(text)))


def is_vague(text: str) -> bool:
    """A growth wish without scope: "get better at X", "grow", or two words and no verb."""
    norm = _norm(text)
    concrete = has_number(norm) or bool(_OBSERVABLE.search(norm))
    if concrete:
        return False
    return bool(_VAGUE.search(norm)) or len(_words(norm)) < 3


def is_measurable(text: str) -> bool:
    norm = _norm(text)
    return has_number(norm) or bool(_OBSERVABLE.search(norm))


# --------------------------------------------------------------------------------------------
# One goal


_CLOSED_STATUSES = frozenset({"achieved", "pivoted", "dropped"})


def judge_goal(
    title: str,
    *,
    metric: str = "",
    target: float | None = None,
    due: date | None = None,
    why_achievable: str = "",
    obstacles: str = "",
    resources: str = "",
    why_relevant: str = "",
    status: str = "active",
    today: date | None = None,
    goal_id: int | None = None,
    north_star: str = "",
) -> list[Finding]:
    """The SMART rules for one goal. A closed goal (achieved, pivoted, dropped) gets none.

    `today` is needed only to notice a due date in the past; `north_star`, when given, counts
    as the goal's relevance if the goal shares words with it.
    """
    if status in _CLOSED_STATUSES:
        return []
    text = title.strip()
    subject = text or "(untitled goal)"
    found: list[Finding] = []

    def add(rule_id: str, message: str, hint: str) -> None:
        found.append(_finding(rule_id, "goal", goal_id, subject, message, hint, goal_id))

    has_metric = bool(metric.strip()) or target is not None
    if not text or (is_vague(text) and not has_metric):
        add(
            "smart-specific",
            "The goal says you want to grow, but not in what, or what will be different.",
            "Name the result someone could see: what, for whom, how much.",
        )
    if not has_metric and not is_measurable(text):
        add(
            "smart-measurable",
            "Nothing in it can be counted or checked, so you cannot tell when it is done.",
            'Add a number or a visible result, e.g. "three talks" or "pass the exam".',
        )
    if due is None and not has_time(text):
        add(
            "smart-time-bound",
            "There is no date, deadline or time span.",
            "Pick a date; a quarter from now is a good default.",
        )
    elif due is not None and today is not None and due < today and status == "active":
        add(
            "smart-time-bound",
            f"The due date {due.isoformat()} has passed and the goal is still active.",
            "Set a new date, or mark it achieved, pivoted or dropped.",
        )
    if not (why_achievable.strip() or obstacles.strip() or resources.strip()) and not (
        _ACHIEVABLE_TEXT.search(_norm(text))
    ):
        add(
            "smart-achievable",
            "Nothing says what could get in the way or what would help.",
            "Write down one likely obstacle and one person or resource that helps.",
        )
    linked = bool(north_star.strip()) and len(_content_stems(text) & _content_stems(north_star)) > 0
    if not why_relevant.strip() and not _RELEVANT_TEXT.search(_norm(text)) and not linked:
        add(
            "smart-relevant",
            "Nothing says why this goal matters to you or how it serves your north star.",
            "Add one line: why this, why now.",
        )
    return found


# --------------------------------------------------------------------------------------------
# One action


# Outcomes somebody else grants: a title, a raise, a choice, recognition.
_OUTCOME = _rx(
    r"(?:get|be|being|become|getting) promoted",
    r"promotion",
    r"(?:be|get|being|getting) (?:chosen|selected|picked|made|named|appointed|nominated|"
    r"assigned|given|offered|invited|asked|hired|accepted|recognised|recognized|noticed|"
    r"rewarded|praised|trusted|included)",
    r"(?:be|become|becoming|being|make|made) (?:the |a |an )?(?:tech(?:nical)? lead|team lead|"
    r"lead designer|lead engineer|charge nurse|head of|senior|principal|staff engineer|"
    r"manager|director|partner|department head|head teacher|headteacher)",
    r"(?:get|getting|receive|earn|win|land) (?:a |an |the |my )?(?:[\w-]+ ){0,3}?"
    r"(?:raise|pay rise|rise|bonus|promotion|award|title|role|job|offer|budget|headcount|"
    r"recognition|credit)",
    r"(?:get|win|earn) (?:recognition|credit|praise)",
    r"(?:get|be|getting|being) (?:on|onto) (?:the |a )?shortlist|(?:be|get) shortlisted",
    r"(?:my )?(?:manager|boss|lead|director) (?:gives|lets|chooses|picks|promotes|makes) me",
)

# Verbs that put the person in charge of an outcome word ("ask for a raise").
_AGENCY = _rx(
    r"ask\w*",
    r"apply\w*|applied",
    r"request\w*",
    r"prepar\w*",
    r"writ\w*|draft\w*|list\w*|document\w*",
    r"schedul\w*|book\w*",
    r"talk\w*|discuss\w*|propos\w*|pitch\w*|negotiat\w*",
    r"volunteer\w*|offer to",
    r"nominate myself",
    r"collect\w*|gather\w*",
    r"shar\w*|present\w*|show\w*",
    r"research\w*|find out",
)

# A trait or state of being, not a step.
_TRAIT_START = re.compile(
    r"^(?:i (?:want to|will|should|need to|must) |to |try to |always |)"
    r"(?:be|become|being|stay|remain|feel|keep being|get (?:more|better)|"
    r"have (?:a|more|better)|think (?:more|bigger|strategically)|act (?:more|like)|"
    r"work (?:harder|smarter)|improve|grow|develop|focus on|try|care|"
    r"show more|take more|speak up more|embrace|own it|earn (?:the |their |his |her )?"
    r"(?:trust|respect)|keep (?:learning|growing|improving|going|trying))\b"
)

# Things that make a step tickable: a count, a rhythm, a day, an artefact, a person to meet.
_CONCRETE = _rx(
    r"\d+",
    _NUMBER_WORDS,
    r"every|each|daily|weekly|monthly|per (?:day|week|month)|once a|on (?:" + _WEEKDAYS + ")",
    _WEEKDAYS,
    r"(?:a|one|the|my) (?:doc|document|post|talk|demo|course|book|chapter|session|meeting|"
    r"1:1|list|plan|draft|email|message|review|workshop|presentation|write-up|rfc|proposal)",
)


def judge_action(
    title: str, *, action_id: int | None = None, goal_id: int | None = None
) -> list[Finding]:
    """`action-not-in-control` and `action-not-concrete` for one action title.

    An outcome others decide is reported once as not-in-control (that is the deeper problem),
    not also as not-concrete.
    """
    text = title.strip()
    norm = _norm(text)
    subject = text or "(untitled action)"
    found: list[Finding] = []
    if not norm:
        return found
    first_word = _words(norm)[0] if _words(norm) else ""
    agency_first = bool(_AGENCY.match(norm)) or first_word in {"ask", "apply", "request"}
    if _OUTCOME.search(norm) and not agency_first:
        found.append(
            _finding(
                "action-not-in-control",
                "action",
                action_id,
                subject,
                "This is an outcome other people decide, written as if you could just do it.",
                "Make it the goal; as actions, do what puts you in the running "
                "(ask what is missing, take on the work, show it).",
                goal_id,
            )
        )
        return found
    trait = bool(_TRAIT_START.match(norm))
    if trait and not _CONCRETE.search(norm):
        found.append(
            _finding(
                "action-not-concrete",
                "action",
                action_id,
                subject,
                "This describes a way of being, not a step you can do and tick off.",
                "Write the next thing you would actually do, and when "
                '(e.g. "run the team retro on Friday").',
                goal_id,
            )
        )
    return found


# --------------------------------------------------------------------------------------------
# The whole plan


@dataclass(frozen=True)
class ActionInfo:
    id: int
    goal_id: int
    title: str
    kind: str = "once"  # "once" | "recurring"
    rrule: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    due: date | None = None
    planned_minutes: int | None = None
    direction: str | None = None  # the person's own choice, if any
    status: str = "active"

    @property
    def recurring(self) -> bool:
        """Recurring by kind or by having a rule (the same test the log uses)."""
        return self.kind == "recurring" or bool(self.rrule.strip())


@dataclass(frozen=True)
class GoalInfo:
    id: int
    title: str
    track: str = "career"
    status: str = "active"
    metric: str = ""
    target: float | None = None
    due: date | None = None
    why_achievable: str = ""
    obstacles: str = ""
    resources: str = ""
    why_relevant: str = ""
    focus_points: tuple[str, ...] = ()
    supporter_count: int = 0
    created_on: date | None = None
    changed_on: date | None = None  # last update (for closed goals: roughly when it closed)


@dataclass
class PlanSnapshot:
    """Everything the plan rules look at, as plain values (built by `store/coach_repo.py`).

    `goals` holds top-level goals of every status (closed ones matter for `single-track`);
    `actions` holds the actions of those goals. Dates of "last X" are None when there was none.
    """

    plan_id: int | None = None
    north_star: str = ""
    weekly_budget_minutes: int | None = None
    next_checkin_on: date | None = None
    started_on: date | None = None  # the earliest thing in the plan
    goals: list[GoalInfo] = field(default_factory=list)
    actions: list[ActionInfo] = field(default_factory=list)
    done_occurrences: set[tuple[int, date]] = field(default_factory=set)  # (action, day), 30 days
    last_done_on: date | None = None
    last_win_on: date | None = None
    last_quarterly_on: date | None = None  # a finished quarterly (or annual) review
    last_annual_on: date | None = None
    last_reflection_on: date | None = None
    dismissed: set[tuple[str, str, int | None]] = field(default_factory=set)


def _rrule_parts(rule: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for piece in rule.upper().removeprefix("RRULE:").split(";"):
        name, _, value = piece.partition("=")
        if name.strip():
            parts[name.strip()] = value.strip()
    return parts


def per_week(rule: str) -> float:
    """How many times a week a recurrence rule comes round, on average (0.0 if unreadable)."""
    parts = _rrule_parts(rule)
    freq = parts.get("FREQ", "")
    try:
        interval = max(1, int(parts.get("INTERVAL", "1") or 1))
    except ValueError:
        interval = 1
    byday = [d for d in parts.get("BYDAY", "").split(",") if d]
    bymonthday = [d for d in parts.get("BYMONTHDAY", "").split(",") if d]
    if freq == "DAILY":
        return 7 / interval
    if freq == "WEEKLY":
        return max(1, len(byday)) / interval
    if freq == "MONTHLY":
        return max(1, len(byday) or len(bymonthday)) * 12 / 52 / interval
    if freq == "YEARLY":
        return 1 / 52 / interval
    return 0.0


def occurrences(
    rule: str, starts_on: date | None, ends_on: date | None, first: date, last: date
) -> list[date]:
    """The days in [first, last] on which a recurring rule falls (empty if unreadable)."""
    from growth_tui.domain import recurrence

    if not rule or starts_on is None:
        return []
    try:
        return recurrence.occurrences(rule, starts_on, ends_on, first, last)
    except (ValueError, TypeError):  # RecurrenceError is a ValueError
        return []


def _active_now(action: ActionInfo, today: date) -> bool:
    if action.status != "active":
        return False
    if action.recurring:
        starts = action.starts_on or today
        return starts <= today + timedelta(days=7) and (
            action.ends_on is None or action.ends_on >= today
        )
    return True


def weekly_load(snapshot: PlanSnapshot, today: date) -> list[tuple[ActionInfo, float]]:
    """(action, minutes a week) for each recurring action of an active goal, heaviest first."""
    active_goals = {g.id for g in snapshot.goals if g.status == "active"}
    load: list[tuple[ActionInfo, float]] = []
    for action in snapshot.actions:
        if action.goal_id not in active_goals or not action.recurring:
            continue
        if not action.planned_minutes or not _active_now(action, today):
            continue
        load.append((action, per_week(action.rrule) * action.planned_minutes))
    return sorted(load, key=lambda item: -item[1])


def planned_minutes_per_week(snapshot: PlanSnapshot, today: date) -> int:
    """Minutes a week the recurring actions of active goals ask for, as they stand today."""
    return round(sum(minutes for _, minutes in weekly_load(snapshot, today)))


def _is_visible_step(title: str, chosen: str | None) -> bool:
    own = directions.parse_direction(chosen)
    if own is not None:
        return own is Direction.VISIBILITY
    return directions.mentions(title, Direction.VISIBILITY)


def _plan_finding(rule_id: str, message: str, hint: str) -> Finding:
    return _finding(rule_id, "plan", None, "your plan", message, hint)


def review_plan(snapshot: PlanSnapshot, today: date) -> list[Finding]:
    """Every finding for the plan, most important first, leaving out dismissed ones."""
    found: list[Finding] = []
    active = [g for g in snapshot.goals if g.status == "active"]
    actions_by_goal: dict[int, list[ActionInfo]] = {}
    for action in snapshot.actions:
        if action.status == "dropped":
            continue
        actions_by_goal.setdefault(action.goal_id, []).append(action)

    for goal in active:
        found += judge_goal(
            goal.title,
            metric=goal.metric,
            target=goal.target,
            due=goal.due,
            why_achievable=goal.why_achievable,
            obstacles=goal.obstacles,
            resources=goal.resources,
            why_relevant=goal.why_relevant,
            status=goal.status,
            today=today,
            goal_id=goal.id,
            north_star=snapshot.north_star,
        )
        goal_actions = actions_by_goal.get(goal.id, [])
        live_actions = [a for a in goal_actions if a.status == "active"]
        for action in live_actions:
            found += judge_action(action.title, action_id=action.id, goal_id=goal.id)
        found += _goal_plan_rules(goal, goal_actions, live_actions)

    found += _plan_rules(snapshot, active, today)
    kept = [f for f in found if f.key not in snapshot.dismissed]
    return sort_findings(kept)


def _goal_plan_rules(
    goal: GoalInfo, goal_actions: list[ActionInfo], live_actions: list[ActionInfo]
) -> list[Finding]:
    found: list[Finding] = []
    subject = goal.title or "(untitled goal)"

    def add(rule_id: str, message: str, hint: str) -> None:
        found.append(_finding(rule_id, "goal", goal.id, subject, message, hint, goal.id))

    if not live_actions:
        add(
            "goal-without-actions",
            "This goal has no actions, so nothing moves it forward yet.",
            "Add one small step you can take this week, and one that repeats.",
        )
    shows_work = any(_is_visible_step(a.title, a.direction) for a in goal_actions) or any(
        directions.mentions(fp, Direction.VISIBILITY) for fp in goal.focus_points
    )
    if goal.track == "career" and goal_actions and not shows_work:
        add(
            "career-goal-without-visibility",
            "None of its steps lets the people who decide see the work.",
            "Add a step that shows it: a demo, a write-up, a monthly update to your manager.",
        )
    pulls = [directions.classify(a.title, a.direction) for a in goal_actions]
    pulls += [directions.classify(fp) for fp in goal.focus_points]
    known = {d for d in pulls if d is not None}
    if len([d for d in pulls if d is not None]) >= 2 and len(known) == 1:
        (only,) = known
        add(
            "focus-single-direction",
            f"Every focus point and action pulls the same way: {only.value}.",
            _SINGLE_DIRECTION_HINT.get(only, "Add a step in another direction."),
        )
    count = len(goal.focus_points)
    if count < 3 or count > 5:
        few = count < 3
        add(
            "focus-count",
            f"It has {count} focus point{'s' if count != 1 else ''}; "
            f"{'fewer than three leaves gaps' if few else 'more than five spreads you thin'}.",
            "Aim for three to five focus points." if few else "Keep the five that matter most.",
        )
    return found


_SINGLE_DIRECTION_HINT: dict[Direction, str] = {
    Direction.LEADERSHIP: "Leading is half of it: add a step that shows it or deepens a skill.",
    Direction.TECHNICAL: "Depth alone goes unnoticed: add a step that shows it or involves others.",
    Direction.VISIBILITY: "Showing needs substance: add a step that builds the skill itself.",
    Direction.RELATIONSHIPS: "Add a step that builds a skill or delivers something too.",
    Direction.LEARNING: "Learning sticks when used: add a step that applies or shows it.",
    Direction.DELIVERY: "Add a step that grows you, not only the output: learning or visibility.",
    Direction.WELLBEING: "Good; consider one step for a skill or relationship as well.",
}


def _plan_rules(snapshot: PlanSnapshot, active: list[GoalInfo], today: date) -> list[Finding]:
    found: list[Finding] = []
    started = snapshot.started_on or today
    active_ids = {g.id for g in active}

    if active and snapshot.weekly_budget_minutes:
        load = weekly_load(snapshot, today)
        planned = round(sum(minutes for _, minutes in load))
        if planned > snapshot.weekly_budget_minutes:
            heaviest, minutes = load[0]
            found.append(
                _plan_finding(
                    "over-budget",
                    f"Recurring actions ask for {_hours(planned)} a week; "
                    f"your budget is {_hours(snapshot.weekly_budget_minutes)}.",
                    f"Thin out or drop one (the heaviest is \u201c{heaviest.title}\u201d, "
                    f"{_hours(round(minutes))} a week), or raise the budget honestly.",
                )
            )

    if active:
        first = today - timedelta(days=13)
        planned_days: list[tuple[int, date]] = []
        done_once: set[tuple[int, date]] = set()
        for action in snapshot.actions:
            if action.goal_id not in active_ids or action.status == "dropped":
                continue
            if action.recurring:
                planned_days += [
                    (action.id, d)
                    for d in occurrences(
                        action.rrule, action.starts_on, action.ends_on, first, today
                    )
                ]
            elif action.due is not None and first <= action.due <= today:
                planned_days.append((action.id, action.due))
                if action.status == "done":  # ticked, whichever day it was logged for
                    done_once.add((action.id, action.due))
        done = sum(
            1 for item in planned_days if item in snapshot.done_occurrences or item in done_once
        )
        if len(planned_days) >= 5 and done * 3 < len(planned_days):
            found.append(
                _plan_finding(
                    "under-executing",
                    f"In the last 14 days {done} of {len(planned_days)} planned steps were done.",
                    "Plan less and do it: cut the plan to what fits a normal week.",
                )
            )

    if active and not any(g.supporter_count for g in active):
        found.append(
            _plan_finding(
                "no-accountability",
                "No mentor, peer or manager is linked to any of your current goals.",
                "Tell one person about a goal and link them to it.",
            )
        )

    if active and (snapshot.next_checkin_on is None or snapshot.next_checkin_on < today):
        if snapshot.next_checkin_on is None:
            message = "No next check-in is scheduled."
        else:
            late = (today - snapshot.next_checkin_on).days
            when = snapshot.next_checkin_on.isoformat()
            message = (
                f"The check-in planned for {when} is {late} day{'s' if late != 1 else ''} late."
            )
        found.append(
            _plan_finding(
                "checkin-overdue", message, "Hold a short check-in now and agree the next date."
            )
        )

    recent = today - timedelta(days=30)
    working = snapshot.last_done_on is not None and snapshot.last_done_on >= recent
    if working and (snapshot.last_win_on is None or snapshot.last_win_on < recent):
        found.append(
            _plan_finding(
                "no-recent-wins",
                "You have been doing the work, but no win was written down in 30 days.",
                "Note one thing that went well, however small; it counts at review time.",
            )
        )

    if active:
        quarterly = snapshot.last_quarterly_on or started
        if (today - quarterly).days > 100:
            found.append(
                _plan_finding(
                    "stale-review",
                    "No quarterly review for over 100 days."
                    if snapshot.last_quarterly_on
                    else "No quarterly review yet, and the plan is over 100 days old.",
                    "Hold a quarterly review: are the goals still the right ones?",
                )
            )
        else:
            annual = snapshot.last_annual_on or started
            if _months_between(annual, today) > 13:
                found.append(
                    _plan_finding(
                        "stale-review",
                        "No annual review for over 13 months.",
                        "Hold an annual review: values, vision, and what the year taught you.",
                    )
                )

    half_year = today - timedelta(days=183)
    if active and started <= half_year:
        tracks = {g.track for g in active}
        if len(tracks) == 1:
            (track,) = tracks
            other_recent = any(
                g.track != track
                and g.status != "active"
                and (g.changed_on or g.created_on or started) >= half_year
                for g in snapshot.goals
            )
            if not other_recent:
                other = "personal" if track == "career" else "career"
                found.append(
                    _plan_finding(
                        "single-track",
                        f"Only {track} goals for over six months; the {other} track is empty.",
                        f"Add a {other} goal, even a small one, to keep the balance.",
                    )
                )

    if snapshot.last_reflection_on is None or snapshot.last_reflection_on < half_year:
        found.append(
            _plan_finding(
                "no-reflection",
                "No reflection in the last six months."
                if snapshot.last_reflection_on
                else "You have not done a self-reflection yet.",
                "Take twenty minutes for a reflection: strengths, values, where you are heading.",
            )
        )
    return found


def _months_between(earlier: date, later: date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return months


def _hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"
