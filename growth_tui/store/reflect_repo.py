"""Reflection sessions in the database: start, save as typed, resume, finish, list, load.

Every save is its own short transaction, so the screen can call these on each debounced
keystroke and a crash loses nothing already saved. Answers are `ReflectionAnswer` rows: one
row per list item (with its position), values carry their rank (1..3).

Finishing a session is where it reaches the rest of the plan: the north star answer becomes the
plan's north star (old one kept in history), the weekly hours become the weekly time budget,
and skills named in the skill steps become `Skill` rows the Goals screen lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, delete, select

from growth_tui.domain import reflection
from growth_tui.domain.reflection import Item
from growth_tui.store.engine import Store, StoreError
from growth_tui.store.models import Plan, ReflectionAnswer, ReflectionSession, Skill
from growth_tui.store.types import utcnow


@dataclass(frozen=True)
class SessionInfo:
    id: int
    plan_id: int
    sets: tuple[str, ...]
    current_step: int
    summary: str
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True)
class FinishResult:
    session: SessionInfo
    north_star: str | None  # the new north star, when it changed
    weekly_budget_minutes: int | None  # the new weekly budget, when one was given
    skills_added: tuple[str, ...]


Answers = dict[str, list[Item]]


def _info(row: ReflectionSession, summary: str | None = None) -> SessionInfo:
    return SessionInfo(
        id=int(row.id or 0),
        plan_id=row.plan_id,
        sets=reflection.normalize_sets(row.prompt_sets),
        current_step=row.current_step,
        summary=row.summary if summary is None else summary,
        started_at=row.started_at,
        updated_at=row.updated_at,
        finished_at=row.finished_at,
    )


def _session_row(session: Session, session_id: int) -> ReflectionSession:
    row = session.get(ReflectionSession, session_id)
    if row is None:
        raise StoreError("That reflection session no longer exists.")
    return row


def _answers(session: Session, session_id: int) -> Answers:
    rows = session.exec(
        select(ReflectionAnswer)
        .where(ReflectionAnswer.session_id == session_id)
        .order_by(col(ReflectionAnswer.prompt_key), col(ReflectionAnswer.position))
    ).all()
    answers: Answers = {}
    for row in rows:
        answers.setdefault(row.prompt_key, []).append(Item(row.text, row.rank))
    return answers


def _put_items(session: Session, session_id: int, key: str, items: Sequence[Item]) -> None:
    """Make the rows of `key` exactly `items`: update by position, add new ones, drop the rest."""
    existing = {
        row.position: row
        for row in session.exec(
            select(ReflectionAnswer).where(
                ReflectionAnswer.session_id == session_id,
                ReflectionAnswer.prompt_key == key,
            )
        ).all()
    }
    now = utcnow()
    for position, item in enumerate(items):
        row = existing.pop(position, None)
        if row is None:
            session.add(
                ReflectionAnswer(
                    session_id=session_id,
                    prompt_key=key,
                    position=position,
                    text=item.text,
                    rank=item.rank,
                    updated_at=now,
                )
            )
        elif row.text != item.text or row.rank != item.rank:
            row.text = item.text
            row.rank = item.rank
            row.updated_at = now
            session.add(row)
    for row in existing.values():
        session.delete(row)


def _touch(session: Session, session_id: int) -> ReflectionSession:
    row = _session_row(session, session_id)
    row.updated_at = utcnow()
    session.add(row)
    return row


def start_session(
    store: Store,
    plan_id: int,
    sets: Sequence[str] | str = (),
    *,
    from_last: bool = False,
) -> SessionInfo:
    """A new session over the chosen sets (all when none), optionally pre-filled.

    With `from_last`, the answers of the most recent other session (a finished one if there
    is any) for the chosen sets are copied in, ready to be edited.
    """
    chosen = reflection.normalize_sets(sets)
    with store.write() as session:
        source: ReflectionSession | None = None
        if from_last:
            source = _latest(session, plan_id, finished=True) or _latest(session, plan_id)
        row = ReflectionSession(plan_id=plan_id, prompt_sets=",".join(chosen), current_step=0)
        session.add(row)
        session.flush()
        if source is not None:
            keys = {st.key for st in reflection.steps_for(chosen)}
            for key, items in _answers(session, int(source.id or 0)).items():
                if key in keys:
                    _put_items(session, int(row.id or 0), key, items)
        return _info(row)


def _latest(
    session: Session, plan_id: int, *, finished: bool | None = None
) -> ReflectionSession | None:
    query = select(ReflectionSession).where(ReflectionSession.plan_id == plan_id)
    if finished is True:
        query = query.where(col(ReflectionSession.finished_at).is_not(None))
    elif finished is False:
        query = query.where(col(ReflectionSession.finished_at).is_(None))
    query = query.order_by(
        col(ReflectionSession.updated_at).desc(), col(ReflectionSession.id).desc()
    )
    return session.exec(query.limit(1)).first()


def save_text(store: Store, session_id: int, key: str, text: str) -> None:
    """The answer of a text step, exactly as typed (blank removes it)."""
    items = [Item(text)] if text.strip() else []
    with store.write() as session:
        _touch(session, session_id)
        _put_items(session, session_id, key, items)


def save_items(store: Store, session_id: int, key: str, items: Sequence[str | Item]) -> None:
    """The items of a list or choice step, in order; blank items are left out."""
    clean = [i if isinstance(i, Item) else Item(i) for i in items]
    clean = [i for i in clean if i.text.strip()]
    with store.write() as session:
        _touch(session, session_id)
        _put_items(session, session_id, key, clean)


def save_step(store: Store, session_id: int, index: int) -> None:
    """Where the session stands, so it resumes there."""
    with store.write() as session:
        row = _touch(session, session_id)
        row.current_step = max(0, index)


def get_session(store: Store, session_id: int) -> SessionInfo:
    with store.read() as session:
        return _info(_session_row(session, session_id))


def load_answers(store: Store, session_id: int) -> Answers:
    """Every answer of one session: step key → items in order."""
    with store.read() as session:
        _session_row(session, session_id)
        return _answers(session, session_id)


def unfinished_session(store: Store, plan_id: int) -> SessionInfo | None:
    """The most recently touched session that was never finished, to resume."""
    with store.read() as session:
        row = _latest(session, plan_id, finished=False)
        return _info(row) if row is not None else None


def last_finished_session(store: Store, plan_id: int) -> SessionInfo | None:
    with store.read() as session:
        row = _latest(session, plan_id, finished=True)
        return _info(row) if row is not None else None


def list_sessions(store: Store, plan_id: int) -> list[SessionInfo]:
    """Every session, newest first. An unfinished one gets a summary of its answers so far."""
    with store.read() as session:
        rows = session.exec(
            select(ReflectionSession)
            .where(ReflectionSession.plan_id == plan_id)
            .order_by(
                col(ReflectionSession.started_at).desc(),
                col(ReflectionSession.id).desc(),
            )
        ).all()
        out = []
        for row in rows:
            summary = None
            if row.finished_at is None or not row.summary:
                summary = reflection.summarize(_answers(session, int(row.id or 0)))
            out.append(_info(row, summary))
        return out


def delete_session(store: Store, session_id: int) -> None:
    with store.write() as session:
        session.exec(delete(ReflectionAnswer).where(ReflectionAnswer.session_id == session_id))
        row = session.get(ReflectionSession, session_id)
        if row is not None:
            session.delete(row)


def _add_skills(session: Session, plan_id: int, answers: Answers) -> list[str]:
    known = {
        name.casefold()
        for name in session.exec(select(Skill.name).where(Skill.plan_id == plan_id)).all()
    }
    added: list[str] = []
    for st in reflection.steps_for(reflection.SET_KEYS):
        if not st.skill_kind:
            continue
        for item in answers.get(st.key, []):
            name = " ".join(item.text.split())
            if not name or name.casefold() in known:
                continue
            known.add(name.casefold())
            session.add(Skill(plan_id=plan_id, name=name, kind=st.skill_kind))
            added.append(name)
    return added


def finish_session(store: Store, session_id: int) -> FinishResult:
    """Mark the session finished and carry its answers into the plan."""
    from growth_tui.store import plan_repo

    with store.write() as session:
        row = _session_row(session, session_id)
        answers = _answers(session, session_id)
        plan = session.get(Plan, row.plan_id)
        now = utcnow()
        row.summary = reflection.summarize(answers)
        row.finished_at = row.finished_at or now
        row.updated_at = now
        session.add(row)
        budget = reflection.parse_weekly_minutes(reflection.text_of(answers, reflection.HOURS_KEY))
        if budget is not None and plan is not None:
            plan.weekly_budget_minutes = budget
            plan.updated_at = now
            session.add(plan)
        skills = _add_skills(session, row.plan_id, answers)
        info = _info(row)
        current_north = plan.north_star if plan is not None else ""
    north = reflection.text_of(answers, reflection.NORTH_STAR_KEY).strip()
    changed_north: str | None = None
    if north and north != current_north:
        plan_repo.set_north_star(store, info.plan_id, north, source="reflection")
        changed_north = north
    return FinishResult(info, changed_north, budget, tuple(skills))
