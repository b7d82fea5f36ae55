"""The last line of defence: an unexpected error becomes a sentence and a file, not a traceback."""

from __future__ import annotations

import os
import tempfile
import traceback


def write_crash_report(error: BaseException) -> str:
    """Write the traceback to an owner-only file for a bug report; return its path."""
    handle, path = tempfile.mkstemp(prefix="growth-crash-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        traceback.print_exception(error, file=out)
    return path


def crash_message(error: BaseException, where: str) -> str:
    return (
        f"growth: something went wrong that should not have ({type(error).__name__}: {error}). "
        f"Everything saved before it is safe. Details for a bug report: {where}"
    )
