"""Editors for a skill (name, kind, current and target level) and a supporter (name, role…)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Select

from growth_tui.store.types import SkillKind, SupporterRole
from growth_tui.ui.dialogs.form import FormDialog, TextInput

LEVELS = (
    (0, "0 · not yet"),
    (1, "1 · beginner"),
    (2, "2 · can do with help"),
    (3, "3 · on my own"),
    (4, "4 · others ask me"),
    (5, "5 · expert"),
)


@dataclass(frozen=True)
class SkillDraft:
    name: str
    kind: str
    current_level: int | None
    target_level: int | None
    note: str


class SkillEditor(FormDialog[SkillDraft]):
    """A skill: a new current level is saved as a dated self-assessment."""

    DEFAULT_CSS = """
    SkillEditor Horizontal { height: auto; }
    SkillEditor Horizontal > Vertical { height: auto; width: 1fr; margin-right: 1; }
    SkillEditor Select { width: 100%; }
    """

    def __init__(self, skill: Any = None) -> None:
        super().__init__()
        self.skill = skill
        self.TITLE_TEXT = "Edit skill" if skill is not None else "New skill"

    def compose_form(self) -> ComposeResult:
        skill = self.skill
        yield self.label("Skill", first=True)
        yield TextInput(skill.name if skill else "", placeholder="e.g. system design", id="name")
        with Horizontal():
            with Vertical():
                yield self.label("Kind")
                yield Select(
                    [(Content(kind.value), kind.value) for kind in SkillKind],
                    value=skill.kind if skill else SkillKind.HARD.value,
                    allow_blank=False,
                    id="kind",
                    compact=True,
                )
            with Vertical():
                yield self.label("Where I am now")
                yield Select(
                    [(Content(label), value) for value, label in LEVELS],
                    value=skill.current_level
                    if skill and skill.current_level is not None
                    else Select.NULL,
                    prompt="(not rated)",
                    id="current",
                    compact=True,
                )
            with Vertical():
                yield self.label("Where I want to be")
                yield Select(
                    [(Content(label), value) for value, label in LEVELS],
                    value=skill.target_level
                    if skill and skill.target_level is not None
                    else Select.NULL,
                    prompt="(no target)",
                    id="target",
                    compact=True,
                )
        yield self.label("Note for this rating (optional)")
        yield TextInput("", placeholder="what the rating is based on", id="note")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def collect(self) -> SkillDraft | None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.refuse("Name the skill.", self.query_one("#name", Input))
            return None

        def level(widget_id: str) -> int | None:
            value = self.query_one(widget_id, Select).value
            return None if value is Select.NULL else int(value)

        return SkillDraft(
            name=name,
            kind=str(self.query_one("#kind", Select).value),
            current_level=level("#current"),
            target_level=level("#target"),
            note=self.query_one("#note", Input).value.strip(),
        )


@dataclass(frozen=True)
class SupporterDraft:
    name: str
    role: str
    helps_with: str


class SupporterEditor(FormDialog[SupporterDraft]):
    """Someone on your personal board of advisors."""

    DEFAULT_CSS = """
    SupporterEditor Select { width: 100%; }
    """

    def __init__(self, supporter: Any = None) -> None:
        super().__init__()
        self.supporter = supporter
        self.TITLE_TEXT = "Edit supporter" if supporter is not None else "New supporter"

    def compose_form(self) -> ComposeResult:
        person = self.supporter
        yield self.label("Name", first=True)
        yield TextInput(person.name if person else "", placeholder="who", id="name")
        yield self.label("Role")
        yield Select(
            [(Content(role.value), role.value) for role in SupporterRole],
            value=person.role if person else SupporterRole.MENTOR.value,
            allow_blank=False,
            id="role",
            compact=True,
        )
        yield self.label("What they help with")
        yield TextInput(
            person.helps_with if person else "",
            placeholder="e.g. reviews my design docs",
            id="helps_with",
        )

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def collect(self) -> SupporterDraft | None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.refuse("Name the person.", self.query_one("#name", Input))
            return None
        return SupporterDraft(
            name=name,
            role=str(self.query_one("#role", Select).value),
            helps_with=self.query_one("#helps_with", Input).value.strip(),
        )
