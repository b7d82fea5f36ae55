"""What an action works on: a small phrase model that sorts actions into directions.

The coach uses directions to notice a goal whose steps all pull one way (only leadership, no
visibility) — see `coach.py`. The model is a list of weighted phrases per direction, matched
as whole words on the lowercased title; the direction with the highest score wins, ties go to
the earlier direction in `Direction`. It is deliberately simple and explainable: `explain()`
says which phrases decided. A direction the person chose themselves (`Action.direction`)
always wins over the guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from growth_tui.store.types import Direction

# Each entry: a regular expression fragment (matched on word boundaries) and its weight.
# Multi-word phrases weigh more than single words because they are less ambiguous.
_PHRASES: dict[Direction, tuple[tuple[str, int], ...]] = {
    Direction.LEADERSHIP: (
        (r"lead(?:s|ing)?", 2),
        (r"leader(?:ship|s)?", 3),
        (r"tech(?:nical)? lead", 3),
        (r"team lead", 3),
        (r"charge nurse", 3),
        (r"coordinat\w*|organi[sz]\w*", 2),
        (r"chair(?:ing)? (?:the|a|our)", 2),
        (r"mentor(?:ing)? (?:a|an|two|three|one|the|my|our|new|junior)", 3),
        (r"coach(?:ing)? (?:a|an|two|the|my|our|new|junior)", 3),
        (r"delegat\w*", 3),
        (r"facilitat\w*", 2),
        (r"run (?:the|our|a) (?:[\w-]+ )?(?:retro\w*|stand-?up|planning|meeting|huddle)", 3),
        (r"onboard\w*", 2),
        (r"hir(?:e|ing)", 2),
        (r"interview(?:ing)? candidates", 3),
        (r"manag(?:e|ing) (?:the|a|my|our)", 2),
        (r"own(?:ing)? the|ownership|take over", 2),
        (r"decision\w*", 1),
        (r"strateg\w*", 2),
        (r"roadmap\w*", 2),
        (r"vision", 1),
        (r"initiative", 1),
        (r"proactive", 1),
        (r"take charge", 2),
        (r"guide (?:the|a|new|junior)", 2),
        (r"supervis\w*", 2),
    ),
    Direction.TECHNICAL: (
        (r"cod(?:e|ing)", 2),
        (r"program(?:ming)?", 1),
        (r"architect\w*", 2),
        (r"system design", 3),
        (r"refactor\w*", 3),
        (r"debug\w*", 3),
        (r"algorithm\w*", 3),
        (r"python|rust|golang|java|typescript|javascript|sql|kotlin|swift", 2),
        (r"database\w*|postgres\w*|kubernetes|docker|terraform|linux", 2),
        (r"profil(?:e|ing) (?:the|our)", 2),
        (r"performance tuning", 3),
        (r"unit tests?|test suite|tests", 1),
        (r"deep[- ]dive", 2),
        (r"hands-on", 1),
        (r"kata\w*", 2),
        (r"leetcode|side project|open source", 2),
        (r"pull requests?|code reviews?|prs", 2),
        (r"sketch\w*|logos?|mock-?ups?|moodboards?|colou?r palettes?|accessib\w*", 2),
        (r"figma|typography|prototyp\w*|illustrat\w*|wireframe\w*|design system", 2),
        (r"seo|copywriting|analytics|a/b tests?|spreadsheet\w*|excel|pivot tables?", 2),
        (r"clinical|wound care|iv (?:lines?|cannula\w*)|ecg|pharmacolog\w*|medication", 2),
        (r"lesson plan\w*|curriculum|phonics|assessment rubric\w*", 2),
        (r"craft", 1),
        (r"technique\w*", 1),
        (r"drills?", 1),
    ),
    Direction.VISIBILITY: (
        (r"present(?:s|ing|ation|ations)?", 3),
        (r"demo(?:s|ing)?", 3),
        (r"(?:lightning |brown[- ]bag |conference |meetup )?talks?", 2),
        (r"give a talk", 3),
        (r"lunch-and-learns?|lunch and learns?|brown[- ]bags?", 4),
        (r"run (?:a|the|our) (?:[\w-]+ )?(?:workshop|session|training|webinar)s?", 4),
        (r"release notes|changelogs?", 3),
        (r"shar(?:e|es|ing) (?:my|our|the|a|what|progress|results|learnings|notes|it)", 3),
        (r"blog(?:s|ging)?(?: posts?)?", 3),
        (r"newsletter", 2),
        (r"publish\w*", 3),
        (r"write (?:up|a post|an article|a case study|an internal|a summary)", 3),
        (r"write-?ups?", 3),
        (r"case stud(?:y|ies)", 2),
        (r"showcase\w*|show and tell|show-and-tell", 3),
        (
            r"(?:tell|update|inform|brief) (?:my|our|the) (?:manager|boss|lead|director|team|head)",
            3,
        ),
        (r"status update\w*|weekly update\w*|progress update\w*", 3),
        (r"brag\w*(?: document| doc| sheet)?", 3),
        (r"all-hands|town ?hall|staff meeting", 2),
        (r"conference\w*|meetups?", 1),
        (r"linkedin|portfolio", 2),
        (r"announc\w*", 2),
        (r"internal wiki|wiki page", 1),
        (r"visib\w*", 3),
        (r"recogni[sz]\w*|noticed|aware of my work|know what i do", 2),
        (r"speak(?:ing)? at", 3),
        (r"post (?:about|on)", 2),
        (r"report (?:to|back)", 2),
    ),
    Direction.RELATIONSHIPS: (
        (r"coffee", 2),
        (r"lunch", 1),
        (r"1:1s?|one-on-ones?|one to ones?", 2),
        (r"network\w*", 2),
        (r"connect(?: with)?", 2),
        (r"reach out", 2),
        (r"meet (?:with|a|one|two|three|new|my|the)", 2),
        (r"introduc\w* (?:myself|me)", 2),
        (r"thank\w*", 2),
        (r"stakeholders?", 2),
        (r"colleagues?|peers?|teammates?", 1),
        (r"relationship\w*", 3),
        (r"trust", 1),
        (r"partner\w*", 1),
        (r"pair(?:ing)? with", 2),
        (r"(?:call|calls|dinner|drinks) with", 2),
        (r"customers?|clients?|patients'? families", 1),
        (r"check in with", 2),
        (r"listen\w*", 1),
        (r"friends?", 1),
        (r"alumni|community", 1),
    ),
    Direction.LEARNING: (
        (r"read(?:s|ing)?", 2),
        (r"books?|chapters?|articles? on", 2),
        (r"courses?|class(?:es)?|lectures?|seminars?|webinars?|workshops?", 2),
        (r"stud(?:y|ies|ying)", 3),
        (r"learn\w*", 3),
        (r"certif\w*|exam\w*|diploma", 2),
        (r"tutorials?|podcasts?", 2),
        (r"feedback", 2),
        (r"shadow\w*", 3),
        (r"observ\w*|sit in on|sit-ins?", 2),
        (r"practi[cs]e\w*", 1),
        (r"language|spanish|french|german|japanese|mandarin", 1),
        (r"research\w*", 1),
        (r"flashcards?|notes on", 2),
        (r"ask (?:my|a|the) (?:mentor|manager|coach|lead)", 1),
        (r"retrospect on|reflect\w*|journal about my work", 1),
    ),
    Direction.DELIVERY: (
        (r"ship(?:s|ping)?", 3),
        (r"releas\w*", 2),
        (r"deliver\w*", 3),
        (r"finish\w*", 2),
        (r"complet\w*", 1),
        (r"deadlines?", 2),
        (r"launch\w*", 2),
        (r"deploy\w*|migrat\w*", 2),
        (r"tickets?|backlog|sprint\w*|bugs?|issues?", 2),
        (r"estimat\w*|scop(?:e|ing)|plan the", 1),
        (r"milestones?", 1),
        (r"submit\w*|hand in", 2),
        (r"clos(?:e|ing) (?:\d+|the|deals?|accounts?)", 2),
        (r"quota|pipeline|prospect\w*|cold calls?|discovery calls?|follow-?ups?", 2),
        (r"grade|marking|mark (?:the|all)", 2),
        (r"campaign\w*", 2),
        (r"build (?:the|a|our)", 2),
        (r"fix\w*", 2),
        (r"project plan\w*", 2),
        (r"to-?do|inbox zero|focus blocks?|deep work", 2),
    ),
    Direction.WELLBEING: (
        (r"sleep\w*|bed ?time|nap\w*", 3),
        (r"go (?:for a )?run|running|run \d+ ?(?:k|km|miles?)|jog\w*|walk(?:s|ing)?", 2),
        (r"hike\w*|hiking|swim\w*|cycl(?:e|ing)|bike ride|climb\w*|dance\w*|dancing", 2),
        (r"(?:day|night|evening|weekend|afternoon) off", 3),
        (r"gym|exercis\w*|workout\w*|work out|yoga|pilates|stretch\w*|sport", 3),
        (r"meditat\w*|mindful\w*|breath\w*|therapy|therapist", 3),
        (r"rest|breaks?|holiday\w*|vacation\w*|day off|time off|unplug\w*|offline", 2),
        (r"family|kids|partner time|dinner with", 2),
        (r"hobb\w*|garden\w*|paint(?:ing)? for fun|music|guitar|piano", 2),
        (r"no (?:work|email|slack|laptop)|log off|switch off|screen-free|boundar\w*", 3),
        (r"journal\w*", 1),
        (r"cook\w*|healthy|water|doctor|health", 1),
        (r"well-?being|burn-?out|stress\w*|energy", 2),
    ),
}


@dataclass(frozen=True)
class Guess:
    """A direction guessed for one text, with the phrases that decided it."""

    direction: Direction | None
    scores: dict[Direction, int]
    matched: dict[Direction, tuple[str, ...]]  # the phrases found, per direction


@cache
def _compiled() -> dict[Direction, tuple[tuple[re.Pattern[str], int], ...]]:
    return {
        direction: tuple(
            (re.compile(rf"(?<![\w-])(?:{fragment})(?![\w-])"), weight)
            for fragment, weight in phrases
        )
        for direction, phrases in _PHRASES.items()
    }


def _normalise(text: str) -> str:
    return " ".join(text[:2000].lower().replace("\u2019", "'").split())


def guess(text: str) -> Guess:
    """Score `text` against every direction; the best score wins (None when nothing matched)."""
    lowered = _normalise(text)
    scores: dict[Direction, int] = {}
    matched: dict[Direction, tuple[str, ...]] = {}
    for direction, patterns in _compiled().items():
        total = 0
        phrases: list[str] = []
        for pattern, weight in patterns:
            found = pattern.search(lowered)
            if found:
                total += weight
                phrases.append(found.group(0))
        if total:
            scores[direction] = total
            matched[direction] = tuple(phrases)
    if not scores:
        return Guess(None, scores, matched)
    order = list(Direction)
    best = max(scores, key=lambda d: (scores[d], -order.index(d)))
    return Guess(best, scores, matched)


def parse_direction(value: str | None) -> Direction | None:
    """A stored direction string as a `Direction`, or None when empty or unknown."""
    if not value:
        return None
    try:
        return Direction(value)
    except ValueError:
        return None


def classify(text: str, chosen: str | None = None) -> Direction | None:
    """The direction of an action: the person's own choice if any, else the phrase model's."""
    own = parse_direction(chosen)
    if own is not None:
        return own
    return guess(text).direction


def mentions(text: str, direction: Direction) -> bool:
    """True when `text` has any phrase of `direction`, even if another direction scores higher.

    Used for "does any step make the work visible?": "Monthly 1:1 with my manager to share
    results" is mostly relationships, but it does show the work.
    """
    return guess(text).scores.get(direction, 0) > 0


def explain(text: str) -> str:
    """A one-line reason for the guess, for the coach's hints and for debugging the model."""
    result = guess(text)
    if result.direction is None:
        return "no direction recognised"
    return f"{result.direction.value} (from: {', '.join(result.matched[result.direction])})"
