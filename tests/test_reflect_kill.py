"""Killing the app mid-sentence loses at most the last second: the real program, in a pty."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from growth_tui.store import reflect_repo
from growth_tui.store.engine import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

ROOT = Path(__file__).resolve().parent.parent
F2 = "\x1bOQ"  # what an xterm sends for F2


class Terminal:
    """The app on a pseudo-terminal, with its output kept to wait for text."""

    def __init__(self, db: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "growth_tui", "--db", str(db)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""

    def read_until(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output:
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {text!r}")
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    break

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    return

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        os.close(self.master)


@pytest.mark.slow
def test_sigkill_mid_session_keeps_what_was_typed(tmp_path: Path) -> None:
    db = tmp_path / "growth.db"
    term = Terminal(db)
    try:
        term.read_until("Welcome")
        term.drain(0.5)
        term.send(F2)
        term.read_until("three sets")
        term.drain(0.3)
        term.send("\r")
        term.read_until("What do you do well")
        term.send("Listening")
        term.drain(0.3)
        term.send("\r")
        term.read_until("• ")
        for char in "Ship [/] v1 [b]x 🌱 half-typed":
            term.send(char)
            time.sleep(0.01)
        term.drain(1.2)  # more than the half-second debounce, then a hard kill
    finally:
        term.kill()
    assert term.process.returncode == -signal.SIGKILL
    store = open_store(db)
    try:
        session = reflect_repo.unfinished_session(store, store.plan_id())
        assert session is not None
        answers = reflect_repo.load_answers(store, session.id)
    finally:
        store.close()
    texts = [item.text for item in answers["strengths"]]
    assert texts == ["Listening", "Ship [/] v1 [b]x 🌱 half-typed"]


@pytest.mark.slow
def test_quit_right_after_typing_keeps_it(tmp_path: Path) -> None:
    db = tmp_path / "growth.db"
    term = Terminal(db)
    try:
        term.read_until("Welcome")
        term.drain(0.5)
        term.send(F2)
        term.read_until("three sets")
        term.drain(0.3)
        term.send("\r")
        term.read_until("What do you do well")
        for char in "Calm [b]x":
            term.send(char)
            time.sleep(0.01)
        term.send("\x11")  # Ctrl+Q, well inside the half-second debounce
        term.process.wait(timeout=20)
    finally:
        if term.process.poll() is None:
            term.kill()
        else:
            os.close(term.master)
    assert term.process.returncode == 0
    store = open_store(db)
    try:
        session = reflect_repo.unfinished_session(store, store.plan_id())
        answers = reflect_repo.load_answers(store, session.id)
    finally:
        store.close()
    assert [item.text for item in answers["strengths"]] == ["Calm [b]x"]
