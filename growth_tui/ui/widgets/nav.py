"""The one-line bar on top of each main screen: the six screens, their keys, where you are."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import Static


@dataclass(frozen=True)
class ScreenInfo:
    mode: str
    title: str
    fkey: str  # works everywhere, also while typing
    letter: str  # works when the cursor is not in a text field
    about: str


SCREENS: tuple[ScreenInfo, ...] = (
    ScreenInfo("home", "Home", "f1", "h", "today at a glance"),
    ScreenInfo("reflect", "Reflect", "f2", "r", "guided self-reflection"),
    ScreenInfo("goals", "Goals", "f3", "g", "north star, goals, actions, skills, people"),
    ScreenInfo("log", "Log", "f4", "l", "tick off actions, wins, the full log"),
    ScreenInfo("review", "Review", "f5", "v", "check-ins and reviews"),
    ScreenInfo("history", "History", "f6", "y", "timeline and charts"),
)


class NavBar(Static):
    """Shows `F1 Home  F2 Reflect …` with the current screen highlighted."""

    DEFAULT_CSS = """
    NavBar {
        height: 1;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, current: str) -> None:
        super().__init__(self.render_for(current))
        self.current = current

    @staticmethod
    def render_for(current: str) -> Content:
        parts: list[Content] = [Content.styled("growth ", "bold $accent")]
        for info in SCREENS:
            label = f" {info.fkey.upper()} {info.title} "
            if info.mode == current:
                parts.append(Content.styled(label, "bold reverse $primary"))
            else:
                parts.append(Content(label))
        return Content("").join(parts)
