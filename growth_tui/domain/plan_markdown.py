"""A plan as a Markdown document: the model, the renderer, and a forgiving parser.

`render_markdown(doc)` writes a stable layout meant both for people (a mentor, a 1:1) and for
re-import: every detail sits on its own ``- Key: value`` line, so `parse_markdown` can read the
app's own export back exactly (export -> import -> export gives the same text).

`parse_markdown(text)` also reads the plain layouts people keep in their notes::

    North Star:                      Goal: run a half marathon
    <a sentence or two>              Action items:
                                     - run 5 km every Tue and Thu
    Current Goal:                    - long run every Sunday
    <one line>

    Focus Points:
    1. <focus point>
        - <action>

Headings (``## North star``) and bold labels work too; focus points may be numbered or dashed,
indented with tabs or spaces. Cadence words in an action ("every 2 weeks", "bi-weekly", "every
Tue and Thu") become a recurrence rule through `growth_tui.domain.recurrence`.

Everything here is pure: no database, no clock. Text is normalised on the way in and out
(`clean_line` for one-line fields, `clean_text` for free text) so that what is rendered is
exactly what is parsed back.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from growth_tui.store.types import (
    ActionStatus,
    CheckInKind,
    GoalStatus,
    MilestoneScale,
    SupporterRole,
    Track,
)

EXPORT_TITLE = "# Growth plan"


class PlanParseError(ValueError):
    """The text is not a plan we can read; `str(error)` is a sentence for the person."""


# The model -----------------------------------------------------------------------------------


@dataclass
class ActionDoc:
    title: str
    cadence: str = ""  # human words for the rule, e.g. "every Tue and Thu"
    rrule: str = ""  # RFC 5545 rule; empty for a one-off
    starts_on: date | None = None
    ends_on: date | None = None
    due: date | None = None
    minutes: int | None = None
    status: str = ActionStatus.ACTIVE.value


@dataclass
class FocusPointDoc:
    title: str
    actions: list[ActionDoc] = field(default_factory=list)


@dataclass
class MilestoneDoc:
    title: str
    scale: str | None = None
    due: date | None = None
    status: str = GoalStatus.ACTIVE.value


@dataclass
class GoalDoc:
    title: str
    track: str = Track.CAREER.value
    due: date | None = None
    metric: str = ""
    baseline: float | None = None
    target: float | None = None
    unit: str = ""
    current_value: float | None = None
    why_achievable: str = ""
    obstacles: str = ""
    resources: str = ""
    why_relevant: str = ""
    focus_points: list[FocusPointDoc] = field(default_factory=list)
    actions: list[ActionDoc] = field(default_factory=list)  # not under a focus point
    milestones: list[MilestoneDoc] = field(default_factory=list)


@dataclass
class SupporterDoc:
    name: str
    role: str = SupporterRole.MENTOR.value
    helps_with: str = ""


@dataclass
class CheckInDoc:
    kind: str
    held_on: date
    next_on: date | None = None
    summary: str = ""


@dataclass
class PlanDocument:
    north_star: str = ""
    goals: list[GoalDoc] = field(default_factory=list)
    supporters: list[SupporterDoc] = field(default_factory=list)
    latest_checkin: CheckInDoc | None = None

    def is_empty(self) -> bool:
        return not (self.north_star or self.goals or self.supporters or self.latest_checkin)


# Normalisation -------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Free text as the document keeps it: Unix newlines, no trailing spaces, trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def clean_line(text: str) -> str:
    """A one-line field (a title, a name): runs of whitespace, newlines included, become one
    space."""
    return " ".join(text.split())


# Rendering -----------------------------------------------------------------------------------

#: a goal's free-text answers (the A and R of SMART), which may run over several lines.
_GOAL_TEXT_FIELDS = (
    ("Why achievable", "why_achievable"),
    ("Obstacles", "obstacles"),
    ("Resources", "resources"),
    ("Why relevant", "why_relevant"),
)


def _number(value: float) -> str:
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _bullet(key: str, value: str, indent: int = 0, *, multiline: bool = False) -> list[str]:
    """``- Key: value`` with further lines of a multi-line value indented under it."""
    pad = " " * indent
    if not multiline:
        return [f"{pad}- {key}: {clean_line(value)}"]
    first, *rest = clean_text(value).split("\n")
    more = " " * (indent + 2)
    return [f"{pad}- {key}: {first}"] + [f"{more}{line}" if line else "" for line in rest]


def _render_action(action: ActionDoc) -> list[str]:
    lines = [f"- Action: {clean_line(action.title)}"]
    if action.rrule:
        cadence = clean_line(action.cadence)
        repeat = f"{cadence} ({action.rrule})" if cadence else action.rrule
        lines += _bullet("Repeats", repeat, 2)
    if action.starts_on:
        lines += _bullet("From", action.starts_on.isoformat(), 2)
    if action.ends_on:
        lines += _bullet("Until", action.ends_on.isoformat(), 2)
    if action.due:
        lines += _bullet("Due", action.due.isoformat(), 2)
    if action.minutes is not None:
        lines += _bullet("Minutes", str(action.minutes), 2)
    if action.status != ActionStatus.ACTIVE:
        lines += _bullet("Status", action.status, 2)
    return lines


def _render_goal(goal: GoalDoc) -> list[str]:
    lines = [f"## Goal: {clean_line(goal.title)}", ""]
    lines += _bullet("Track", goal.track)
    if goal.due:
        lines += _bullet("Due", goal.due.isoformat())
    if clean_line(goal.metric):
        lines += _bullet("Metric", goal.metric)
    for key, value in (
        ("Baseline", goal.baseline),
        ("Target", goal.target),
        ("Now", goal.current_value),
    ):
        if value is not None:
            lines += _bullet(key, _number(value))
    if clean_line(goal.unit):
        lines += _bullet("Unit", goal.unit)
    for key, attr in _GOAL_TEXT_FIELDS:
        value = getattr(goal, attr)
        if clean_text(value):
            lines += _bullet(key, value, multiline=True)
    for focus in goal.focus_points:
        lines += ["", f"### Focus point: {clean_line(focus.title)}"]
        if focus.actions:
            lines.append("")
        for action in focus.actions:
            lines += _render_action(action)
    if goal.actions:
        lines += ["", "### Other actions", ""]
        for action in goal.actions:
            lines += _render_action(action)
    if goal.milestones:
        lines += ["", "### Milestones", ""]
        for milestone in goal.milestones:
            lines.append(f"- Milestone: {clean_line(milestone.title)}")
            if milestone.scale:
                lines += _bullet("Scale", milestone.scale, 2)
            if milestone.due:
                lines += _bullet("Due", milestone.due.isoformat(), 2)
            if milestone.status != GoalStatus.ACTIVE:
                lines += _bullet("Status", milestone.status, 2)
    lines.append("")
    return lines


def _escape_paragraph(text: str) -> list[str]:
    """Free text under a heading: a line that would read as a heading gets a backslash."""
    out = []
    for line in clean_text(text).split("\n"):
        out.append("\\" + line if line.startswith(("#", "\\")) else line)
    return out


def render_markdown(doc: PlanDocument) -> str:
    """The plan as Markdown, in the layout `parse_markdown` reads back exactly."""
    lines = [EXPORT_TITLE, ""]
    if clean_text(doc.north_star):
        lines += ["## North star", ""] + _escape_paragraph(doc.north_star) + [""]
    for goal in doc.goals:
        lines += _render_goal(goal)
    if doc.supporters:
        lines += ["## Supporters", ""]
        for supporter in doc.supporters:
            lines.append(f"- Supporter: {clean_line(supporter.name)}")
            lines += _bullet("Role", supporter.role, 2)
            if clean_text(supporter.helps_with):
                lines += _bullet("Helps with", supporter.helps_with, 2, multiline=True)
        lines.append("")
    checkin = doc.latest_checkin
    if checkin is not None:
        lines += ["## Latest check-in", ""]
        lines += _bullet("Kind", checkin.kind)
        lines += _bullet("Held on", checkin.held_on.isoformat())
        if checkin.next_on:
            lines += _bullet("Next on", checkin.next_on.isoformat())
        if clean_text(checkin.summary):
            lines += _bullet("Summary", checkin.summary, multiline=True)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# Parsing: the app's own export --------------------------------------------------------------

_BULLET = re.compile(r"^( *)- (.*)$")


def _split_key(rest: str, keys: tuple[str, ...]) -> tuple[str, str] | None:
    for key in keys:
        if rest == key + ":" or rest.startswith(key + ": "):
            return key, rest[len(key) + 2 :]
    return None


class _ExportReader:
    """Reads the layout `render_markdown` writes, line by line, with line numbers in errors."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.i = 0

    def fail(self, message: str, line_index: int | None = None) -> PlanParseError:
        number = (self.i if line_index is None else line_index) + 1
        return PlanParseError(f"line {number}: {message}")

    def value(self, first: str, indent: int) -> str:
        """The value that starts on the current line, with its indented continuation lines."""
        parts = [first]
        cont = " " * (indent + 2)
        j = self.i + 1
        while j < len(self.lines):
            line = self.lines[j]
            if line.startswith(cont):
                parts.append(line[len(cont) :])
                j += 1
                continue
            if line.strip() == "":
                k = j
                while k < len(self.lines) and self.lines[k].strip() == "":
                    k += 1
                if k < len(self.lines) and self.lines[k].startswith(cont):
                    parts.extend("" for _ in range(j, k))
                    j = k
                    continue
            break
        self.i = j
        return clean_text("\n".join(parts))

    def date_value(self, text: str, line_index: int) -> date:
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            raise self.fail(
                f"'{text}' is not a date (write it as YYYY-MM-DD)", line_index
            ) from None

    def number_value(self, text: str, line_index: int) -> float:
        try:
            value = float(text.strip())
        except ValueError:
            raise self.fail(f"'{text}' is not a number", line_index) from None
        if not math.isfinite(value):
            raise self.fail(f"'{text}' is not a number", line_index)
        return value

    def word_value(self, text: str, allowed: type, what: str, line_index: int) -> str:
        word = text.strip().lower()
        values = [member.value for member in allowed]
        if word not in values:
            raise self.fail(f"'{text}' is not a {what} (one of: {', '.join(values)})", line_index)
        return word

    def fields(self, indent: int, keys: tuple[str, ...]) -> list[tuple[str, str, int]]:
        """``- Key: value`` lines at `indent`, until something else."""
        found = []
        while self.i < len(self.lines):
            line = self.lines[self.i]
            match = _BULLET.match(line)
            if not match or len(match.group(1)) != indent:
                break
            split = _split_key(match.group(2), keys)
            if split is None:
                break
            at = self.i
            found.append((split[0], self.value(split[1], indent), at))
        return found

    def skip_blank(self) -> None:
        while self.i < len(self.lines) and self.lines[self.i].strip() == "":
            self.i += 1

    def unexpected(self) -> PlanParseError:
        return self.fail(f"did not expect '{self.lines[self.i].strip()[:60]}' here")


_ACTION_KEYS = ("Repeats", "From", "Until", "Due", "Minutes", "Status")
_GOAL_KEYS = (
    "Track",
    "Due",
    "Metric",
    "Baseline",
    "Target",
    "Now",
    "Unit",
    "Why achievable",
    "Obstacles",
    "Resources",
    "Why relevant",
)


def _parse_repeat(text: str) -> tuple[str, str]:
    """``every Tue and Thu (FREQ=WEEKLY;BYDAY=TU,TH)`` -> (cadence words, rule)."""
    text = text.strip()
    if text.endswith(")") and "(" in text:
        words, _, rule = text[:-1].rpartition("(")
        if rule.strip().upper().startswith("FREQ="):
            return words.strip(), rule.strip()
    if text.upper().startswith("FREQ="):
        return "", text
    parsed = parse_action(f"_ {text}")
    if not parsed.rrule:
        raise ValueError(text)
    return parsed.cadence, parsed.rrule


def _read_actions(reader: _ExportReader) -> list[ActionDoc]:
    actions = []
    while True:
        reader.skip_blank()
        if reader.i >= len(reader.lines):
            break
        match = _BULLET.match(reader.lines[reader.i])
        if not match or match.group(1) or not match.group(2).startswith("Action:"):
            break
        action = ActionDoc(title=clean_line(match.group(2)[len("Action:") :]))
        reader.i += 1
        for key, value, at in reader.fields(2, _ACTION_KEYS):
            if key == "Repeats":
                try:
                    action.cadence, action.rrule = _parse_repeat(value)
                except ValueError:
                    raise reader.fail(f"cannot read the repeat '{value}'", at) from None
            elif key == "From":
                action.starts_on = reader.date_value(value, at)
            elif key == "Until":
                action.ends_on = reader.date_value(value, at)
            elif key == "Due":
                action.due = reader.date_value(value, at)
            elif key == "Minutes":
                if not value.strip().isdigit():
                    raise reader.fail(f"'{value}' is not a whole number of minutes", at)
                action.minutes = int(value.strip())
            elif key == "Status":
                action.status = reader.word_value(value, ActionStatus, "action status", at)
        actions.append(action)
    return actions


def _read_goal_details(reader: _ExportReader, goal: GoalDoc) -> None:
    for key, value, at in reader.fields(0, _GOAL_KEYS):
        if key == "Track":
            goal.track = reader.word_value(value, Track, "track", at)
        elif key == "Due":
            goal.due = reader.date_value(value, at)
        elif key in ("Baseline", "Target", "Now"):
            attr = {"Baseline": "baseline", "Target": "target", "Now": "current_value"}[key]
            setattr(goal, attr, reader.number_value(value, at))
        else:
            attr = {"Metric": "metric", "Unit": "unit", **dict(_GOAL_TEXT_FIELDS)}[key]
            setattr(goal, attr, clean_line(value) if key in ("Metric", "Unit") else value)


def _read_milestones(reader: _ExportReader) -> list[MilestoneDoc]:
    milestones = []
    while True:
        reader.skip_blank()
        if reader.i >= len(reader.lines):
            break
        match = _BULLET.match(reader.lines[reader.i])
        if not match or match.group(1) or not match.group(2).startswith("Milestone:"):
            break
        milestone = MilestoneDoc(title=clean_line(match.group(2)[len("Milestone:") :]))
        reader.i += 1
        for key, value, at in reader.fields(2, ("Scale", "Due", "Status")):
            if key == "Scale":
                milestone.scale = reader.word_value(value, MilestoneScale, "scale", at)
            elif key == "Due":
                milestone.due = reader.date_value(value, at)
            else:
                milestone.status = reader.word_value(value, GoalStatus, "goal status", at)
        milestones.append(milestone)
    return milestones


def _parse_export(lines: list[str], title: int) -> PlanDocument:
    doc = PlanDocument()
    reader = _ExportReader(lines)
    reader.i = title + 1  # anything above the title (a note to self) is left out
    goal: GoalDoc | None = None
    while True:
        reader.skip_blank()
        if reader.i >= len(lines):
            break
        line = lines[reader.i]
        if line == "## North star":
            reader.i += 1
            body = []
            while reader.i < len(lines) and not lines[reader.i].startswith("#"):
                text = lines[reader.i]
                body.append(text.removeprefix("\\"))
                reader.i += 1
            doc.north_star = clean_text("\n".join(body))
        elif line.startswith("## Goal:") or line == "## Goal":
            goal = GoalDoc(title=clean_line(line[len("## Goal:") :]))
            doc.goals.append(goal)
            reader.i += 1
            reader.skip_blank()
            _read_goal_details(reader, goal)
        elif line.startswith("### Focus point:") or line == "### Focus point":
            if goal is None:
                raise reader.fail("a focus point needs a '## Goal:' above it")
            focus = FocusPointDoc(title=clean_line(line[len("### Focus point:") :]))
            reader.i += 1
            focus.actions = _read_actions(reader)
            goal.focus_points.append(focus)
        elif line == "### Other actions":
            if goal is None:
                raise reader.fail("actions need a '## Goal:' above them")
            reader.i += 1
            goal.actions.extend(_read_actions(reader))
        elif line == "### Milestones":
            if goal is None:
                raise reader.fail("milestones need a '## Goal:' above them")
            reader.i += 1
            goal.milestones.extend(_read_milestones(reader))
        elif line == "## Supporters":
            goal = None
            reader.i += 1
            doc.supporters.extend(_read_supporters(reader))
        elif line == "## Latest check-in":
            goal = None
            reader.i += 1
            reader.skip_blank()
            doc.latest_checkin = _read_checkin(reader)
        else:
            raise reader.unexpected()
    return doc


def _read_supporters(reader: _ExportReader) -> list[SupporterDoc]:
    supporters = []
    while True:
        reader.skip_blank()
        if reader.i >= len(reader.lines):
            break
        match = _BULLET.match(reader.lines[reader.i])
        if not match or match.group(1) or not match.group(2).startswith("Supporter:"):
            break
        supporter = SupporterDoc(name=clean_line(match.group(2)[len("Supporter:") :]))
        reader.i += 1
        for key, value, at in reader.fields(2, ("Role", "Helps with")):
            if key == "Role":
                supporter.role = reader.word_value(value, SupporterRole, "role", at)
            else:
                supporter.helps_with = value
        supporters.append(supporter)
    return supporters


def _read_checkin(reader: _ExportReader) -> CheckInDoc:
    start = reader.i
    found = {key: (value, at) for key, value, at in reader.fields(0, _CHECKIN_KEYS)}
    if "Held on" not in found:
        raise reader.fail("the latest check-in needs a 'Held on:' date", start)
    kind, at = found.get("Kind", ("weekly", start))
    checkin = CheckInDoc(
        kind=reader.word_value(kind, CheckInKind, "check-in kind", at),
        held_on=reader.date_value(*found["Held on"]),
    )
    if "Next on" in found:
        checkin.next_on = reader.date_value(*found["Next on"])
    if "Summary" in found:
        checkin.summary = found["Summary"][0]
    return checkin


_CHECKIN_KEYS = ("Kind", "Held on", "Next on", "Summary")


# Parsing: plain notes ------------------------------------------------------------------------

_LABELS = {
    "north star": ("north", None),
    "northstar": ("north", None),
    "north-star": ("north", None),
    "my north star": ("north", None),
    "vision": ("north", None),
    "goal": ("goal", None),
    "current goal": ("goal", None),
    "main goal": ("goal", None),
    "career goal": ("goal", Track.CAREER.value),
    "personal goal": ("goal", Track.PERSONAL.value),
    "growth goal": ("goal", None),
    "focus points": ("focus", None),
    "focus point": ("focus", None),
    "focus areas": ("focus", None),
    "focus": ("focus", None),
    "action items": ("actions", None),
    "action item": ("actions", None),
    "actions": ("actions", None),
    "next steps": ("actions", None),
    "supporters": ("supporters", None),
    "support": ("supporters", None),
    "mentors": ("supporters", None),
}
_LABEL = re.compile(
    r"^(?:\*\*|__)?\s*(?P<label>[A-Za-z][A-Za-z -]{0,24}?)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?"
    r"\s*(?P<rest>.*)$"
)
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>\d{1,3}[.)]|[-*+•])\s+(?P<text>.*)$")
_CHECKBOX = re.compile(r"^\[[ xX]\]\s+")
UNTITLED_GOAL = "Untitled goal"


@dataclass
class ParsedActionText:
    """An action line read through `growth_tui.domain.recurrence.parse_action_text`."""

    title: str
    cadence: str = ""
    rrule: str = ""
    minutes: int | None = None


def parse_action(text: str) -> ParsedActionText:
    """Split "30 min Python practice every Tue and Thu" into title, cadence and minutes."""
    from growth_tui.domain import recurrence

    parsed = recurrence.parse_action_text(text)
    if parsed.cadence is None:
        return ParsedActionText(
            clean_line(parsed.title) or clean_line(text), "", "", parsed.minutes
        )
    rule = recurrence.to_rrule(parsed.cadence)
    return ParsedActionText(
        clean_line(parsed.title) or clean_line(text),
        recurrence.describe(rule),
        rule,
        parsed.minutes,
    )


def _label(line: str) -> tuple[str, str | None, str] | None:
    """(section, track hint, rest of the line) when `line` is a label such as "Goal: …"."""
    text = line.strip()
    if not text or _ITEM.match(line):
        return None
    heading = text.startswith("#")
    text = text.lstrip("#").strip()
    match = _LABEL.match(text)
    if match and match.group("label").strip().lower() in _LABELS:
        section, track = _LABELS[match.group("label").strip().lower()]
        return section, track, match.group("rest").strip()
    bare = text.strip("*_ ").rstrip(":").strip().lower()
    if heading and bare in _LABELS:
        section, track = _LABELS[bare]
        return section, track, ""
    return None


def _unbold(text: str) -> str:
    for mark in ("**", "__"):
        if len(text) > 4 and text.startswith(mark) and text.endswith(mark):
            return text[2:-2].strip()
    return text


def _indent_width(indent: str) -> int:
    return len(indent.expandtabs(4))


def _make_action(text: str) -> ActionDoc:
    parsed = parse_action(text)
    return ActionDoc(
        title=parsed.title,
        cadence=parsed.cadence,
        rrule=parsed.rrule,
        minutes=parsed.minutes,
    )


def _supporter(text: str) -> SupporterDoc:
    """ "Ana (mentor): reviews my designs" -> name, role, what they help with."""
    name, helps = text, ""
    for separator in (": ", " — ", " – ", " - "):
        if separator in text:
            name, _, helps = text.partition(separator)
            break
    role = SupporterRole.MENTOR.value
    match = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", name)
    if match and match.group(2).strip().lower() in {r.value for r in SupporterRole}:
        name, role = match.group(1), match.group(2).strip().lower()
    return SupporterDoc(name=clean_line(name), role=role, helps_with=clean_text(helps))


@dataclass
class _Item:
    indent: int
    numbered: bool
    parts: list[str]


def _items(lines: list[str]) -> list[_Item]:
    """List items of a section; unmarked lines continue the item above (or start one)."""
    items: list[_Item] = []
    for line in lines:
        if not line.strip():
            continue
        match = _ITEM.match(line)
        if match:
            text = _CHECKBOX.sub("", match.group("text").strip())
            items.append(
                _Item(
                    _indent_width(match.group("indent")),
                    match.group("marker")[0].isdigit(),
                    [text],
                )
            )
            continue
        indent = _indent_width(line[: len(line) - len(line.lstrip())])
        if items and indent > items[-1].indent:
            items[-1].parts.append(line.strip())
        else:
            items.append(_Item(indent, False, [line.strip()]))
    return [item for item in items if clean_line(" ".join(item.parts))]


_GOAL_DETAIL = re.compile(r"^(due|by|deadline|track|metric|measure|why)\s*:\s*(.*)$", re.I)


def _set_goal_detail(goal: GoalDoc, key: str, value: str) -> None:
    """ "Due: 2027-03-31", "Track: personal", "Metric: …", "Why: …" under a goal in notes."""
    if key in ("due", "by", "deadline"):
        try:
            goal.due = date.fromisoformat(value)
        except ValueError:
            raise PlanParseError(
                f"'{value}' after '{key.capitalize()}:' is not a date; write it as YYYY-MM-DD."
            ) from None
    elif key == "track":
        word = value.lower().split(" ")[0] if value else ""
        if word not in {t.value for t in Track}:
            raise PlanParseError(
                f"'{value}' after 'Track:' is not a track; use career or personal."
            )
        goal.track = word
    elif key in ("metric", "measure"):
        goal.metric = clean_line(value)
    else:
        goal.why_relevant = clean_text(value)


def _parse_loose(lines: list[str]) -> PlanDocument:
    # Cut the text into labelled sections.
    sections: list[tuple[str, str | None, list[str]]] = []
    for line in lines:
        label = _label(line)
        if label is not None:
            section, track, rest = label
            sections.append((section, track, [rest] if rest else []))
        elif sections:
            sections[-1][2].append(line)

    doc = PlanDocument()
    goal: GoalDoc | None = None

    def current_goal() -> GoalDoc:
        nonlocal goal
        if goal is None:
            goal = GoalDoc(title=UNTITLED_GOAL)
            doc.goals.append(goal)
        return goal

    for section, track, body in sections:
        if section == "north":
            text = clean_text("\n".join(_unbold(line.strip()) for line in body))
            if text:
                doc.north_star = f"{doc.north_star}\n\n{text}" if doc.north_star else text
        elif section == "goal":
            title_lines: list[str] = []
            item_lines: list[str] = []
            details: list[tuple[str, str]] = []
            for line in body:
                detail = _GOAL_DETAIL.match(line.strip())
                if _ITEM.match(line) or item_lines:
                    item_lines.append(line)
                elif detail:
                    details.append((detail.group(1).lower(), detail.group(2).strip()))
                elif line.strip():
                    title_lines.append(line.strip())
            goal = GoalDoc(title=clean_line(" ".join(title_lines)) or UNTITLED_GOAL)
            if track:
                goal.track = track
            for key, value in details:
                _set_goal_detail(goal, key, value)
            doc.goals.append(goal)
            for item in _items(item_lines):
                goal.actions.append(_make_action(" ".join(item.parts)))
        elif section == "focus":
            target = current_goal()
            items = _items(body)
            if not items:
                continue
            level = items[0].indent
            numbered = items[0].numbered
            focus: FocusPointDoc | None = None
            for item in items:
                text = clean_line(" ".join(item.parts))
                is_focus = item.indent <= level and (item.numbered == numbered or focus is None)
                if is_focus:
                    focus = FocusPointDoc(title=text)
                    target.focus_points.append(focus)
                else:
                    focus.actions.append(_make_action(text))
        elif section == "actions":
            target = current_goal()
            for item in _items(body):
                target.actions.append(_make_action(clean_line(" ".join(item.parts))))
        elif section == "supporters":
            for item in _items(body):
                doc.supporters.append(_supporter(" ".join(item.parts)))
    return doc


# Entry points --------------------------------------------------------------------------------

NO_PLAN_MESSAGE = (
    "No plan found in this text. growth reads its own Markdown export, or notes with labels "
    "such as 'North Star:', 'Goal:', 'Focus Points:' and 'Action items:'."
)


def parse_markdown(text: str) -> PlanDocument:
    """Read a plan from the app's export or from plain notes; `PlanParseError` if there is none."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    title = next((i for i, line in enumerate(lines) if line.rstrip() == EXPORT_TITLE), None)
    if title is None:
        doc = _parse_loose(lines)
    else:
        try:
            doc = _parse_export(lines, title)
        except PlanParseError:
            # Notes that merely start with the same title are still notes; a damaged export
            # (it has the export's own goal lines) gets its line-numbered error instead.
            looks_exported = any(
                line.startswith(("## Goal:", "- Track: ", "- Action: ")) for line in lines
            )
            doc = _parse_loose(lines)
            if looks_exported or doc.is_empty():
                raise
    if doc.is_empty():
        raise PlanParseError(NO_PLAN_MESSAGE)
    return doc


def summarize(doc: PlanDocument) -> list[str]:
    """What an import would create, one line each, for a preview before anything is written."""
    out: list[str] = []
    if doc.north_star:
        first = doc.north_star.split("\n")[0]
        more = " …" if "\n" in doc.north_star else ""
        out.append(f"North star: {first}{more}")
    for goal in doc.goals:
        due = f", due {goal.due.isoformat()}" if goal.due else ""
        out.append(f"Goal ({goal.track}{due}): {goal.title}")
        for focus in goal.focus_points:
            out.append(f"  Focus point: {focus.title}")
            out.extend(f"    {_describe_action(a)}" for a in focus.actions)
        out.extend(f"  {_describe_action(a)}" for a in goal.actions)
        for milestone in goal.milestones:
            due = f", due {milestone.due.isoformat()}" if milestone.due else ""
            out.append(f"  Milestone ({milestone.scale or 'no scale'}{due}): {milestone.title}")
    for supporter in doc.supporters:
        out.append(f"Supporter ({supporter.role}): {supporter.name}")
    if doc.latest_checkin:
        checkin = doc.latest_checkin
        out.append(f"Check-in ({checkin.kind}) held on {checkin.held_on.isoformat()}")
    return out


def _describe_action(action: ActionDoc) -> str:
    bits = []
    if action.rrule:
        bits.append(action.cadence or action.rrule)
    if action.due:
        bits.append(f"due {action.due.isoformat()}")
    if action.minutes is not None:
        bits.append(f"{action.minutes} min")
    if action.status != ActionStatus.ACTIVE:
        bits.append(action.status)
    suffix = f" ({', '.join(bits)})" if bits else ""
    return f"Action: {action.title}{suffix}"
