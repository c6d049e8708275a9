"""Phrase cleaning: what the normalization rules see of a time expression."""

from __future__ import annotations

import re

_LEADING = re.compile(
    r"^(more than|less than|fewer than|at least|at most|up to|as of|so far|in excess of"
    r"|(early|late|later|earlier) in|(the )?(beginning|start|end|middle|rest|remainder|course"
    r"|turn|first part|last part|early part|latter part) of"
    r"|about|around|approximately|roughly|nearly|almost|some|just|only|under|over|very"
    r"|since|until|till|by|from|on|in|at|during|for|within|before|after|throughout|of|the"
    r"|early|late|mid|later|earlier)[\s-]+"
)
_TRAILING = re.compile(r"([\s,.;:]+|'s|’s|\s+(so far|alone|or so))$")


def clean_phrase(phrase: str) -> str:
    """Lower-case, collapse spaces, drop prepositions, approximators and period modifiers."""
    text = re.sub(r"\s+", " ", phrase.lower().replace("’", "'")).strip()
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING.sub("", _LEADING.sub("", text))
    return text
