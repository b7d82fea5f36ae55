"""Schema versions and the steps between them, counted in `PRAGMA user_version`.

Why `user_version` steps and not Alembic: the app must start instantly, and importing Alembic
costs ~0.4 s on every start; a schema check here is one pragma read. The steps are plain SQL,
small and reviewed by hand, and a test checks that a database built by the steps has exactly
the tables and columns the models declare. Each step runs inside one transaction with foreign
keys off (a table rebuild with them on cascade-deletes child rows), then `PRAGMA
foreign_key_check` must come back empty, or the whole migration rolls back. A backup copy is
taken before any step runs on an existing database (see `engine.open_store`).

To change the schema: change the model, append a step here, bump nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import Connection

# Version 1: the first released schema, frozen. Never edit; add a step instead.
SCHEMA_V1 = """
CREATE TABLE "plan" (
    id INTEGER NOT NULL,
    north_star VARCHAR NOT NULL,
    weekly_budget_minutes INTEGER,
    checkin_cadence VARCHAR NOT NULL,
    next_checkin_on DATE,
    next_quarterly_on DATE,
    next_annual_on DATE,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE check_in (
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    held_on DATE NOT NULL,
    next_on DATE,
    summary VARCHAR NOT NULL,
    started_at DATETIME NOT NULL,
    finished_at DATETIME,
    PRIMARY KEY (id),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);
CREATE INDEX ix_check_in_plan_on ON check_in (plan_id, held_on);
CREATE TABLE feedback (
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    received_on DATE NOT NULL,
    from_whom VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);
CREATE INDEX ix_feedback_plan_id ON feedback (plan_id);
CREATE TABLE goal (
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    parent_id INTEGER,
    milestone_scale VARCHAR,
    track VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    metric VARCHAR NOT NULL,
    baseline FLOAT,
    target FLOAT,
    unit VARCHAR NOT NULL,
    current_value FLOAT,
    why_achievable VARCHAR NOT NULL,
    obstacles VARCHAR NOT NULL,
    resources VARCHAR NOT NULL,
    why_relevant VARCHAR NOT NULL,
    due DATE,
    status VARCHAR NOT NULL,
    status_note VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE,
    FOREIGN KEY(parent_id) REFERENCES goal (id) ON DELETE CASCADE
);
CREATE INDEX ix_goal_parent_id ON goal (parent_id);
CREATE INDEX ix_goal_plan_status ON goal (plan_id, status);
CREATE TABLE north_star_version (
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    set_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);
CREATE INDEX ix_north_star_version_plan_id ON north_star_version (plan_id);
CREATE TABLE reflection_session (
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    prompt_sets VARCHAR NOT NULL,
    current_step INTEGER NOT NULL,
    summary VARCHAR NOT NULL,
    started_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    finished_at DATETIME,
    PRIMARY KEY (id),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);
CREATE INDEX ix_reflection_session_plan_id ON reflection_session (plan_id);
CREATE TABLE skill (
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    current_level INTEGER,
    target_level INTEGER,
    archived BOOLEAN NOT NULL,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (plan_id, name),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);
CREATE INDEX ix_skill_plan_id ON skill (plan_id);
CREATE TABLE supporter (
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    helps_with VARCHAR NOT NULL,
    archived BOOLEAN NOT NULL,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);
CREATE INDEX ix_supporter_plan_id ON supporter (plan_id);
CREATE TABLE check_in_answer (
    id INTEGER NOT NULL,
    check_in_id INTEGER NOT NULL,
    question_key VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    updated_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (check_in_id, question_key),
    FOREIGN KEY(check_in_id) REFERENCES check_in (id) ON DELETE CASCADE
);
CREATE INDEX ix_check_in_answer_check_in_id ON check_in_answer (check_in_id);
CREATE TABLE feedback_skill (
    feedback_id INTEGER NOT NULL,
    skill_id INTEGER NOT NULL,
    PRIMARY KEY (feedback_id, skill_id),
    FOREIGN KEY(feedback_id) REFERENCES feedback (id) ON DELETE CASCADE,
    FOREIGN KEY(skill_id) REFERENCES skill (id) ON DELETE CASCADE
);
CREATE INDEX ix_feedback_skill_skill_id ON feedback_skill (skill_id);
CREATE TABLE focus_point (
    id INTEGER NOT NULL,
    goal_id INTEGER NOT NULL,
    title VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE CASCADE
);
CREATE INDEX ix_focus_point_goal_id ON focus_point (goal_id);
CREATE TABLE goal_review (
    id INTEGER NOT NULL,
    check_in_id INTEGER NOT NULL,
    goal_id INTEGER NOT NULL,
    health VARCHAR NOT NULL,
    metric_value FLOAT,
    confidence INTEGER,
    note VARCHAR NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (check_in_id, goal_id),
    FOREIGN KEY(check_in_id) REFERENCES check_in (id) ON DELETE CASCADE,
    FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE CASCADE
);
CREATE INDEX ix_goal_review_check_in_id ON goal_review (check_in_id);
CREATE INDEX ix_goal_review_goal_id ON goal_review (goal_id);
CREATE TABLE goal_skill (
    goal_id INTEGER NOT NULL,
    skill_id INTEGER NOT NULL,
    PRIMARY KEY (goal_id, skill_id),
    FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE CASCADE,
    FOREIGN KEY(skill_id) REFERENCES skill (id) ON DELETE CASCADE
);
CREATE INDEX ix_goal_skill_skill_id ON goal_skill (skill_id);
CREATE TABLE goal_status_change (
    id INTEGER NOT NULL,
    goal_id INTEGER NOT NULL,
    from_status VARCHAR NOT NULL,
    to_status VARCHAR NOT NULL,
    note VARCHAR NOT NULL,
    next_goal_id INTEGER,
    changed_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE CASCADE,
    FOREIGN KEY(next_goal_id) REFERENCES goal (id) ON DELETE SET NULL
);
CREATE INDEX ix_goal_status_change_goal_id ON goal_status_change (goal_id);
CREATE TABLE goal_supporter (
    goal_id INTEGER NOT NULL,
    supporter_id INTEGER NOT NULL,
    PRIMARY KEY (goal_id, supporter_id),
    FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE CASCADE,
    FOREIGN KEY(supporter_id) REFERENCES supporter (id) ON DELETE CASCADE
);
CREATE INDEX ix_goal_supporter_supporter_id ON goal_supporter (supporter_id);
CREATE TABLE reflection_answer (
    id INTEGER NOT NULL,
    session_id INTEGER NOT NULL,
    prompt_key VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    rank INTEGER,
    updated_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (session_id, prompt_key, position),
    FOREIGN KEY(session_id) REFERENCES reflection_session (id) ON DELETE CASCADE
);
CREATE INDEX ix_reflection_answer_session_id ON reflection_answer (session_id);
CREATE TABLE skill_assessment (
    id INTEGER NOT NULL,
    skill_id INTEGER NOT NULL,
    assessed_on DATE NOT NULL,
    current_level INTEGER NOT NULL,
    target_level INTEGER,
    source VARCHAR NOT NULL,
    note VARCHAR NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(skill_id) REFERENCES skill (id) ON DELETE CASCADE
);
CREATE INDEX ix_skill_assessment_skill_id ON skill_assessment (skill_id);
CREATE TABLE win (
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    goal_id INTEGER,
    happened_on DATE NOT NULL,
    title VARCHAR NOT NULL,
    impact VARCHAR NOT NULL,
    impact_value FLOAT,
    noticed_by VARCHAR NOT NULL,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE,
    FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE SET NULL
);
CREATE INDEX ix_win_goal_id ON win (goal_id);
CREATE INDEX ix_win_plan_on ON win (plan_id, happened_on);
CREATE TABLE action (
    id INTEGER NOT NULL,
    goal_id INTEGER NOT NULL,
    focus_point_id INTEGER,
    title VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    due DATE,
    rrule VARCHAR NOT NULL,
    starts_on DATE,
    ends_on DATE,
    planned_minutes INTEGER,
    supporter_id INTEGER,
    status VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE CASCADE,
    FOREIGN KEY(focus_point_id) REFERENCES focus_point (id) ON DELETE SET NULL,
    FOREIGN KEY(supporter_id) REFERENCES supporter (id) ON DELETE SET NULL
);
CREATE INDEX ix_action_focus_point_id ON action (focus_point_id);
CREATE INDEX ix_action_goal_status ON action (goal_id, status);
CREATE TABLE win_skill (
    win_id INTEGER NOT NULL,
    skill_id INTEGER NOT NULL,
    PRIMARY KEY (win_id, skill_id),
    FOREIGN KEY(win_id) REFERENCES win (id) ON DELETE CASCADE,
    FOREIGN KEY(skill_id) REFERENCES skill (id) ON DELETE CASCADE
);
CREATE INDEX ix_win_skill_skill_id ON win_skill (skill_id);
CREATE TABLE log_entry (
    id INTEGER NOT NULL,
    action_id INTEGER NOT NULL,
    occurrence_on DATE NOT NULL,
    logged_on DATE NOT NULL,
    status VARCHAR NOT NULL,
    minutes INTEGER,
    note VARCHAR NOT NULL,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (action_id, occurrence_on),
    FOREIGN KEY(action_id) REFERENCES action (id) ON DELETE CASCADE
);
CREATE INDEX ix_log_entry_logged_on ON log_entry (logged_on);
"""

# Version 2: the coach learns to take the person's word (dismissed findings, an action's
# direction chosen by hand).
SCHEMA_V2 = """
ALTER TABLE action ADD COLUMN direction VARCHAR;
CREATE TABLE coach_dismissal (
    id INTEGER NOT NULL,
    rule_id VARCHAR NOT NULL,
    subject_kind VARCHAR NOT NULL,
    subject_id INTEGER,
    dismissed_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (rule_id, subject_kind, subject_id)
);
"""


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _run_script(script: str) -> Callable[[Connection], None]:
    def run(connection: Connection) -> None:
        for statement in _statements(script):
            connection.exec_driver_sql(statement)

    return run


@dataclass(frozen=True)
class Step:
    version: int  # the version this step brings the database to
    description: str
    apply: Callable[[Connection], None]


STEPS: list[Step] = [
    Step(1, "first schema", _run_script(SCHEMA_V1)),
    Step(2, "coach dismissals and action directions", _run_script(SCHEMA_V2)),
]

CURRENT_VERSION = STEPS[-1].version


def pending_steps(version: int) -> list[Step]:
    return [step for step in STEPS if step.version > version]
