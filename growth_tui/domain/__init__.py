"""Pure logic of growth: no Textual, no database sessions; "today" is always a parameter."""
