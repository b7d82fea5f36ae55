"""Small per-user settings (the theme) in a JSON file in the platform config folder.

Plain `json` on purpose: this is read on every start, before the first paint. A missing or
damaged file means defaults; a setting that cannot be saved is not worth interrupting anyone.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Settings:
    theme: str = "textual-dark"


def load_settings(path: Path) -> Settings:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    settings = Settings()
    if isinstance(raw, dict) and isinstance(raw.get("theme"), str):
        settings.theme = raw["theme"]
    return settings


def save_settings(path: Path, settings: Settings) -> bool:
    """Write atomically, owner-only; False when it could not be saved."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = path.with_name(path.name + ".partial")
        fd = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(asdict(settings), out, indent=2)
        os.replace(partial, path)
    except OSError:
        return False
    return True
