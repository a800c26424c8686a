"""Needs-assessment analysis: every stage from survey export to working-group proposal, free of any UI."""
