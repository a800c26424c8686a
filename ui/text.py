"""Text from files and URLs made safe to show in elements that render markdown."""

import re

# Every ASCII punctuation mark markdown, Streamlit's colour and icon directives (':red[...]') or math
# ('$') could read as syntax; a backslash makes each one a literal character.
MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&=\"'])")


def plain(text: object) -> str:
    """The text shown as typed: no link, image, heading or formatting can come from it, on one line."""
    return MARKDOWN_SYNTAX.sub(r"\\\1", " ".join(str(text).split()))
