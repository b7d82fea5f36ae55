"""Where growth keeps its files: the database, backups and settings.

Nothing here creates folders at import time; the store creates the database folder (owner-only)
when it opens it.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "growth_tui"
DB_ENV = "GROWTH_TUI_DB"
CONFIG_ENV = "GROWTH_TUI_CONFIG_DIR"


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "growth.db"


def resolve_db_path(flag: str | None) -> Path:
    """The database to use: `--db` first, then $GROWTH_TUI_DB, then the user data folder."""
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def config_dir() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def settings_path() -> Path:
    return config_dir() / "settings.json"
