"""The in-memory store (tests, previews) is shared by thread workers and the UI thread."""

from __future__ import annotations

import threading

from sqlmodel import select

from growth_tui.store.engine import Store
from growth_tui.store.models import Plan


def test_reads_in_threads_and_writes_do_not_collide() -> None:
    store = Store.memory()
    plan_id = store.plan_id()
    errors: list[BaseException] = []

    def reader() -> None:
        try:
            for _ in range(60):
                with store.read() as session:
                    session.exec(select(Plan)).all()
                    session.exec(select(Plan.north_star)).all()
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    for n in range(60):
        with store.write() as session:
            plan = session.get(Plan, plan_id)
            plan.north_star = f"version {n}"
            session.add(plan)
    for thread in threads:
        thread.join()
    assert errors == []
    with store.read() as session:
        assert session.get(Plan, plan_id).north_star == "version 59"
    store.close()
