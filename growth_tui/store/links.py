"""Link tables (goal↔skill, goal↔supporter, win↔skill, feedback↔skill) set as a whole."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, SQLModel, select


def set_links(
    session: Session,
    link: type[SQLModel],
    owner_field: str,
    owner_id: int,
    target_field: str,
    target_ids: Iterable[int],
) -> None:
    """Make the owner's links exactly `target_ids`: rows already there are left untouched."""
    wanted = set(target_ids)
    current = {
        getattr(row, target_field): row
        for row in session.scalars(select(link).where(getattr(link, owner_field) == owner_id))
    }
    for target_id, row in current.items():
        if target_id not in wanted:
            session.delete(row)
    for target_id in sorted(wanted - set(current)):
        session.add(link(**{owner_field: owner_id, target_field: target_id}))
