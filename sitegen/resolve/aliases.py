"""A page's aliases: the other names its mentions and titles write, without odd one-offs.

Aliases are what search finds a page by and what its header lists. On an archive, the names
written once include the noise of real text: a quoted headline's verb ("George W. Bush Has"),
wiki markup ("Saddam Hussein Infobox"), a modifier ("first European Union"), stray punctuation
("Ontario-", "UK£", "President . Bush"). ``title.no-odd-alias`` keeps a name written once only
when it does not merely add words to another of the page's names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from sitegen.resolve.names import clean_name, name_key, name_tokens
from sitegen.rules import rule

EDGE_JUNK = re.compile(r"^[^\w(\[]+|[^\w.)\]'’]+$")
"""Punctuation before a name's first word or after its last ("-Texas", "Ontario-", "UK£")."""
MIN_WRITTEN = 2
"""Times a name must be written to stay an alias when it adds words to another name."""

ODD_ALIAS = rule(
    "title.no-odd-alias",
    "title",
    "A name written once that adds words to another of the page's names ('George W. Bush Has') "
    "or cuts them at a middle initial ('W. Bush') is no alias; stray punctuation and lower-case "
    "words before a name are cut from the others.",
    examples=[
        {
            "articles": [f"Zelda Quorn spoke on day {n}." for n in range(1, 6)]
            + ["Zelda Quorn Category wrote."],
            "page": "Zelda Quorn",
            "kind": "person",
            "no_alias": ["Zelda Quorn Category"],
        }
    ],
)


ALL_LOWER_LEAD = re.compile(r"^(?:[a-z]+\s+)+(?=\S)")
"""Lower-case words before a name, particles included ("de Saddam Hussein")."""
LOWER_LEAD = re.compile(r"^(?:(?!(?:al|el|de|da|di|du|la|le|van|von|bin|ibn)\b)[a-z]+\s+)+(?=\S)")
"""Lower-case words before a name ("first European Union", "west London", "this White
House"): not part of it; name particles ("al", "de", "van", "bin") are."""


def written_form(text: str) -> str:
    """A name as written, tidied: single spaces, no editorial brackets, no possessive, no
    punctuation before its first word or after its last, no lower-case words before it."""
    return EDGE_JUNK.sub("", LOWER_LEAD.sub("", clean_name(text)))


def page_aliases(
    name: str, written: Iterable[str], titled: Iterable[str] = (), odd: Iterable[str] = ()
) -> list[str]:
    """The aliases of a page named ``name`` whose mentions write ``written`` (one item per
    time written) and whose titles make ``titled`` ("Prime Minister Jane Doe": always an
    alias, a reader may search by it), sorted, the name itself left out. ``odd`` are names
    already known to be odd variants ("George W. Bush Has", ``merge.join_rare_variants``)."""
    counts = Counter(form for form in (written_form(text) for text in written) if form)
    known = [name] + [
        form for form, count in counts.items() if count >= MIN_WRITTEN and " " in form
    ]  # a family name is in many full names: "George W Bush" adds no odd words to "Bush"
    names = {name_key(other) for other in known}
    odd_keys = {name_key(written_form(text)) for text in odd}
    kept = {
        form
        for form, count in counts.items()
        if form != name and not (ODD_ALIAS.on and _is_odd(form, count, known, names, odd_keys))
    }
    if ODD_ALIAS.on:
        ODD_ALIAS.fired(len(counts) - len(kept) - (name in counts))
    kept |= {
        form
        for form in map(written_form, titled)
        if form and form != name and not (ODD_ALIAS.on and _after_lower_words(form, names))
    }
    return sorted(kept, key=lambda alias: (alias.casefold(), alias))


def _is_odd(form: str, count: int, known: list[str], names: set[str], odd: set[str]) -> bool:
    """An odd variant, a name without a capital letter ("house" of the White House), a known
    name after lower-case words ("de Saddam Hussein", written so twice), or a name written
    once that adds words to a known one."""
    if name_key(form) in odd or not any(char.isupper() for char in form):
        return True
    if _after_lower_words(form, names):
        return True
    return count < MIN_WRITTEN and (_adds_words(form, known) or _cut_at_an_initial(form, known))


def _cut_at_an_initial(form: str, known: list[str]) -> bool:
    """ "W. Bush" of "George W. Bush": a known name with its first words cut off, starting at
    a middle initial."""
    words = name_tokens(form)
    if not words or len(words[0].rstrip(".")) != 1:
        return False
    return any(
        len(other) > len(words) and other[-len(words) :] == words
        for other in map(name_tokens, known)
    )


def _after_lower_words(form: str, names: set[str]) -> bool:
    """ "de Saddam Hussein": lower-case words, particles too, before one of the ``names``
    (keys), or before a name with further words after it ("de Saddam Hussein e de usar")."""
    bare = ALL_LOWER_LEAD.sub("", form)
    if bare == form:
        return False
    key = name_key(bare)
    return key in names or any(key.startswith(f"{name} ") for name in names)


def _adds_words(form: str, known: list[str]) -> bool:
    """``form`` holds one of the ``known`` names and more words ("Saddam Hussein Infobox")."""
    words = name_tokens(form)
    for other in known:
        part = name_tokens(other)
        if not part or len(part) >= len(words) or name_key(other) == name_key(form):
            continue
        if any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1)):
            return True
    return False
