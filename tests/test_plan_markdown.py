"""The Markdown plan: the export layout reads back exactly, and plain notes are understood."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from growth_tui.domain import plan_markdown as pm
from growth_tui.store.types import (
    ActionStatus,
    CheckInKind,
    GoalStatus,
    MilestoneScale,
    SupporterRole,
    Track,
)

# Text a person might type: any letters, emoji, quotes, markup-looking brackets, Markdown
# characters; free text may hold newlines and blank lines.
_ALPHABET = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\u0085"
)
_TRICKY = st.sampled_from(
    [
        "[b]",
        "[/]",
        "[bold red]",
        "🚀",
        "👩🏽‍💻",
        '"',
        "'",
        "# ",
        "## Goal: ",
        "- ",
        "- Action: ",
        "1. ",
        "\\",
        "  ",
        "\t",
        "**",
        "`",
        "(FREQ=DAILY)",
        "FREQ=",
        ":",
        "Track: ",
    ]
)
_words = st.lists(st.one_of(st.text(_ALPHABET, max_size=12), _TRICKY), max_size=6).map("".join)
_lines = st.lists(_words, min_size=1, max_size=4).map("\n".join)


def _line() -> st.SearchStrategy[str]:
    return _words.map(pm.clean_line)


def _text() -> st.SearchStrategy[str]:
    return _lines.map(pm.clean_text)


_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
_numbers = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)
_rules = st.sampled_from(
    [
        "FREQ=WEEKLY;BYDAY=TU,TH",
        "FREQ=DAILY",
        "FREQ=WEEKLY;INTERVAL=2",
        "FREQ=MONTHLY;BYMONTHDAY=1",
    ]
)


@st.composite
def _actions(draw) -> pm.ActionDoc:
    recurring = draw(st.booleans())
    return pm.ActionDoc(
        title=draw(_line()),
        cadence=draw(_line()) if recurring else "",
        rrule=draw(_rules) if recurring else "",
        starts_on=draw(st.none() | _dates) if recurring else None,
        ends_on=draw(st.none() | _dates) if recurring else None,
        due=None if recurring else draw(st.none() | _dates),
        minutes=draw(st.none() | st.integers(0, 600)),
        status=draw(st.sampled_from([s.value for s in ActionStatus])),
    )


@st.composite
def _goals(draw) -> pm.GoalDoc:
    return pm.GoalDoc(
        title=draw(_line()),
        track=draw(st.sampled_from([t.value for t in Track])),
        due=draw(st.none() | _dates),
        metric=draw(_line()),
        baseline=draw(st.none() | _numbers),
        target=draw(st.none() | _numbers),
        unit=draw(_line()),
        current_value=draw(st.none() | _numbers),
        why_achievable=draw(_text()),
        obstacles=draw(_text()),
        resources=draw(_text()),
        why_relevant=draw(_text()),
        focus_points=draw(
            st.lists(
                st.builds(pm.FocusPointDoc, _line(), st.lists(_actions(), max_size=3)),
                max_size=3,
            )
        ),
        actions=draw(st.lists(_actions(), max_size=2)),
        milestones=draw(
            st.lists(
                st.builds(
                    pm.MilestoneDoc,
                    _line(),
                    st.none() | st.sampled_from([s.value for s in MilestoneScale]),
                    st.none() | _dates,
                    st.sampled_from([s.value for s in GoalStatus]),
                ),
                max_size=2,
            )
        ),
    )


_plans = st.builds(
    pm.PlanDocument,
    north_star=_text(),
    goals=st.lists(_goals(), max_size=3),
    supporters=st.lists(
        st.builds(
            pm.SupporterDoc,
            _line(),
            st.sampled_from([r.value for r in SupporterRole]),
            _text(),
        ),
        max_size=3,
    ),
    latest_checkin=st.none()
    | st.builds(
        pm.CheckInDoc,
        st.sampled_from([k.value for k in CheckInKind]),
        _dates,
        st.none() | _dates,
        _text(),
    ),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_plans)
def test_the_export_layout_reads_back_exactly(doc: pm.PlanDocument) -> None:
    text = pm.render_markdown(doc)
    if doc.is_empty():
        with pytest.raises(pm.PlanParseError):
            pm.parse_markdown(text)
        return
    assert pm.parse_markdown(text) == doc


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_plans, st.lists(_lines, min_size=4, max_size=4))
def test_untidy_text_settles_after_one_export(doc: pm.PlanDocument, raw: list[str]) -> None:
    # Titles with newlines, trailing spaces, CRLF: the first export tidies them, and from then
    # on export -> parse -> export is stable.
    doc.north_star = raw[0].replace("\n", "\r\n") + "  \n\n"
    doc.goals.append(pm.GoalDoc(title=raw[1], why_relevant="\n " + raw[2] + " \n"))
    doc.supporters.append(pm.SupporterDoc(name=raw[3]))
    first = pm.render_markdown(doc)
    assert pm.render_markdown(pm.parse_markdown(first)) == first


def test_markup_and_emoji_are_written_literally() -> None:
    doc = pm.PlanDocument(
        north_star="Ship [/] v1 [b]x",
        goals=[pm.GoalDoc(title='Say "yes" 🚀 [bold]', focus_points=[pm.FocusPointDoc("[/]")])],
    )
    text = pm.render_markdown(doc)
    assert "Ship [/] v1 [b]x" in text
    assert '## Goal: Say "yes" 🚀 [bold]' in text
    assert "### Focus point: [/]" in text


def test_a_north_star_line_that_looks_like_a_heading_is_escaped() -> None:
    doc = pm.PlanDocument(north_star="Be kind\n## Goal: not a goal")
    text = pm.render_markdown(doc)
    assert "\\## Goal: not a goal" in text
    back = pm.parse_markdown(text)
    assert back.goals == []
    assert back.north_star == "Be kind\n## Goal: not a goal"


NOTES = """North Star:
Someone who turns fuzzy problems into calm, shipped systems,
and brings others along.

Current Goal:
Become the go-to person for our data pipeline by March

Focus Points:
1. Understand the pipeline end to end
\t- read one ingestion module every Monday
\t- pair with Sam bi-weekly
2. Make my work visible
    - write a short demo note every 2 weeks
    - 30 min office hours every Tue and Thu
3. Keep my energy up
"""


def test_plain_notes_give_north_star_goal_and_focus_points() -> None:
    doc = pm.parse_markdown(NOTES)
    assert doc.north_star == (
        "Someone who turns fuzzy problems into calm, shipped systems,\nand brings others along."
    )
    [goal] = doc.goals
    assert goal.title == "Become the go-to person for our data pipeline by March"
    assert [f.title for f in goal.focus_points] == [
        "Understand the pipeline end to end",
        "Make my work visible",
        "Keep my energy up",
    ]
    assert [len(f.actions) for f in goal.focus_points] == [2, 2, 0]


def test_plain_notes_turn_cadence_words_into_rules() -> None:
    goal = pm.parse_markdown(NOTES).goals[0]
    first, second = goal.focus_points[0].actions, goal.focus_points[1].actions
    assert first[0].rrule == "FREQ=WEEKLY;BYDAY=MO"
    assert "every Monday" not in first[0].title
    assert first[1].rrule == "FREQ=WEEKLY;INTERVAL=2"
    assert second[0].rrule == "FREQ=WEEKLY;INTERVAL=2"
    assert second[1].rrule == "FREQ=WEEKLY;BYDAY=TU,TH"
    assert second[1].minutes == 30
    assert second[1].title == "office hours"


def test_goal_and_action_items_layout() -> None:
    doc = pm.parse_markdown(
        "Goal: run a half marathon in the spring\n"
        "Action items:\n"
        "- easy 5 km run every Tue and Thu\n"
        "- long run every Sunday\n"
        "- buy proper shoes\n"
    )
    [goal] = doc.goals
    assert goal.title == "run a half marathon in the spring"
    assert goal.focus_points == []
    assert len(goal.actions) == 3
    assert goal.actions[2].title == "buy proper shoes"
    assert goal.actions[2].rrule == ""


def test_goal_details_in_notes() -> None:
    doc = pm.parse_markdown(
        "Goal: give a conference talk\nDue: 2027-05-01\nTrack: personal\n"
        "Metric: talks accepted\nWhy: sharing what I learn\n"
    )
    [goal] = doc.goals
    assert (goal.title, goal.due, goal.track) == (
        "give a conference talk",
        date(2027, 5, 1),
        "personal",
    )
    assert (goal.metric, goal.why_relevant) == ("talks accepted", "sharing what I learn")
    with pytest.raises(pm.PlanParseError, match="'next spring' after 'Due:' is not a date"):
        pm.parse_markdown("Goal: x\nDue: next spring\n")


def test_headings_bold_labels_checkboxes_and_dashed_focus_points() -> None:
    doc = pm.parse_markdown(
        "## North star\n**Calm and curious**\n\n"
        "**Personal goal:** learn to draw\n\n"
        "## Focus areas\n- [ ] Sketch\n  - [x] ten-minute sketch\n* Look closely\n"
    )
    assert doc.north_star == "Calm and curious"
    [goal] = doc.goals
    assert (goal.title, goal.track) == ("learn to draw", "personal")
    assert [f.title for f in goal.focus_points] == ["Sketch", "Look closely"]
    assert [a.title for a in goal.focus_points[0].actions] == ["ten-minute sketch"]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "Shopping list\n- milk\n- eggs\n", "# My diary\nToday was fine.\n"],
)
def test_text_without_a_plan_is_refused(text: str) -> None:
    with pytest.raises(pm.PlanParseError, match="No plan found"):
        pm.parse_markdown(text)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("- Due: 2025-02-30", "line 5: '2025-02-30' is not a date"),
        ("- Track: hobby", "line 5: 'hobby' is not a track"),
        ("- Target: lots", "line 5: 'lots' is not a number"),
        ("- Colour: blue", "line 5: did not expect '- Colour: blue'"),
    ],
)
def test_a_broken_export_names_the_line(line: str, message: str) -> None:
    text = f"# Growth plan\n\n## Goal: x\n\n{line}\n"
    with pytest.raises(pm.PlanParseError, match=message):
        pm.parse_markdown(text)


def test_notes_with_the_same_title_are_still_notes() -> None:
    doc = pm.parse_markdown("# Growth plan\n\nGoal: speak at a meetup\nActions:\n- pick a topic\n")
    assert [g.title for g in doc.goals] == ["speak at a meetup"]
    assert [a.title for a in doc.goals[0].actions] == ["pick a topic"]


def test_an_export_pasted_under_a_note_still_reads_exactly() -> None:
    doc = pm.PlanDocument(north_star="Grow", goals=[pm.GoalDoc("Lead", due=date(2027, 1, 1))])
    assert pm.parse_markdown("for my 1:1 on Friday\n\n" + pm.render_markdown(doc)) == doc


def test_summary_lists_what_would_be_created() -> None:
    doc = pm.PlanDocument(
        north_star="Grow",
        goals=[
            pm.GoalDoc(
                "Lead",
                focus_points=[
                    pm.FocusPointDoc("Depth", [pm.ActionDoc("Read", "every day", "FREQ=DAILY")])
                ],
            )
        ],
    )
    assert pm.summarize(doc) == [
        "North star: Grow",
        "Goal (career): Lead",
        "  Focus point: Depth",
        "    Action: Read (every day)",
    ]


_NOTE_LINES = st.lists(
    st.one_of(
        _words,
        st.sampled_from(
            [
                "North Star:",
                "Goal:",
                "Focus Points:",
                "Action items:",
                "Supporters:",
                "# Growth plan",
                "## Goal: x",
                "- Track: career",
                "  - Repeats: every",
                "1.",
                "\t- ",
                "- every 0 weeks",
                "- 0 min run every 99th day",
                "## North star",
                "- Due: 2025-13-01",
            ]
        ),
    ),
    max_size=12,
).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(_NOTE_LINES)
def test_any_text_gives_a_plan_or_a_clear_refusal(text: str) -> None:
    try:
        doc = pm.parse_markdown(text)
    except pm.PlanParseError as error:
        assert str(error)
    else:
        assert not doc.is_empty()


def test_a_hand_edited_repeat_in_words_is_understood() -> None:
    text = "# Growth plan\n\n## Goal: x\n\n### Other actions\n\n- Action: run\n  - Repeats: every Tue and Thu\n"
    [action] = pm.parse_markdown(text).goals[0].actions
    assert (action.rrule, action.cadence) == ("FREQ=WEEKLY;BYDAY=TU,TH", "every Tue and Thu")
    broken = text.replace("every Tue and Thu", "whenever I feel like it")
    with pytest.raises(pm.PlanParseError, match="line 8: cannot read the repeat"):
        pm.parse_markdown(broken)
