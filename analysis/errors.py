"""The one exception type for problems the user can cause and fix."""


class InputError(Exception):
    """A problem with the user's input; its message is written for the user (file, sheet, row, what to do)."""
