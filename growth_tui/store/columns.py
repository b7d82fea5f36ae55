"""Custom column types (they need SQLAlchemy; `store.types` hands them out on first use)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.types import DateTime, TypeDecorator


class UTCDateTime(TypeDecorator):
    """A timezone-aware datetime, stored in UTC and handed back aware.

    SQLite has no time zones and SQLAlchemy's SQLite driver returns naive values; this type
    refuses naive input (a naive value is a bug: whose local time would it be?) and attaches
    UTC on the way out.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime refused: {value!r}")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)
