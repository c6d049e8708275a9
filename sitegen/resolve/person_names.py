"""Evidence that a name is a person's, read from the name's own words and the text around
it (general evidence, no list of particular people):

- a full name whose first word is a given name, as the text writes it ("Thibaut Vermeulen";
  not "Moon Walk" in a text that writes "the moon");
"""

from __future__ import annotations

import functools

from sitegen.lexicon import (
    is_common_given_name,
    is_given_name,
)
from sitegen.resolve.names import LOWER_WORD


def lowercase_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case: common words, not names, where a given name
    is one too ("the moon", "a fan")."""
    return frozenset(LOWER_WORD.findall(text))


def is_given_name_in(word: str, lowercase: frozenset[str]) -> bool:
    """ "Paul", "Thibaut": a given name in a text that writes ``lowercase`` in lower case: a
    common one of the census lists, or one of another country that the text does not also
    write as a common word ("Moon" beside "the moon", "Fan" beside "a fan")."""
    key = word.lower()
    return is_common_given_name(key) or (is_given_name(key) and key not in lowercase)


@functools.lru_cache(maxsize=1 << 16)
def looks_like_full_name(name: str) -> bool:
    """ "Annie Oakley", "Thibaut Vermeulen": two or three capitalized words, the first a given
    name (``is_given_name``): evidence of a person against an organization label (a name
    tagged as a place, "Hong Kong", is not voted on)."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not is_given_name(words[0]):
        return False
    return all(
        word[:1].isupper()
        and word.replace("-", "").replace(".", "").isalpha()
        and not word.isupper()
        for word in words
    )
