"""The guided self-reflection: its prompt sets, and what is made from the answers.

Pure data and functions, no database and no Textual. A session runs one or more prompt sets
("Know yourself", "Vision", "Stuck?"); each set is a few steps, and each step asks one thing:

- a *text* step takes one free answer (a vision, a north star sentence);
- a *list* step takes separate items (strengths, skills, boundaries), so later screens can use
  each item on its own: a skill named here becomes a row in the Goals screen's skill list;
- a *choice* step (values) offers a list to pick from, takes the person's own additions, and
  ranks a top three;
- a *number* step (weekly hours) becomes the plan's weekly time budget.

Answers travel as ``{step key: [Item, ...]}``; a text step has at most one item. The helpers
also accept a plain ``str`` or a list of ``str`` where an answer is expected, for convenience.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class StepKind(StrEnum):
    TEXT = "text"
    LIST = "list"
    CHOICE = "choice"
    NUMBER = "number"


@dataclass(frozen=True)
class Item:
    """One answer item; `rank` is 1..3 for a value in the top three."""

    text: str
    rank: int | None = None


@dataclass(frozen=True)
class Step:
    key: str
    set_key: str
    title: str
    prompt: str
    hint: str
    example: str
    kind: StepKind = StepKind.TEXT
    skill_kind: str | None = None  # list steps whose items become Skill rows
    choices: tuple[str, ...] = ()  # choice steps
    rank_top: int = 0  # choice steps: how many to rank


@dataclass(frozen=True)
class PromptSet:
    key: str
    title: str
    blurb: str
    steps: tuple[Step, ...]


VALUE_CHOICES: tuple[str, ...] = (
    "Autonomy",
    "Balance",
    "Belonging",
    "Craft",
    "Creativity",
    "Curiosity",
    "Fairness",
    "Family",
    "Freedom",
    "Growth",
    "Health",
    "Honesty",
    "Impact",
    "Independence",
    "Kindness",
    "Learning",
    "Loyalty",
    "Mastery",
    "Recognition",
    "Security",
    "Service",
    "Simplicity",
    "Stability",
    "Teamwork",
)

KNOW = "know"
VISION = "vision"
STUCK = "stuck"

NORTH_STAR_KEY = "north_star"
HOURS_KEY = "hours_per_week"
VALUES_KEY = "values"


def _know() -> PromptSet:
    s = KNOW
    return PromptSet(
        key=s,
        title="Know yourself",
        blurb="What you are good at, what you care about, and what others notice.",
        steps=(
            Step(
                "strengths",
                s,
                "Strengths",
                "What do you do well, often without trying hard?",
                "Think of the tasks people bring to you, or the work that leaves you with energy "
                "instead of draining it. One strength per item.",
                "Untangling a messy problem into small steps",
                StepKind.LIST,
            ),
            Step(
                "skills_hard",
                s,
                "Hard skills",
                "Which technical or craft skills could you show someone today?",
                "Tools, languages, methods, trades: things you could be tested on. Each one "
                "appears later in your skill list, ready for a level.",
                "SQL and query tuning",
                StepKind.LIST,
                skill_kind="hard",
            ),
            Step(
                "skills_soft",
                s,
                "Soft skills",
                "How do you work with people?",
                "Listening, explaining, negotiating, calming a tense meeting, giving feedback "
                "that lands. Name the ones you would bet on.",
                "Explaining a technical trade-off to people outside the team",
                StepKind.LIST,
                skill_kind="soft",
            ),
            Step(
                "skills_transferable",
                s,
                "Transferable skills",
                "What would still be useful if you changed field tomorrow?",
                "Skills that travel: planning, writing, teaching, running a project, making a "
                "decision with half the facts.",
                "Writing a clear one-page proposal",
                StepKind.LIST,
                skill_kind="transferable",
            ),
            Step(
                "passions",
                s,
                "Passions and interests",
                "What do you read about, tinker with, or talk about at length?",
                "Inside or outside work. They often point at work you would keep doing even "
                "when nobody is watching.",
                "How cities plan their bike lanes",
                StepKind.LIST,
            ),
            Step(
                VALUES_KEY,
                s,
                "Values",
                "What matters most to you in how you work and live?",
                "Pick from the list with space, add your own below, then rank your top three "
                "with 1, 2 and 3 (0 clears a rank).",
                "Honesty, Craft, Family",
                StepKind.CHOICE,
                choices=VALUE_CHOICES,
                rank_top=3,
            ),
            Step(
                "growth_areas",
                s,
                "Growth areas",
                "Where do you fall short today, or avoid things?",
                "Be kind and specific: a weakness named plainly is the start of a goal, not a "
                "verdict on you.",
                "I put off hard conversations until they get bigger",
                StepKind.LIST,
            ),
            Step(
                "feedback",
                s,
                "Feedback lately",
                "What have people told you recently, and who said it?",
                "Praise and criticism both count. Write who and what, e.g. 'Maya (lead): …'. "
                "Patterns across people matter most.",
                "Sam (peer): my code reviews are thorough but arrive late",
                StepKind.LIST,
            ),
        ),
    )


def _vision() -> PromptSet:
    s = VISION
    return PromptSet(
        key=s,
        title="Vision",
        blurb="Where you want to be, and the shape of the work — not only a job title.",
        steps=(
            Step(
                "vision_1_2",
                s,
                "In 1–2 years",
                "Picture yourself in a year or two. What are you doing on an ordinary Tuesday?",
                "Close enough to be concrete: the work on your desk, who you work with, what "
                "you are trusted with.",
                "I run the design reviews for our team's services and mentor two newer engineers.",
            ),
            Step(
                "vision_3_5",
                s,
                "In 3–5 years",
                "Three to five years out: what has changed, and what have you built?",
                "Say what you would be proud to point at, not only the title on the door.",
                "I lead a small platform group and our tools are the ones other teams ask for.",
            ),
            Step(
                "vision_5_plus",
                s,
                "Five years and beyond",
                "Further out, where is all this heading?",
                "It can be blurry. A direction is enough: a kind of place, a kind of role, a "
                "kind of life around the work.",
                "Helping organisations build software calmly, with time left for my family.",
            ),
            Step(
                "vision_shape",
                s,
                "The shape of the work",
                "What kind of work, which problems, which people, what impact?",
                "Four small answers beat one big title: the work itself, the problems you "
                "want to own, the people around you, the difference it makes.",
                "Hands-on systems work; reliability problems; a curious, kind team; fewer "
                "night-time pages for everyone.",
            ),
            Step(
                NORTH_STAR_KEY,
                s,
                "North star",
                "One sentence about who you want to become.",
                "A first draft is proposed from your answers; make it yours. It steers every "
                "goal, and its old versions are kept.",
                "Become a calm technical leader who makes hard systems simple for others.",
            ),
        ),
    )


def _stuck() -> PromptSet:
    s = STUCK
    return PromptSet(
        key=s,
        title="Stuck?",
        blurb="Three sharp questions for when the next step will not come.",
        steps=(
            Step(
                "missing_skills",
                s,
                "Missing skills",
                "Are you missing skills that the next level really needs?",
                "Look at people one level up: what do they do that you cannot yet? Leave it "
                "empty if nothing is missing.",
                "Estimating a project of several months",
                StepKind.LIST,
                skill_kind="hard",
            ),
            Step(
                "visibility",
                s,
                "Do they know?",
                "If you already have those skills, do the people who decide know it?",
                "Who decides your next step, and what have they actually seen you do? Being "
                "good is not enough when nobody can tell.",
                "My manager sees the tickets I close, not the migration plan I wrote for two "
                "teams.",
            ),
            Step(
                "willing",
                s,
                "Willing to do",
                "What are you willing to do to close the gap?",
                "Small, concrete things in your control: a course, a side project, asking for "
                "a stretch task, presenting your work.",
                "Present one piece of work at the monthly demo",
                StepKind.LIST,
            ),
            Step(
                "boundaries",
                s,
                "Boundaries",
                "What are you NOT willing to do?",
                "Boundaries keep a plan honest: evenings, family time, health, moving city. "
                "A goal that breaks them will not last.",
                "No work after 7 pm on weekdays",
                StepKind.LIST,
            ),
            Step(
                HOURS_KEY,
                s,
                "Weekly time",
                "How many hours a week can you really give to this?",
                "An honest small number beats an ambitious one. This becomes your weekly time "
                "budget; the coach warns when a plan needs more.",
                "3",
                StepKind.NUMBER,
            ),
        ),
    )


PROMPT_SETS: tuple[PromptSet, ...] = (_know(), _vision(), _stuck())
SET_KEYS: tuple[str, ...] = tuple(ps.key for ps in PROMPT_SETS)
_STEPS: dict[str, Step] = {step.key: step for ps in PROMPT_SETS for step in ps.steps}


def prompt_set(key: str) -> PromptSet:
    for ps in PROMPT_SETS:
        if ps.key == key:
            return ps
    raise KeyError(key)


def step(key: str) -> Step:
    return _STEPS[key]


def normalize_sets(keys: Sequence[str] | str) -> tuple[str, ...]:
    """Known set keys in the canonical order; an empty or unknown choice means all sets."""
    if isinstance(keys, str):
        keys = [k.strip() for k in keys.split(",")]
    chosen = tuple(k for k in SET_KEYS if k in set(keys))
    return chosen or SET_KEYS


def steps_for(set_keys: Sequence[str] | str) -> list[Step]:
    """The steps of the chosen sets, in order."""
    return [st for key in normalize_sets(set_keys) for st in prompt_set(key).steps]


# Answers -----------------------------------------------------------------------------------

AnswerValue = str | Sequence[str] | Sequence[Item]


def items_of(answers: Mapping[str, AnswerValue], key: str) -> list[Item]:
    """The non-blank items of one answer, whatever shape it was given in."""
    value = answers.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    out: list[Item] = []
    for entry in value:
        item = entry if isinstance(entry, Item) else Item(str(entry))
        if item.text.strip():
            out.append(item)
    return out


def texts_of(answers: Mapping[str, AnswerValue], key: str) -> list[str]:
    return [item.text for item in items_of(answers, key)]


def text_of(answers: Mapping[str, AnswerValue], key: str) -> str:
    return "\n".join(texts_of(answers, key)).strip()


def ranked_values(answers: Mapping[str, AnswerValue]) -> list[str]:
    """The values ranked 1, 2, 3 (in that order); empty when none is ranked."""
    items = items_of(answers, VALUES_KEY)
    return [i.text.strip() for i in sorted((i for i in items if i.rank), key=lambda i: i.rank or 0)]


def top_values(answers: Mapping[str, AnswerValue]) -> list[str]:
    """The ranked values, 1 first; if none is ranked, the first three picked."""
    return ranked_values(answers) or [i.text.strip() for i in items_of(answers, VALUES_KEY)[:3]]


_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)")


def parse_weekly_minutes(text: str) -> int | None:
    """Hours a week as minutes: "3" → 180, "2.5 h" → 150, "90 min" → 90, "3-4" → 180.

    A range counts as its lower end (an honest budget). Nothing numeric, or more than the
    hours a week has, gives None.
    """
    match = _NUMBER.search(text or "")
    if not match:
        return None
    number = float(match.group(1).replace(",", "."))
    rest = text[match.end() :].strip().lower()
    minutes = number if rest.startswith("m") else number * 60
    if minutes <= 0 or minutes > 7 * 24 * 60:
        return None
    return round(minutes)


def format_minutes(minutes: int | None) -> str:
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not rest:
        return f"{hours} h/week"
    if not hours:
        return f"{rest} min/week"
    return f"{hours} h {rest} min/week"


# North star --------------------------------------------------------------------------------


def _first_sentence(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    for stop in (". ", "! ", "? ", "; "):
        if stop in text:
            text = text.split(stop, 1)[0]
    text = text.rstrip(".!?; ")
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


def _lower_first(text: str) -> str:
    # Keep "I", acronyms and names as written ("SQL", "Maya"); lower only a plain capital word.
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[0].isupper() and word[1:].islower():
        return text[0].lower() + text[1:]
    return text


def _join(words: Sequence[str]) -> str:
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


_I_WANT = re.compile(
    r"^(?:i\s+(?:want|would like|hope|wish|aim|plan)\s+to|i'?d\s+like\s+to|i\s+will|i'll)\s+",
    re.IGNORECASE,
)
_I_AM = re.compile(r"^(?:i\s+am|i'm)\s+", re.IGNORECASE)
_I = re.compile(r"^i\s+", re.IGNORECASE)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _direction(vision: str) -> str:
    """ "I want to lead a team" → "Lead a team"; "I'm a mentor" → "Be a mentor"."""
    if _I_WANT.match(vision):
        return _upper_first(_I_WANT.sub("", vision))
    if _I_AM.match(vision):
        return "Be " + _I_AM.sub("", vision)
    if _I.match(vision):
        return _upper_first(_I.sub("", vision))
    return _upper_first(vision)


def propose_north_star(answers: Mapping[str, AnswerValue]) -> str:
    """A first draft of the north star sentence, built from the vision, values and strengths.

    The furthest-out vision gives the direction, the top values the "how"; with no vision yet
    the strengths stand in. No answers at all give an empty proposal (nothing to build on).
    """
    vision = ""
    for key in ("vision_5_plus", "vision_3_5", "vision_1_2", "vision_shape"):
        vision = _first_sentence(text_of(answers, key))
        if vision:
            break
    values = [_lower_first(v) for v in top_values(answers)]
    strengths = [_lower_first(_first_sentence(s, 60)) for s in texts_of(answers, "strengths")[:2]]
    if vision:
        sentence = _direction(vision)
    elif strengths:
        sentence = "Build my work on " + _join(strengths)
    elif values:
        return "Do work that honours " + _join(values) + "."
    else:
        return ""
    if values:
        sentence = sentence.rstrip(",;:") + ", guided by " + _join(values)
    return sentence.rstrip(".!?") + "."


# Comparing two sessions --------------------------------------------------------------------

REWORDED_RATIO = 0.6


@dataclass(frozen=True)
class TopicDiff:
    key: str
    title: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    reworded: tuple[tuple[str, str], ...] = ()  # (before, after)
    kept: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.reworded)


@dataclass(frozen=True)
class SessionDiff:
    topics: tuple[TopicDiff, ...] = field(default_factory=tuple)

    def topic(self, key: str) -> TopicDiff:
        for t in self.topics:
            if t.key == key:
                return t
        return TopicDiff(key, step(key).title if key in _STEPS else key)

    @property
    def changed(self) -> bool:
        return any(t.changed for t in self.topics)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def similarity(a: str, b: str) -> float:
    """How alike two answers read (0..1), ignoring case and spacing."""
    matcher = difflib.SequenceMatcher(None, _norm(a), _norm(b), autojunk=False)
    if matcher.real_quick_ratio() < REWORDED_RATIO or matcher.quick_ratio() < REWORDED_RATIO:
        return matcher.quick_ratio()
    return matcher.ratio()


def diff_items(key: str, title: str, before: Sequence[str], after: Sequence[str]) -> TopicDiff:
    """Kept (same text up to case and spacing), reworded (similar), added and removed items."""
    old = [t.strip() for t in before if t.strip()]
    new = [t.strip() for t in after if t.strip()]
    kept: list[str] = []
    new_left = list(new)
    old_left: list[str] = []
    for text in old:
        match = next((n for n in new_left if _norm(n) == _norm(text)), None)
        if match is None:
            old_left.append(text)
        else:
            kept.append(match)
            new_left.remove(match)
    pairs = sorted(
        ((similarity(o, n), i, j) for i, o in enumerate(old_left) for j, n in enumerate(new_left)),
        reverse=True,
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    reworded: list[tuple[int, int]] = []
    for ratio, i, j in pairs:
        if ratio < REWORDED_RATIO:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        reworded.append((i, j))
    reworded.sort()
    return TopicDiff(
        key=key,
        title=title,
        added=tuple(n for j, n in enumerate(new_left) if j not in used_new),
        removed=tuple(o for i, o in enumerate(old_left) if i not in used_old),
        reworded=tuple((old_left[i], new_left[j]) for i, j in reworded),
        kept=tuple(kept),
    )


COMPARE_TOPICS: tuple[str, ...] = (
    VALUES_KEY,
    "strengths",
    "vision_1_2",
    "vision_3_5",
    "vision_5_plus",
    "vision_shape",
    NORTH_STAR_KEY,
)


def compare_sessions(
    a: Mapping[str, AnswerValue],
    b: Mapping[str, AnswerValue],
    keys: Sequence[str] | None = None,
) -> SessionDiff:
    """What changed from session `a` (older) to `b` (newer), topic by topic.

    By default: values, strengths, the vision steps and the north star — the answers that show
    how a person grew. Values also report a change in the top three as a reworded line
    ("top 3: A, B, C" → "top 3: A, C, D") when both sessions ranked them differently.
    """
    topics: list[TopicDiff] = []
    for key in keys or COMPARE_TOPICS:
        st = _STEPS.get(key)
        title = st.title if st else key
        diff = diff_items(key, title, texts_of(a, key), texts_of(b, key))
        if key == VALUES_KEY:
            top_a, top_b = ranked_values(a), ranked_values(b)
            if top_a and top_b and top_a != top_b:
                before = "top 3: " + ", ".join(top_a)
                after = "top 3: " + ", ".join(top_b)
                diff = TopicDiff(
                    diff.key,
                    diff.title,
                    diff.added,
                    diff.removed,
                    diff.reworded + ((before, after),),
                    diff.kept,
                )
        topics.append(diff)
    return SessionDiff(tuple(topics))


# Summary -----------------------------------------------------------------------------------

SUMMARY_LIMIT = 120


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def summarize(answers: Mapping[str, AnswerValue], limit: int = SUMMARY_LIMIT) -> str:
    """One line for the past-sessions list: north star, top values, strengths, hours."""
    parts: list[str] = []
    north = text_of(answers, NORTH_STAR_KEY)
    if north:
        parts.append(_clip(north, 60))
    values = top_values(answers)
    if values:
        parts.append("values: " + ", ".join(_clip(v, 20) for v in values))
    strengths = texts_of(answers, "strengths")
    if strengths:
        parts.append("strengths: " + ", ".join(_clip(s, 24) for s in strengths[:2]))
    if not parts:
        for st in _STEPS.values():
            found = texts_of(answers, st.key)
            if found:
                parts.append(f"{st.title.lower()}: {_clip(found[0], 40)}")
                break
    minutes = parse_weekly_minutes(text_of(answers, HOURS_KEY))
    if minutes:
        parts.append(format_minutes(minutes))
    return _clip(" · ".join(parts), limit) if parts else "(no answers yet)"


def answered_count(answers: Mapping[str, AnswerValue], steps: Sequence[Step]) -> int:
    return sum(1 for st in steps if items_of(answers, st.key))
