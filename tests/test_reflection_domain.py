"""The reflection prompt sets, the north star proposal, comparing and summarising sessions."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from growth_tui.domain import reflection as r
from growth_tui.domain.reflection import Item, StepKind


def test_three_sets_in_order_with_every_topic_of_the_brief() -> None:
    assert r.SET_KEYS == ("know", "vision", "stuck")
    keys = [st.key for st in r.steps_for("")]
    assert keys == [
        "strengths",
        "skills_hard",
        "skills_soft",
        "skills_transferable",
        "passions",
        "values",
        "growth_areas",
        "feedback",
        "vision_1_2",
        "vision_3_5",
        "vision_5_plus",
        "vision_shape",
        "north_star",
        "missing_skills",
        "visibility",
        "willing",
        "boundaries",
        "hours_per_week",
    ]
    assert len(set(keys)) == len(keys)


def test_every_step_has_words_for_the_person() -> None:
    for st in r.steps_for(r.SET_KEYS):
        assert st.title and st.prompt and st.hint and st.example, st.key
        assert len(st.title) <= 24, st.key  # fits the progress line at 80 columns
        assert st.set_key in r.SET_KEYS


def test_step_kinds() -> None:
    assert r.step("strengths").kind is StepKind.LIST
    assert r.step("values").kind is StepKind.CHOICE
    assert r.step("values").rank_top == 3
    assert "Honesty" in r.step("values").choices
    assert r.step("vision_1_2").kind is StepKind.TEXT
    assert r.step("hours_per_week").kind is StepKind.NUMBER
    kinds = {st.key: st.skill_kind for st in r.steps_for("") if st.skill_kind}
    assert kinds == {
        "skills_hard": "hard",
        "skills_soft": "soft",
        "skills_transferable": "transferable",
        "missing_skills": "hard",
    }


def test_choosing_sets() -> None:
    assert [st.set_key for st in r.steps_for(["stuck"])] == ["stuck"] * 5
    assert r.normalize_sets("stuck,know") == ("know", "stuck")
    assert r.normalize_sets(["nonsense"]) == r.SET_KEYS
    assert r.normalize_sets([]) == r.SET_KEYS


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("3", 180),
        ("2.5 h", 150),
        ("2,5 hours", 150),
        ("90 min", 90),
        ("3-4", 180),
        ("about 5 hours, maybe", 300),
        ("none", None),
        ("", None),
        ("0", None),
        ("500", None),
    ],
)
def test_weekly_hours(text: str, minutes: int | None) -> None:
    assert r.parse_weekly_minutes(text) == minutes


def test_format_minutes() -> None:
    assert r.format_minutes(180) == "3 h/week"
    assert r.format_minutes(150) == "2 h 30 min/week"
    assert r.format_minutes(45) == "45 min/week"
    assert r.format_minutes(None) == ""


def test_top_values_uses_ranks_then_falls_back_to_the_first_picked() -> None:
    ranked = {
        "values": [
            Item("Family"),
            Item("Craft", 2),
            Item("Honesty", 1),
            Item("Health", 3),
        ]
    }
    assert r.top_values(ranked) == ["Honesty", "Craft", "Health"]
    assert r.top_values({"values": ["A", "B", "C", "D"]}) == ["A", "B", "C"]
    assert r.top_values({}) == []


def test_north_star_from_the_furthest_vision_and_values() -> None:
    answers = {
        "vision_1_2": "I run design reviews.",
        "vision_5_plus": "I want to help teams build software calmly. Also garden more.",
        "values": [Item("Honesty", 1), Item("Craft", 2), Item("Family", 3)],
    }
    assert r.propose_north_star(answers) == (
        "Help teams build software calmly, guided by honesty, craft and family."
    )


@pytest.mark.parametrize(
    ("vision", "expected"),
    [
        ("I lead a small platform group", "Lead a small platform group."),
        ("I'm a trusted mentor", "Be a trusted mentor."),
        ("Teaching SQL to analysts", "Teaching SQL to analysts."),
        ("I'd like to open a bakery!", "Open a bakery."),
    ],
)
def test_north_star_reads_as_a_direction(vision: str, expected: str) -> None:
    assert r.propose_north_star({"vision_3_5": vision}) == expected


def test_north_star_without_vision_uses_strengths_then_values() -> None:
    assert r.propose_north_star({"strengths": ["Listening", "SQL tuning"]}) == (
        "Build my work on listening and SQL tuning."
    )
    assert r.propose_north_star({"values": ["Craft"]}) == "Do work that honours craft."
    assert r.propose_north_star({}) == ""


def test_north_star_keeps_a_long_vision_short() -> None:
    proposal = r.propose_north_star({"vision_5_plus": "word " * 1000})
    assert len(proposal) < 160
    assert "\n" not in proposal


def test_compare_finds_added_removed_and_reworded() -> None:
    old = {
        "strengths": ["Public speaking", "SQL", "Listening"],
        "values": [Item("Honesty", 1), Item("Craft", 2), Item("Family", 3)],
        "vision_1_2": "I run the design reviews for our team.",
        "north_star": "Make hard systems simple.",
    }
    new = {
        "strengths": ["listening", "Public speaking to large groups", "Mentoring"],
        "values": [
            Item("Family", 1),
            Item("Honesty", 2),
            Item("Craft", 3),
            Item("Growth"),
        ],
        "vision_1_2": "I run the design reviews for two teams.",
        "north_star": "Become a calm leader for people.",
    }
    diff = r.compare_sessions(old, new)
    strengths = diff.topic("strengths")
    assert strengths.removed == ("SQL",)
    assert strengths.added == ("Mentoring",)
    assert strengths.reworded == (("Public speaking", "Public speaking to large groups"),)
    assert strengths.kept == ("listening",)
    values = diff.topic("values")
    assert values.added == ("Growth",)
    assert values.removed == ()
    assert values.reworded == (("top 3: Honesty, Craft, Family", "top 3: Family, Honesty, Craft"),)
    assert diff.topic("vision_1_2").reworded == (
        (
            "I run the design reviews for our team.",
            "I run the design reviews for two teams.",
        ),
    )
    north = diff.topic("north_star")
    assert north.removed == ("Make hard systems simple.",)
    assert north.added == ("Become a calm leader for people.",)
    assert not diff.topic("vision_5_plus").changed
    assert diff.changed


def test_compare_identical_sessions_changes_nothing() -> None:
    answers = {"strengths": ["A thing"], "values": [Item("Honesty", 1)]}
    diff = r.compare_sessions(answers, answers)
    assert not diff.changed
    assert [t.key for t in diff.topics] == list(r.COMPARE_TOPICS)


def test_reworded_pairs_each_item_once() -> None:
    diff = r.diff_items("k", "K", ["Writing docs"], ["Writing docs well", "Writing docs fast"])
    assert len(diff.reworded) == 1
    assert len(diff.added) == 1


def test_summary_is_one_short_line() -> None:
    answers = {
        "north_star": "Make hard\nsystems simple",
        "values": [Item("Honesty", 1), Item("Craft", 2)],
        "strengths": ["Listening", "SQL", "Writing"],
        "hours_per_week": "3",
    }
    line = r.summarize(answers)
    assert line == (
        "Make hard systems simple · values: Honesty, Craft · strengths: Listening, SQL · 3 h/week"
    )
    long = r.summarize({"north_star": "x" * 5000, "strengths": ["y" * 5000]})
    assert len(long) <= r.SUMMARY_LIMIT
    assert "\n" not in long


def test_summary_falls_back_to_the_first_answer() -> None:
    assert r.summarize({"boundaries": ["No evenings"]}) == "boundaries: No evenings"
    assert r.summarize({}) == "(no answers yet)"


def test_markup_and_emoji_pass_through_untouched() -> None:
    text = "Ship [/] v1 [b]x 🚀"
    assert r.summarize({"north_star": text}) == text
    assert r.compare_sessions({}, {"strengths": [text]}).topic("strengths").added == (text,)


@given(
    hs.lists(hs.text(max_size=12), max_size=6),
    hs.lists(hs.text(max_size=12), max_size=6),
)
def test_every_item_is_accounted_for_exactly_once(before: list[str], after: list[str]) -> None:
    diff = r.diff_items("k", "K", before, after)
    old = [t.strip() for t in before if t.strip()]
    new = [t.strip() for t in after if t.strip()]
    assert len(diff.kept) + len(diff.reworded) + len(diff.removed) == len(old)
    assert len(diff.kept) + len(diff.reworded) + len(diff.added) == len(new)
    assert sorted([*diff.kept, *(a for _, a in diff.reworded), *diff.added]) == sorted(new)
    assert Counter([*diff.removed, *(b for b, _ in diff.reworded)]) <= Counter(old)
