"""The Reflect screen: a guided self-reflection that saves as you type.

Four views in one screen, switched with a `ContentSwitcher`:

- **start** — resume the unfinished session, or start one set or all of them (optionally
  pre-filled from last time), and the list of past sessions;
- **session** — one prompt per step with its hint and example; a text box, a number, a list
  of items, or the values pick-list with a top three;
- **read** — one past session, read-only;
- **compare** — two sessions side by side: what was added, removed or reworded.

Saving: every change marks the step dirty and (re)starts a half-second timer; the timer, every
step change, leaving the screen and unmounting all write the current answer. Writes are single
short transactions through `reflect_repo`, run on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import (
    Checkbox,
    ContentSwitcher,
    DataTable,
    Input,
    OptionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from growth_tui.domain import reflection as rf
from growth_tui.domain.reflection import Item, Step, StepKind
from growth_tui.store import reflect_repo
from growth_tui.store.engine import StoreError
from growth_tui.store.reflect_repo import SessionInfo
from growth_tui.ui.screens.base import GrowthScreen
from growth_tui.ui.widgets.footer import GrowthFooter

SAVE_DELAY = 0.5  # seconds after the last keystroke
T = TypeVar("T")


@dataclass(frozen=True)
class ReflectData:
    sessions: list[SessionInfo]
    unfinished: SessionInfo | None


def _set_titles(sets: tuple[str, ...]) -> str:
    if tuple(sets) == rf.SET_KEYS:
        return "All sets"
    return ", ".join(rf.prompt_set(key).title for key in sets)


_SHORT_SET = {"know": "Know", "vision": "Vision", "stuck": "Stuck"}


def _short_sets(sets: tuple[str, ...]) -> str:
    if tuple(sets) == rf.SET_KEYS:
        return "All sets"
    return " + ".join(_SHORT_SET.get(key, key) for key in sets)


def _when(info: SessionInfo) -> str:
    return info.started_at.astimezone().strftime("%Y-%m-%d %H:%M")


class StartList(OptionList):
    """The ways to begin: resume, or start one set or all of them."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Start")]


class ItemList(OptionList):
    """The items of a list step; Enter edits one, Delete removes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Edit"),
        Binding("delete,backspace", "remove_item", "Remove", key_display="del"),
    ]

    class Remove(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def action_remove_item(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Remove(self.highlighted))


class ValueList(OptionList):
    """The values pick-list: space picks, 1-3 rank the top three, 0 clears a rank."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle", "Pick"),
        Binding("enter", "toggle", "Pick", show=False),
        Binding("1", "rank(1)", "Rank top 3", key_display="1-3"),
        Binding("2", "rank(2)", "Rank 2", show=False),
        Binding("3", "rank(3)", "Rank 3", show=False),
        Binding("0", "rank(0)", "Unrank", show=False),
    ]

    class Toggle(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Rank(Message):
        def __init__(self, index: int, rank: int) -> None:
            super().__init__()
            self.index = index
            self.rank = rank

    def action_toggle(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Toggle(self.highlighted))

    def action_rank(self, rank: int) -> None:
        if self.highlighted is not None:
            self.post_message(self.Rank(self.highlighted, rank))


class PastTable(DataTable):
    """Past sessions: Enter opens one, space marks two, c compares them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open"),
        Binding("space", "mark", "Mark"),
        Binding("c", "compare", "Compare"),
        Binding("d", "delete", "Delete"),
    ]

    class Mark(Message):
        pass

    class Delete(Message):
        pass

    def action_delete(self) -> None:
        self.post_message(self.Delete())

    class Compare(Message):
        pass

    def action_mark(self) -> None:
        self.post_message(self.Mark())

    def action_compare(self) -> None:
        self.post_message(self.Compare())


class ReflectScreen(GrowthScreen):
    """Guided self-reflection: prompts, saving as typed, past sessions and comparing them."""

    MODE = "reflect"
    CSS_PATH = "reflect.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next_step", "Next", priority=True),
        Binding("ctrl+b", "back_step", "Back", priority=True),
        Binding("ctrl+s", "skip_step", "Skip", priority=True),
        Binding("ctrl+f", "finish", "Finish now", priority=True, show=False),
        Binding("escape", "leave", "Leave"),
        Binding("t", "toggle_last", "Last time"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.data: ReflectData | None = None
        self.session: SessionInfo | None = None
        self.steps: list[Step] = []
        self.index = 0
        self.answers: dict[str, list[Item]] = {}
        self._dirty = False
        self._timer: Timer | None = None
        self._proposed = False
        self._proposal = ""  # the north star drafted from the answers, until it is edited
        self._pending: list[Item] = []  # the answer as of the last change, written by flush()
        # list steps
        self._items: list[str] = []
        self._editing: int | None = None
        # the values step
        self._value_names: list[str] = []
        self._picked: list[str] = []
        self._ranks: dict[str, int] = {}
        # past sessions
        self._marked: list[int] = []
        self._start_actions: list[tuple[str, object]] = []
        self._confirm_delete: int | None = None

    # Layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield self.nav_bar()
        with ContentSwitcher(initial="start", id="views"):
            with Vertical(id="start"):
                yield Static(
                    "A quiet look at where you are and where you want to go. "
                    "Everything you type is saved as you go.",
                    id="start-intro",
                )
                yield StartList(id="start-options")
                yield Checkbox(
                    "Start from last time (your previous answers, to edit)",
                    id="last",
                    compact=True,
                )
                yield Static("", id="finished-note")
                yield Static("Past sessions", id="past-title", classes="section")
                yield PastTable(id="past", cursor_type="row", zebra_stripes=True)
                yield Static("", id="past-empty")
            with Vertical(id="session"):
                yield Static("", id="progress")
                yield Static("", id="step-title")
                yield Static("", id="step-prompt")
                yield Static("", id="step-hint")
                yield Static("", id="step-example")
                with ContentSwitcher(id="editors"):
                    yield TextArea(id="text-editor", soft_wrap=True, tab_behavior="focus")
                    with Vertical(id="number-editor"):
                        yield Input(id="number-input", placeholder="hours a week, e.g. 3")
                        yield Static("", id="number-meaning")
                    with Vertical(id="list-editor"):
                        yield Input(id="item-input", placeholder="Type one item, press Enter")
                        yield Static(
                            "Enter adds it. Tab moves to the list: Enter edits, Del removes.",
                            id="list-tip",
                        )
                        yield ItemList(id="items")
                    with Vertical(id="values-editor"):
                        yield Static("", id="values-summary")
                        yield ValueList(id="values")
                        yield Input(id="own-value", placeholder="Your own value, press Enter")
            yield VerticalScroll(id="read")
            yield VerticalScroll(id="compare")
        yield GrowthFooter(compact=True)

    # Data ------------------------------------------------------------------------------------

    def load_data(self) -> ReflectData:
        store, plan_id = self.growth_app.store, self.growth_app.plan_id
        return ReflectData(
            sessions=reflect_repo.list_sessions(store, plan_id),
            unfinished=reflect_repo.unfinished_session(store, plan_id),
        )

    def show_data(self, data: object) -> None:
        assert isinstance(data, ReflectData)
        self.data = data
        self._fill_start()
        self._fill_past()
        if self.view == "start":
            self.query_one("#start-options", OptionList).focus()
        elif self.view == "session" and self.session is not None:
            self.show_step_again()

    @property
    def view(self) -> str:
        return self.query_one("#views", ContentSwitcher).current or "start"

    def _switch(self, view: str) -> None:
        self.query_one("#views", ContentSwitcher).current = view
        self.refresh_bindings()

    def _fill_start(self) -> None:
        data = self.data
        assert data is not None
        options = self.query_one("#start-options", OptionList)
        actions: list[tuple[str, object]] = []
        prompts: list[Content] = []
        if data.unfinished is not None:
            info = data.unfinished
            total = len(rf.steps_for(info.sets))
            step_no = min(info.current_step, total - 1) + 1
            prompts.append(
                Content.from_markup(
                    "[b]Resume[/b] where you stopped: step $n of $total ($sets, started $when)",
                    n=str(step_no),
                    total=str(total),
                    sets=_set_titles(info.sets),
                    when=_when(info),
                )
            )
            actions.append(("resume", info.id))
        all_steps = len(rf.steps_for(rf.SET_KEYS))
        prompts.append(
            Content.from_markup(
                "[b]Start[/b] a reflection: all three sets ($n steps)", n=str(all_steps)
            )
        )
        actions.append(("start", rf.SET_KEYS))
        for ps in rf.PROMPT_SETS:
            prompts.append(
                Content.from_markup(
                    "[b]Start[/b] $title only ($n steps)",
                    title=ps.title,
                    n=str(len(ps.steps)),
                )
            )
            actions.append(("start", (ps.key,)))
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(p) for p in prompts])
        self._start_actions = actions
        options.highlighted = min(highlighted, len(prompts) - 1) if highlighted is not None else 0
        has_past = bool(data.sessions)
        last = self.query_one("#last", Checkbox)
        last.display = has_past
        if not has_past:
            last.value = False

    def _fill_past(self) -> None:
        data = self.data
        assert data is not None
        table = self.query_one("#past", PastTable)
        # Show before filling: rows added while hidden were not painted once it appeared.
        table.display = bool(data.sessions)
        keep = table.cursor_row
        table.clear(columns=True)
        table.add_column(" ", key="mark", width=1)
        table.add_column("Started", key="date", width=16)
        table.add_column("Sets", key="sets", width=14)
        table.add_column("Summary", key="summary")
        known = {info.id for info in data.sessions}
        self._marked = [sid for sid in self._marked if sid in known]
        for info in data.sessions:
            state = "" if info.finished else " (unfinished)"
            table.add_row(
                Text("✓" if info.id in self._marked else ""),
                Text(_when(info)),
                Text(_short_sets(info.sets)),
                Text(info.summary + state),
                key=str(info.id),
            )
        if data.sessions:
            table.move_cursor(row=min(keep, len(data.sessions) - 1))
        empty = self.query_one("#past-empty", Static)
        empty.display = not data.sessions
        empty.update("None yet. Your first reflection will be listed here.")

    # Start view ------------------------------------------------------------------------------

    def _store_call(self, what: str, call: Callable[[], T]) -> T | None:
        """Run one repository call; a database problem becomes a notification, not a crash."""
        try:
            return call()
        except StoreError as error:
            self.growth_app.report_error(what, error)
            return None

    @on(OptionList.OptionSelected, "#start-options")
    def _start_chosen(self, event: OptionList.OptionSelected) -> None:
        kind, arg = self._start_actions[event.option_index]
        store, plan_id = self.growth_app.store, self.growth_app.plan_id
        if kind == "resume":
            assert isinstance(arg, int)
            info = self._store_call(
                "Could not resume", lambda: reflect_repo.get_session(store, arg)
            )
        else:
            assert isinstance(arg, tuple)
            from_last = self.query_one("#last", Checkbox).value
            info = self._store_call(
                "Could not start",
                lambda: reflect_repo.start_session(store, plan_id, arg, from_last=from_last),
            )
        if info is None:
            self.reload()
            return
        self.open_session(info)

    def open_session(self, info: SessionInfo) -> None:
        """Show `info` at its saved step (a resumed session opens exactly where it stopped)."""
        store = self.growth_app.store
        answers = self._store_call(
            "Could not open the session", lambda: reflect_repo.load_answers(store, info.id)
        )
        if answers is None:
            return
        self.query_one("#finished-note", Static).display = False
        self.session = info
        self.steps = rf.steps_for(info.sets)
        self.answers = answers
        self._switch("session")
        self._load_step(min(info.current_step, len(self.steps) - 1))

    def action_toggle_last(self) -> None:
        last = self.query_one("#last", Checkbox)
        if last.display:
            last.toggle()

    # The session -----------------------------------------------------------------------------

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    def _load_step(self, index: int) -> None:
        self.index = index
        self._dirty = False
        self._proposed = False
        st = self.step
        total = len(self.steps)
        set_title = rf.prompt_set(st.set_key).title
        done = round(20 * index / max(1, total - 1)) if total > 1 else 20
        self.query_one("#progress", Static).update(
            Content.from_markup(
                "[b]$set[/b] · step $n of $total  [$accent]$bar[/][dim]$rest[/]  $last",
                set=set_title,
                n=str(index + 1),
                total=str(total),
                bar="━" * done,
                rest="━" * (20 - done),
                last="last step: Ctrl+N finishes" if index == total - 1 else "",
            )
        )
        self.query_one("#step-title", Static).update(Content(st.title))
        self.query_one("#step-prompt", Static).update(Content(st.prompt))
        self.query_one("#step-hint", Static).update(Content(st.hint))
        self.query_one("#step-example", Static).update(
            Content.from_markup("[i]For example:[/i] $example", example=st.example)
        )
        items = self.answers.get(st.key, [])
        editors = self.query_one("#editors", ContentSwitcher)
        if st.kind is StepKind.TEXT:
            editors.current = "text-editor"
            area = self.query_one("#text-editor", TextArea)
            text = rf.text_of({st.key: items}, st.key) if items else ""
            if items:
                text = items[0].text
            if not text and st.key == rf.NORTH_STAR_KEY:
                text = self._proposal = rf.propose_north_star(self.answers)
                self._proposed = bool(text)
            area.load_text(text)
            area.move_cursor(area.document.end)
            area.focus()
        elif st.kind is StepKind.NUMBER:
            editors.current = "number-editor"
            field = self.query_one("#number-input", Input)
            field.value = items[0].text if items else ""
            self._show_number_meaning()
            field.focus()
        elif st.kind is StepKind.LIST:
            editors.current = "list-editor"
            self._items = [i.text for i in items]
            self._editing = None
            field = self.query_one("#item-input", Input)
            field.value = ""
            self._fill_items()
            field.focus()
        else:
            editors.current = "values-editor"
            self._load_values(st, items)
            self.query_one("#own-value", Input).value = ""
            self.query_one("#values", ValueList).focus()
        self.refresh_bindings()

    def _current_answer(self) -> list[Item]:
        st = self.step
        if st.kind is StepKind.TEXT:
            text = self.query_one("#text-editor", TextArea).text
            return [Item(text)] if text.strip() else []
        if st.kind is StepKind.NUMBER:
            text = self.query_one("#number-input", Input).value
            return [Item(text)] if text.strip() else []
        if st.kind is StepKind.LIST:
            items = list(self._items)
            pending = self.query_one("#item-input", Input).value
            if self._editing is not None and self._editing < len(items):
                items[self._editing] = pending
            elif pending.strip():
                items.append(pending)
            return [Item(t) for t in items if t.strip()]
        picked = [Item(name, self._ranks.get(name)) for name in self._picked]
        pending = self.query_one("#own-value", Input).value.strip()
        if pending and pending.casefold() not in {n.casefold() for n in self._picked}:
            picked.append(Item(pending))
        return picked

    def _mark_dirty(self) -> None:
        self._pending = self._current_answer()
        self._dirty = True
        self._proposed = False
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.flush)

    def flush(self) -> bool:
        """Write the current step's answer if it changed since the last write.

        Returns False when the write failed (the answer stays on screen, marked unsaved, and
        the next change or step change tries again).
        """
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.session is None or not self.steps:
            return True
        if not (self._dirty or self._proposed):
            return True
        st = self.step
        answer = self._pending if self._dirty else self._current_answer()
        store, session_id = self.growth_app.store, self.session.id

        def write() -> bool:
            if st.kind in (StepKind.TEXT, StepKind.NUMBER):
                reflect_repo.save_text(store, session_id, st.key, answer[0].text if answer else "")
            else:
                reflect_repo.save_items(store, session_id, st.key, answer)
            return True

        if not self._store_call("Not saved yet", write):
            return False
        if answer:
            self.answers[st.key] = answer
        else:
            self.answers.pop(st.key, None)
        self._dirty = False
        self._proposed = False
        return True

    def _go(self, index: int, *, keep_proposal: bool = True) -> None:
        if self.session is None:
            return
        if not keep_proposal:
            self._proposed = False
        if not self.flush():
            return  # stay on this step rather than move away from an unsaved answer
        if index >= len(self.steps):
            self.action_finish()
            return
        index = max(0, index)
        store, session_id = self.growth_app.store, self.session.id
        self._store_call(
            "Could not save the step", lambda: reflect_repo.save_step(store, session_id, index)
        )
        self._load_step(index)

    def action_next_step(self) -> None:
        if self.step.kind is StepKind.LIST and self._editing is None:
            self._commit_pending_item()
        self._go(self.index + 1)

    def action_back_step(self) -> None:
        # An untouched north star proposal is only kept by going on with Next.
        self._go(self.index - 1, keep_proposal=False)

    def action_skip_step(self) -> None:
        # Skip leaves this step as it was saved; an untouched north star proposal is not kept.
        self._go(self.index + 1, keep_proposal=False)

    def action_finish(self) -> None:
        if self.session is None or not self.flush():
            return
        store, session_id, index = self.growth_app.store, self.session.id, self.index

        def finish() -> reflect_repo.FinishResult:
            reflect_repo.save_step(store, session_id, index)
            return reflect_repo.finish_session(store, session_id)

        result = self._store_call("Could not finish", finish)
        if result is None:
            return
        parts = ["Reflection saved."]
        if result.north_star:
            parts.append("Your north star is updated.")
        if result.weekly_budget_minutes:
            parts.append(f"Weekly budget: {rf.format_minutes(result.weekly_budget_minutes)}.")
        if result.skills_added:
            n = len(result.skills_added)
            parts.append(f"{n} skill{'s' if n != 1 else ''} added to Goals, ready for a level.")
        note = self.query_one("#finished-note", Static)
        note.update(Content(" ".join(parts)))
        note.display = True
        self.session = None
        self._switch("start")
        self.reload()

    def action_leave(self) -> None:
        if isinstance(self.focused, Input | TextArea):
            # Escape in a text field first gives the keyboard back (as everywhere in the app).
            self.set_focus(None)
            return
        if self.view == "session":
            if not self.flush():
                return
            self.session = None
            self._switch("start")
            self.reload()
        elif self.view in ("read", "compare"):
            self._switch("start")
            self.query_one("#past", PastTable).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_session = self.is_mounted and self.view == "session" and self.session is not None
        if action in ("next_step", "back_step", "skip_step", "finish"):
            if not in_session:
                return False
            if action == "back_step" and self.index == 0:
                return None
            return True
        if action == "leave":
            return self.is_mounted and self.view != "start"
        if action == "toggle_last":
            return (
                self.is_mounted
                and self.view == "start"
                and self.query_one("#last", Checkbox).display
            )
        return True

    def on_screen_suspend(self) -> None:
        self.flush()

    def on_unmount(self) -> None:
        # The widgets are gone by now; flush() writes the answer kept by _mark_dirty().
        self._proposed = False
        try:
            self.flush()
        except Exception:  # noqa: BLE001 - on the way out: log it, never a traceback
            self.log.warning("reflect: final save failed")

    def show_step_again(self) -> None:
        """Back on this screen mid-session: put the cursor back where the person types."""
        editors = self.query_one("#editors", ContentSwitcher)
        focus = {
            "text-editor": "#text-editor",
            "number-editor": "#number-input",
            "list-editor": "#item-input",
            "values-editor": "#values",
        }.get(editors.current or "", "#text-editor")
        self.query_one(focus).focus()

    # Text and number steps --------------------------------------------------------------------

    @on(TextArea.Changed, "#text-editor")
    def _text_changed(self, event: TextArea.Changed) -> None:
        if self.session is None or self.step.kind is not StepKind.TEXT:
            return
        text = event.text_area.text
        if self._proposed and text == self._proposal:
            return  # the untouched proposal: kept by Next, not by Skip or Back
        saved = self.answers.get(self.step.key, [])
        if text != (saved[0].text if saved else ""):
            self._mark_dirty()

    @on(Input.Changed, "#number-input")
    def _number_changed(self, event: Input.Changed) -> None:
        if self.session is None or self.step.kind is not StepKind.NUMBER:
            return
        self._show_number_meaning()
        saved = self.answers.get(self.step.key, [])
        if event.value != (saved[0].text if saved else ""):
            self._mark_dirty()

    @on(Input.Submitted, "#number-input")
    def _number_submitted(self) -> None:
        self.action_next_step()

    def _show_number_meaning(self) -> None:
        text = self.query_one("#number-input", Input).value
        minutes = rf.parse_weekly_minutes(text)
        label = self.query_one("#number-meaning", Static)
        if minutes:
            label.update(
                Content.from_markup(
                    "Weekly time budget: [b]$m[/b]. Press Enter or Ctrl+N to go on.",
                    m=rf.format_minutes(minutes),
                )
            )
        elif text.strip():
            label.update("Type a number of hours, like 3 or 2.5 (or '90 min').")
        else:
            label.update("Hours you can give each week, honestly. Skip if you don't know yet.")

    # List steps ------------------------------------------------------------------------------

    def _fill_items(self) -> None:
        items = self.query_one("#items", ItemList)
        keep = items.highlighted
        items.clear_options()
        for n, text in enumerate(self._items):
            marker = "✎ " if n == self._editing else "• "
            items.add_option(Option(Content(marker) + Content(text)))
        if self._items:
            items.highlighted = min(keep or 0, len(self._items) - 1)
        items.display = bool(self._items)

    @on(Input.Changed, "#item-input")
    def _item_typed(self, event: Input.Changed) -> None:
        if self.session is None or self.step.kind is not StepKind.LIST:
            return
        if [i.text for i in self._current_answer()] != [
            i.text for i in self.answers.get(self.step.key, [])
        ]:
            self._mark_dirty()

    def _commit_pending_item(self) -> bool:
        field = self.query_one("#item-input", Input)
        text = field.value
        if self._editing is not None:
            if text.strip():
                self._items[self._editing] = text
            else:
                del self._items[self._editing]
            self._editing = None
        elif text.strip():
            self._items.append(text)
        else:
            return False
        field.value = ""
        self._fill_items()
        self._mark_dirty()
        self.flush()
        return True

    @on(Input.Submitted, "#item-input")
    def _item_submitted(self) -> None:
        if not self._commit_pending_item():
            self.notify("Type an item first, or press Ctrl+N to go on.", markup=False)

    @on(OptionList.OptionSelected, "#items")
    def _edit_item(self, event: OptionList.OptionSelected) -> None:
        self._commit_pending_item()
        self._editing = event.option_index
        field = self.query_one("#item-input", Input)
        field.value = self._items[event.option_index]
        self._fill_items()
        field.focus()

    @on(ItemList.Remove)
    def _remove_item(self, event: ItemList.Remove) -> None:
        if not (0 <= event.index < len(self._items)):
            return
        del self._items[event.index]
        if self._editing == event.index:
            self._editing = None
            self.query_one("#item-input", Input).value = ""
        elif self._editing is not None and self._editing > event.index:
            self._editing -= 1
        self._fill_items()
        self._mark_dirty()
        self.flush()
        if not self._items:
            self.query_one("#item-input", Input).focus()

    # The values step -------------------------------------------------------------------------

    def _load_values(self, st: Step, items: list[Item]) -> None:
        by_fold = {c.casefold(): c for c in st.choices}
        self._value_names = list(st.choices)
        self._picked = []
        self._ranks = {}
        for item in items:
            name = by_fold.get(item.text.casefold(), item.text)
            if name not in self._value_names:
                self._value_names.append(name)
                by_fold[name.casefold()] = name
            if name not in self._picked:
                self._picked.append(name)
            if item.rank:
                self._ranks[name] = item.rank
        self.query_one("#values", ValueList).highlighted = None
        self._fill_values()
        self.query_one("#values", ValueList).highlighted = 0

    def _fill_values(self) -> None:
        values = self.query_one("#values", ValueList)
        keep = values.highlighted
        values.clear_options()
        for name in self._value_names:
            picked = name in self._picked
            rank = self._ranks.get(name)
            values.add_option(
                Option(
                    Content.from_markup(
                        "$mark $name[b $accent]$rank[/]",
                        mark="●" if picked else "○",
                        name=name,
                        rank=f"  #{rank}" if rank else "",
                    )
                )
            )
        if keep is not None:
            values.highlighted = min(keep, len(self._value_names) - 1)
        by_rank = {rank: name for name, rank in self._ranks.items()}
        top = [Content(f"{n} ") + Content(by_rank.get(n, "—")) for n in (1, 2, 3)]
        self.query_one("#values-summary", Static).update(
            Content.from_markup("[b]Picked $count[/b] · top 3: ", count=str(len(self._picked)))
            + Content("  ").join(top)
        )

    def _values_changed(self) -> None:
        self._fill_values()
        self._mark_dirty()
        self.flush()

    @on(OptionList.OptionSelected, "#values")
    def _value_clicked(self, event: OptionList.OptionSelected) -> None:
        self._toggle_value(ValueList.Toggle(event.option_index))

    @on(ValueList.Toggle)
    def _toggle_value(self, event: ValueList.Toggle) -> None:
        name = self._value_names[event.index]
        if name in self._picked:
            self._picked.remove(name)
            self._ranks.pop(name, None)
        else:
            self._picked.append(name)
        self._values_changed()

    @on(ValueList.Rank)
    def _rank_value(self, event: ValueList.Rank) -> None:
        name = self._value_names[event.index]
        if event.rank == 0:
            self._ranks.pop(name, None)
        else:
            for other, rank in list(self._ranks.items()):
                if rank == event.rank:
                    del self._ranks[other]
            self._ranks[name] = event.rank
            if name not in self._picked:
                self._picked.append(name)
        self._values_changed()

    @on(Input.Changed, "#own-value")
    def _own_value_typed(self) -> None:
        if self.session is not None and self.step.kind is StepKind.CHOICE:
            self._mark_dirty()

    @on(Input.Submitted, "#own-value")
    def _own_value_added(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        existing = {n.casefold(): n for n in self._value_names}
        name = existing.get(text.casefold(), text)
        if name not in self._value_names:
            self._value_names.append(name)
        if name not in self._picked:
            self._picked.append(name)
        event.input.value = ""
        values = self.query_one("#values", ValueList)
        self._values_changed()
        values.highlighted = self._value_names.index(name)

    # Past sessions ---------------------------------------------------------------------------

    def _selected_session(self) -> SessionInfo | None:
        if self.data is None or not self.data.sessions:
            return None
        table = self.query_one("#past", PastTable)
        row = table.cursor_row
        if 0 <= row < len(self.data.sessions):
            return self.data.sessions[row]
        return None

    @on(DataTable.RowSelected, "#past")
    def _open_past(self) -> None:
        info = self._selected_session()
        if info is not None:
            self.show_read_only(info)

    @on(PastTable.Mark)
    def _mark_past(self) -> None:
        info = self._selected_session()
        if info is None:
            return
        if info.id in self._marked:
            self._marked.remove(info.id)
        else:
            self._marked.append(info.id)
            self._marked = self._marked[-2:]
        self._fill_past()

    @on(PastTable.Delete)
    def _delete_past(self) -> None:
        info = self._selected_session()
        if info is None:
            return
        if self._confirm_delete != info.id:
            self._confirm_delete = info.id
            self.notify(
                f"Press d again to delete the reflection of {_when(info)} for good.",
                title="Delete?",
                markup=False,
            )
            return
        self._confirm_delete = None
        store = self.growth_app.store
        if self._store_call(
            "Could not delete", lambda: reflect_repo.delete_session(store, info.id) or True
        ):
            self.notify(f"Deleted the reflection of {_when(info)}.", markup=False)
            self.reload()

    @on(DataTable.RowHighlighted, "#past")
    def _forget_delete(self) -> None:
        self._confirm_delete = None

    @on(PastTable.Compare)
    def _compare_past(self) -> None:
        data = self.data
        if data is None or len(data.sessions) < 2:
            self.notify("Compare needs two sessions; finish another reflection first.")
            return
        by_id = {info.id: info for info in data.sessions}
        if len(self._marked) == 2:
            pair = [by_id[sid] for sid in self._marked]
        else:
            # Without two marks: the highlighted session against the one before it.
            current = self._selected_session()
            assert current is not None
            at = data.sessions.index(current)
            other = data.sessions[at + 1] if at + 1 < len(data.sessions) else data.sessions[at - 1]
            pair = [current, other]
        older, newer = sorted(pair, key=lambda i: (i.started_at, i.id))
        self.show_compare(older, newer)

    def show_read_only(self, info: SessionInfo) -> None:
        store = self.growth_app.store
        answers = self._store_call(
            "Could not open it", lambda: reflect_repo.load_answers(store, info.id)
        )
        if answers is None:
            return
        pane = self.query_one("#read", VerticalScroll)
        pane.remove_children()
        widgets: list[Static] = [
            Static(
                Content.from_markup(
                    "[b]Reflection of $when[/b] · $sets · $state   [dim](Esc to go back)[/]",
                    when=_when(info),
                    sets=_set_titles(info.sets),
                    state="finished" if info.finished else "unfinished",
                ),
                classes="read-head",
            )
        ]
        steps = rf.steps_for(info.sets)
        answered = [st for st in steps if answers.get(st.key)]
        widgets.append(
            Static(
                Content(f"{len(answered)} of {len(steps)} steps answered."),
                classes="read-empty",
            )
        )
        for st in answered:
            items = answers[st.key]
            widgets.append(Static(Content(st.title), classes="read-title"))
            if st.kind in (StepKind.TEXT, StepKind.NUMBER):
                widgets.append(Static(Content(items[0].text), classes="read-answer"))
            else:
                lines = []
                for item in items:
                    rank = f"  #{item.rank}" if item.rank else ""
                    lines.append(Content("• ") + Content(item.text) + Content(rank))
                widgets.append(Static(Content("\n").join(lines), classes="read-answer"))
        pane.mount_all(widgets)
        self._switch("read")
        pane.scroll_home(animate=False)
        pane.focus()

    def show_compare(self, older: SessionInfo, newer: SessionInfo) -> None:
        store = self.growth_app.store
        pair = self._store_call(
            "Could not compare",
            lambda: (
                reflect_repo.load_answers(store, older.id),
                reflect_repo.load_answers(store, newer.id),
            ),
        )
        if pair is None:
            return
        a, b = pair
        diff = rf.compare_sessions(a, b)
        pane = self.query_one("#compare", VerticalScroll)
        pane.remove_children()
        widgets: list[Static | Horizontal] = [
            Static(
                Content.from_markup(
                    "[b]What changed[/b]  [dim](Esc to go back)[/]  "
                    "[$success]+ added[/]  [$error]− removed[/]  [$warning]~ reworded[/]"
                ),
                classes="read-head",
            ),
            Horizontal(
                Static(Content.from_markup("[b]Before[/b] · $w", w=_when(older))),
                Static(Content.from_markup("[b]After[/b] · $w", w=_when(newer))),
                classes="cmp-row cmp-heads",
            ),
        ]
        for topic in diff.topics:
            left, right = self._compare_sides(topic)
            title = topic.title + ("" if topic.changed else "  (no change)")
            widgets.append(Static(Content(title), classes="read-title"))
            widgets.append(
                Horizontal(
                    Static(left, classes="cmp-side"),
                    Static(right, classes="cmp-side"),
                    classes="cmp-row",
                )
            )
        pane.mount_all(widgets)
        self._switch("compare")
        pane.scroll_home(animate=False)
        pane.focus()

    @staticmethod
    def _compare_sides(topic: rf.TopicDiff) -> tuple[Content, Content]:
        def line(mark: str, style: str, text: str) -> Content:
            return Content.from_markup(f"[{style}]$mark[/] $text", mark=mark, text=text)

        left: list[Content] = []
        right: list[Content] = []
        for text in topic.kept:
            left.append(line(" ", "dim", text))
            right.append(line(" ", "dim", text))
        for before, after in topic.reworded:
            left.append(line("~", "$warning", before))
            right.append(line("~", "$warning", after))
        for text in topic.removed:
            left.append(line("−", "$error", text))
        for text in topic.added:
            right.append(line("+", "$success", text))
        empty = Content.from_markup("[dim]—[/]")
        return (
            Content("\n").join(left) if left else empty,
            Content("\n").join(right) if right else empty,
        )
