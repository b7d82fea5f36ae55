"""The Reflect screen, driven by keys: a full session, leaving and resuming, past sessions."""

from __future__ import annotations

from textual.widgets import Input, OptionList, TextArea

from growth_tui.domain.reflection import Item
from growth_tui.store import plan_repo, reflect_repo
from growth_tui.store.engine import Store
from growth_tui.store.models import Plan, Skill
from tests.conftest import ready
from tests.helpers import screen_text
from tests.reflect_helpers import TRICKY, open_reflect, step_line, type_keys


async def test_go_reflect_lands_ready_to_start(make_app, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.go("reflect")
        await ready(pilot)
        assert isinstance(app.focused, OptionList)
        text = screen_text(app)
        assert "Start a reflection: all three sets (18 steps)" in text
        assert "None yet" in text
        await pilot.press("enter")
        await pilot.pause()
        assert "Know yourself · step 1 of 18" in step_line(app)
        assert "What do you do well" in screen_text(app)


async def test_full_session_by_keys_leave_resume_finish(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        await pilot.press("enter")  # all three sets
        await pilot.pause()
        # 1 strengths: two items, the second with markup and emoji
        await type_keys(pilot, "Listening")
        await pilot.press("enter")
        await type_keys(pilot, TRICKY)
        await pilot.press("enter")
        assert "• " + TRICKY in screen_text(app)
        await pilot.press("ctrl+n")
        # 2 hard skills
        await type_keys(pilot, "Python")
        await pilot.press("enter", "ctrl+n")
        # 3 soft skills: skipped
        await pilot.press("ctrl+s")
        # 4 transferable: typed but not submitted; Next keeps it
        await type_keys(pilot, "Writing")
        await pilot.press("ctrl+n")
        assert "step 5 of 18" in step_line(app)
        await pilot.press("ctrl+n")
        # 6 values: pick Autonomy, rank Belonging 1 and Craft 2, add one of my own
        await pilot.press("space", "down", "down", "1", "down", "2", "tab")
        await type_keys(pilot, "Kin")
        await pilot.press("enter")
        assert "top 3: 1 Belonging  2 Craft  3 —" in screen_text(app)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        # 9 vision in 1–2 years, then leave mid-sentence
        assert "Vision · step 9 of 18" in step_line(app)
        await type_keys(pilot, "I run reviews")
        await pilot.press("escape", "escape")  # leave the field, then the session
        await pilot.pause()
        assert "Resume where you stopped: step 9 of 18" in screen_text(app)
        session = reflect_repo.unfinished_session(store, plan_id)
        assert session is not None and session.current_step == 8

    # A new run of the app on the same database resumes exactly there.
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(pilot)
        await pilot.press("enter")  # Resume is the first choice
        await pilot.pause()
        assert "step 9 of 18" in step_line(app)
        area = screen.query_one("#text-editor", TextArea)
        assert area.text == "I run reviews"
        assert app.focused is area
        await type_keys(pilot, " well.")
        await pilot.press("ctrl+n")
        await type_keys(pilot, "I lead a team.")
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        # 13 north star: proposed from the answers, accepted as it is
        assert "step 13 of 18" in step_line(app)
        proposal = "Lead a team, guided by belonging and craft."
        assert area.text == proposal
        await pilot.press("ctrl+n")
        # 14..17: one missing skill, then on to the hours
        await type_keys(pilot, "Estimating")
        await pilot.press("enter", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
        assert "step 18 of 18" in step_line(app)
        await type_keys(pilot, "3")
        assert "Weekly time budget: 3 h/week" in screen_text(app)
        await pilot.press("ctrl+n")  # Next on the last step finishes
        await ready(pilot)
        await pilot.pause(0.1)
        text = screen_text(app)
        assert "Reflection saved" in text
        assert "Resume" not in text
        # The past-sessions list shows it with its summary.
        assert "All sets" in text
        assert "Lead a team, guided by" in text

    answers = reflect_repo.load_answers(store, session.id)
    assert answers == {
        "strengths": [Item("Listening"), Item(TRICKY)],
        "skills_hard": [Item("Python")],
        "skills_transferable": [Item("Writing")],
        "values": [Item("Autonomy"), Item("Belonging", 1), Item("Craft", 2), Item("Kin")],
        "vision_1_2": [Item("I run reviews well.")],
        "vision_3_5": [Item("I lead a team.")],
        "north_star": [Item(proposal)],
        "missing_skills": [Item("Estimating")],
        "hours_per_week": [Item("3")],
    }
    info = reflect_repo.get_session(store, session.id)
    assert info.finished
    with store.read() as s:
        plan = s.get(Plan, plan_id)
        skills = sorted(sk.name for sk in s.exec(Skill.__table__.select()).all())
    assert plan.north_star == proposal
    assert plan.weekly_budget_minutes == 180
    assert skills == ["Estimating", "Python", "Writing"]
    assert plan_repo.north_star_history(store, plan_id)[0].source == "reflection"


async def test_typing_is_saved_after_a_pause_without_leaving(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        await pilot.press("down", "down", "enter")  # Vision only
        await pilot.pause()
        await type_keys(pilot, "Half a thought")
        session = reflect_repo.unfinished_session(store, plan_id)
        assert session is not None
        await pilot.pause(0.8)
        assert reflect_repo.load_answers(store, session.id) == {
            "vision_1_2": [Item("Half a thought")]
        }


async def test_list_items_edit_and_remove(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(pilot)
        await pilot.press("enter")
        for item in ("One", "Two", "Three"):
            await type_keys(pilot, item)
            await pilot.press("enter")
        await pilot.press("tab")  # into the item list
        await pilot.press("down", "enter")  # edit "Two"
        field = screen.query_one("#item-input", Input)
        assert field.value == "Two" and app.focused is field
        await pilot.press("ctrl+u")
        await type_keys(pilot, "Deux")
        await pilot.press("enter", "tab", "home", "delete")  # remove "One"
        session = reflect_repo.unfinished_session(store, plan_id)
        assert reflect_repo.load_answers(store, session.id)["strengths"] == [
            Item("Deux"),
            Item("Three"),
        ]


async def test_values_step_shows_own_markup_value_literally(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    session = reflect_repo.start_session(store, plan_id, ["know"])
    reflect_repo.save_items(store, session.id, "values", [Item(TRICKY, 1)])
    reflect_repo.save_step(store, session.id, 5)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert "top 3: 1 " + TRICKY in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert "● " + TRICKY + "  #1" in screen_text(app)


async def test_leaving_the_screen_keeps_the_session_open(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        await pilot.press("enter")
        await type_keys(pilot, "Calm")
        await pilot.press("f1")  # straight to Home while typing
        await ready(pilot)
        session = reflect_repo.unfinished_session(store, plan_id)
        assert reflect_repo.load_answers(store, session.id) == {"strengths": [Item("Calm")]}
        await pilot.press("f2")
        await ready(pilot)
        assert "step 1 of 18" in step_line(app)
        assert isinstance(app.focused, Input)


async def test_quitting_right_after_typing_saves_it(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        await pilot.press("down", "down", "enter")  # Vision only
        await type_keys(pilot, "Quick")
        await pilot.press("ctrl+q")  # well inside the half-second debounce
    session = reflect_repo.unfinished_session(store, plan_id)
    assert reflect_repo.load_answers(store, session.id) == {"vision_1_2": [Item("Quick")]}


async def test_help_lists_the_reflect_keys(make_app, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reflect(pilot)
        await pilot.press("enter")
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        text = screen_text(app)
        for words in ("Next", "Back", "Skip", "Finish now", "Leave"):
            assert words in text, words


async def test_first_run_welcome_then_enter_starts_step_one(make_app, store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert "Start my first reflection" in screen_text(app)
        await pilot.press("enter")  # the welcome's button
        await ready(pilot)
        await pilot.press("enter")  # the first choice: all three sets
        await pilot.pause()
        assert "Know yourself · step 1 of 18" in step_line(app)


async def test_a_busy_database_is_a_message_and_the_answer_waits(
    make_app, store: Store, monkeypatch
) -> None:
    from growth_tui.store.engine import StoreError

    plan_id = store.plan_id()
    real_save = reflect_repo.save_items
    busy = {"on": True}

    def flaky_save(*args, **kwargs):
        if busy["on"]:
            raise StoreError("The database is busy (another growth window is saving); try again.")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(reflect_repo, "save_items", flaky_save)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflect(pilot)
        await pilot.press("enter")
        await type_keys(pilot, "Calm")
        await pilot.press("ctrl+n")  # cannot save: stays on step 1, says so
        await pilot.pause()
        assert "step 1 of 18" in step_line(app)
        assert any("busy" in n.message for n in app._notifications)  # noqa: SLF001
        busy["on"] = False
        await pilot.press("ctrl+n")
        assert "step 2 of 18" in step_line(app)
    session = reflect_repo.unfinished_session(store, plan_id)
    assert reflect_repo.load_answers(store, session.id) == {"strengths": [Item("Calm")]}


async def test_north_star_proposal_is_kept_by_next_only(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    session = reflect_repo.start_session(store, plan_id)
    reflect_repo.save_text(store, session.id, "vision_5_plus", "I want to teach [b]SQL[/] 🌱")
    reflect_repo.save_step(store, session.id, 12)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(pilot)
        await pilot.press("enter")  # resume at the north star
        await pilot.pause(0.8)  # longer than the save delay
        area = screen.query_one("#text-editor", TextArea)
        assert area.text == "Teach [b]SQL[/] 🌱."
        assert "north_star" not in reflect_repo.load_answers(store, session.id)
        await pilot.press("ctrl+s")  # skip: the untouched draft is not kept
        assert "step 14 of 18" in step_line(app)
        await pilot.press("ctrl+b")
        assert area.text == "Teach [b]SQL[/] 🌱."  # proposed again
        assert "north_star" not in reflect_repo.load_answers(store, session.id)
        await pilot.press("end")
        await type_keys(pilot, "!")
        await pilot.press("ctrl+n")
    answers = reflect_repo.load_answers(store, session.id)
    assert answers["north_star"] == [Item("Teach [b]SQL[/] 🌱.!")]


async def test_clicking_a_value_picks_it(make_app, store: Store) -> None:
    plan_id = store.plan_id()
    session = reflect_repo.start_session(store, plan_id, ["know"])
    reflect_repo.save_step(store, session.id, 5)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reflect(pilot)
        await pilot.press("enter")
        await pilot.pause()
        values = screen.query_one("#values")
        await pilot.click(values, offset=(4, 2))  # the second row: Balance
        await pilot.pause(0.1)
        await pilot.press("escape", "escape")  # leave the session: saved
    assert reflect_repo.load_answers(store, session.id) == {"values": [Item("Balance")]}
