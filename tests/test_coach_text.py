"""The coach's text rules on labelled examples written for this project, across jobs.

Each example is labelled with the rules it must trigger and the rules it must not; a test per
rule checks both directions, so a rule that fires on everything (or nothing) fails.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from growth_tui.domain.coach import (
    RULES,
    RULES_BY_ID,
    Finding,
    by_letter,
    judge_action,
    judge_goal,
)

TODAY = date(2026, 11, 22)

# (statement, is_specific, is_measurable, is_time_bound)
GOALS: list[tuple[str, bool, bool, bool]] = [
    # vague, across jobs
    ("I want to get better at public speaking", False, False, False),
    ("Improve my coding skills", False, False, False),
    ("Be successful in my career", False, False, False),
    ("Grow as a designer", False, False, False),
    ("Learn more about marketing", False, False, False),
    ("Become a better nurse", False, False, False),
    ("Get better at sales", False, False, False),
    ("Be a better teacher for my quieter pupils", False, False, False),
    ("Improve communication with my team", False, False, False),
    ("Work on my leadership", False, False, False),
    ("Develop myself professionally", False, False, False),
    ("Be more confident with difficult patients", False, False, False),
    ("Get good at data analysis", False, False, False),
    ("Grow my network", False, False, False),
    ("Be happier at work", False, False, False),
    ("Improve my writing", False, False, False),
    ("Level up in product design", False, False, False),
    ("Get healthier", False, False, False),
    ("Know more about pharmacology", False, False, False),
    ("Public speaking", False, False, False),
    ("Be more strategic in how I plan campaigns", False, False, False),
    ("Do better at parent conversations next term", False, False, True),
    # SMART, across jobs
    ("Give three 10-minute talks at our monthly team demo by the end of June", True, True, True),
    ("Ship the payments migration to 100% of users by 30 September", True, True, True),
    ("Publish 6 blog posts on the company site by the end of Q3", True, True, True),
    ("Pass the CCRN certification exam by March 2027", True, True, True),
    ("Close 12 new accounts worth at least 5000 EUR each this quarter", True, True, True),
    (
        "Raise my class's average reading score from 62% to 75% by the end of the school year",
        True,
        True,
        True,
    ),
    (
        "Redesign the onboarding flow and cut drop-off from 40% to 25% within 3 months",
        True,
        True,
        True,
    ),
    ("Run 4 usability tests with real customers before the end of May", True, True, True),
    ("Cut discharge paperwork to a median of 20 minutes by December", True, True, True),
    (
        "Grow the newsletter from 2,000 to 5,000 subscribers by the end of the year",
        True,
        True,
        True,
    ),
    ("Improve p95 API latency from 800 ms to 300 ms by Q2", True, True, True),
    ("Read 12 books on management this year", True, True, True),
    ("Complete the Google UX certificate in 6 months", True, True, True),
    ("Mentor two junior nurses through their first 90 days by April", True, True, True),
    ("Book 20 discovery calls per month until the end of Q4", True, True, True),
    ("Write and teach a 5-lesson unit on fractions before the winter break", True, True, True),
    ("Learn Spanish to B1 level and pass the DELE exam in November", True, True, True),
    ("Launch the spring campaign on three channels by 1 March", True, True, True),
    ("Present our Q1 results to the leadership team in April", True, True, True),
    ("Run my first half marathon in under 2 hours next spring", True, True, True),
    # in between: specific, but not dated or not counted
    ("Become a senior engineer", True, True, False),
    ("Pass the AWS Solutions Architect exam", True, True, False),
    ("Redesign the patient handover checklist on ward 4", True, True, False),
    ("Write a style guide for the marketing team by the end of the month", True, False, True),
    # a second batch, from a blind check of the first rules (they missed the last letter)
    ("Build a portfolio with five case studies before applying in spring", True, True, True),
    ("Understand our company's finances", False, False, False),
    ("Hit 120% of quota in Q1", True, True, True),
    ("Publish my research on pressure ulcer prevention in a nursing journal", True, True, False),
]


def _rules(findings: list[Finding]) -> set[str]:
    return {f.rule_id for f in findings}


def test_there_are_enough_labelled_goals() -> None:
    assert len(GOALS) >= 40
    assert sum(1 for _, specific, *_ in GOALS if not specific) >= 20
    assert (
        sum(1 for _, specific, measurable, timed in GOALS if specific and measurable and timed)
        >= 20
    )


@pytest.mark.parametrize(("text", "specific", "measurable", "timed"), GOALS)
def test_goal_statement_smart_letters(
    text: str, specific: bool, measurable: bool, timed: bool
) -> None:
    rules = _rules(judge_goal(text, today=TODAY))
    assert ("smart-specific" not in rules) == specific, rules
    assert ("smart-measurable" not in rules) == measurable, rules
    assert ("smart-time-bound" not in rules) == timed, rules


def test_fields_count_for_the_letters() -> None:
    bare = _rules(judge_goal("Improve how I run workshops", today=TODAY))
    assert {"smart-specific", "smart-measurable", "smart-time-bound"} <= bare
    assert {"smart-achievable", "smart-relevant"} <= bare
    filled = judge_goal(
        "Improve how I run workshops",
        metric="average participant rating",
        target=4.5,
        due=date(2027, 3, 31),
        obstacles="Busy weeks before launches",
        why_relevant="Workshops are how my team learns",
        today=TODAY,
    )
    assert filled == []


def test_any_achievable_field_is_enough() -> None:
    for name in ("why_achievable", "obstacles", "resources"):
        rules = _rules(judge_goal("Read 12 books this year", today=TODAY, **{name: "my mentor"}))
        assert "smart-achievable" not in rules


def test_achievable_and_relevant_from_the_text() -> None:
    said = "Read 12 books this year with help from my mentor, so that I can lead the team"
    assert not {"smart-achievable", "smart-relevant"} & _rules(judge_goal(said, today=TODAY))
    unsaid = "Read 12 books this year"
    assert {"smart-achievable", "smart-relevant"} <= _rules(judge_goal(unsaid, today=TODAY))


def test_relevant_when_linked_to_the_north_star() -> None:
    goal = "Run 4 usability tests with customers by May"
    assert "smart-relevant" in _rules(judge_goal(goal, today=TODAY))
    linked = judge_goal(goal, today=TODAY, north_star="A designer whose work customers love")
    assert "smart-relevant" not in _rules(linked)
    unrelated = judge_goal(goal, today=TODAY, north_star="A calm parent and a kind friend")
    assert "smart-relevant" in _rules(unrelated)


def test_past_due_on_an_active_goal_is_flagged() -> None:
    text = "Publish 6 posts"
    past = judge_goal(text, due=date(2026, 10, 1), today=TODAY, goal_id=7)
    timed = [f for f in past if f.rule_id == "smart-time-bound"]
    assert len(timed) == 1 and "2026-10-01" in timed[0].message
    assert timed[0].subject_id == 7 and timed[0].goal_id == 7 and timed[0].subject_kind == "goal"
    future = judge_goal(text, due=date(2027, 1, 1), today=TODAY)
    assert "smart-time-bound" not in _rules(future)
    paused = judge_goal(text, due=date(2026, 10, 1), today=TODAY, status="paused")
    assert "smart-time-bound" not in _rules(paused)


def test_closed_goals_are_left_alone() -> None:
    for status in ("achieved", "pivoted", "dropped"):
        assert judge_goal("Get better", status=status, today=TODAY) == []


def test_empty_goal_is_not_specific() -> None:
    assert "smart-specific" in _rules(judge_goal("   ", today=TODAY))


# (action, in_control, concrete)
ACTIONS: list[tuple[str, bool, bool]] = [
    # outcomes other people decide
    ("Get promoted to senior", False, True),
    ("Be tech lead for one bigger project", False, True),
    ("Be chosen to lead the spring campaign", False, True),
    ("Get a raise this year", False, True),
    ("Be recognised by the ward manager for my handovers", False, True),
    ("Become charge nurse on nights", False, True),
    ("Be made head of the maths department", False, True),
    ("Win the regional sales award", False, True),
    ("Get the lead designer role", False, True),
    ("Promotion to account director", False, True),
    ("Be given the budget for a second designer", False, True),
    ("Be invited to speak at the design conference", False, True),
    # in control and concrete
    ("Ask my manager which gaps stand between me and senior, by Friday", True, True),
    ("Ask for a raise at my review with three wins written down", True, True),
    ("Volunteer to run the next incident review", True, True),
    ("Write a one-page proposal for the campaign and send it to Maria", True, True),
    ("Apply for the charge nurse opening before the deadline", True, True),
    ("Present the checkout prototype at the Thursday demo", True, True),
    ("Shadow the night charge nurse for two shifts", True, True),
    ("Call five lapsed customers every Monday", True, True),
    ("Read one chapter of the pharmacology book every evening", True, True),
    ("Draft the parent newsletter on the first Monday of each month", True, True),
    ("Pair with a junior engineer for an hour every Wednesday", True, True),
    ("30 min Python practice every Tue and Thu", True, True),
    ("Send my manager a short update on Fridays", True, True),
    # traits and states, not steps
    ("Be a leader for the team", True, False),
    ("Be more proactive", True, False),
    ("Be more confident in meetings", True, False),
    ("Become a better listener", True, False),
    ("Stay positive with difficult customers", True, False),
    ("Think more strategically", True, False),
    ("Work harder", True, False),
    ("Improve my communication", True, False),
    ("Have a growth mindset", True, False),
    ("I want to be calmer with the class", True, False),
    ("Earn the trust of the sales director", True, False),
    ("Keep learning", True, False),
    ("Get noticed by the VP", False, True),
    ("Get on the shortlist for the team lead role", False, True),
    ("Be given more responsibility", False, True),
    ("Draft my promotion case and send it to my manager", True, True),
    ("Tell my manager I want to lead the redesign", True, True),
    ("Stay calm during handovers", True, False),
]


def test_there_are_enough_labelled_actions() -> None:
    assert len(ACTIONS) >= 30
    assert sum(1 for _, control, _ in ACTIONS if not control) >= 10
    assert sum(1 for _, _, concrete in ACTIONS if not concrete) >= 10


@pytest.mark.parametrize(("text", "in_control", "concrete"), ACTIONS)
def test_action_labels(text: str, in_control: bool, concrete: bool) -> None:
    rules = _rules(judge_action(text))
    assert ("action-not-in-control" not in rules) == in_control, rules
    assert ("action-not-concrete" not in rules) == concrete, rules


def test_action_finding_carries_its_subject() -> None:
    (finding,) = judge_action("Be more proactive", action_id=3, goal_id=9)
    assert finding.subject_kind == "action"
    assert finding.subject_id == 3 and finding.goal_id == 9
    assert finding.subject == "Be more proactive"
    assert finding.severity == "warn"
    assert finding.message and finding.hint


def test_outcome_is_reported_once_not_also_as_trait() -> None:
    rules = [f.rule_id for f in judge_action("Be tech lead for one bigger project")]
    assert rules == ["action-not-in-control"]


def test_empty_action_has_no_findings() -> None:
    assert judge_action("  ") == []


def test_user_text_kept_literally() -> None:
    text = "Be Ship [/] v1 [b]x"
    (finding,) = judge_action(text)
    assert finding.subject == text


def test_rule_table() -> None:
    ids = [rule.rule_id for rule in RULES]
    assert len(ids) == len(set(ids)) == 19
    assert all(rule.severity in {"warn", "info"} for rule in RULES)
    assert set(RULES_BY_ID) == set(ids)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_judged_without_error(text: str) -> None:
    for finding in judge_goal(text, today=TODAY) + judge_action(text):
        assert finding.rule_id in RULES_BY_ID
        assert finding.severity == RULES_BY_ID[finding.rule_id].severity
        assert finding.subject == (text.strip() or finding.subject)


def test_very_long_text_keeps_its_subject() -> None:
    text = "Be more proactive " + "and kind " * 20_000
    (finding,) = judge_action(text)
    assert finding.rule_id == "action-not-concrete"
    assert finding.subject == text.strip()


def test_by_letter_for_editors() -> None:
    letters = by_letter(judge_goal("Read 12 books this year", today=TODAY))
    assert list(letters) == ["S", "M", "A", "R", "T"]
    assert letters["S"] is None and letters["M"] is None and letters["T"] is None
    assert letters["A"].rule_id == "smart-achievable"
    assert letters["R"].rule_id == "smart-relevant"
