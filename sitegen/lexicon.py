"""Small closed word classes of general English used by extraction (no article knowledge)."""

from __future__ import annotations

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam", "mme", "m"})
"""Forms of address: evidence that a name is a person's, but not a role."""

TITLES = frozenset(
    {
        "president",
        "vice president",
        "prime minister",
        "deputy prime minister",
        "premier",
        "minister",
        "foreign minister",
        "finance minister",
        "chancellor",
        "secretary",
        "secretary of state",
        "senator",
        "sen",
        "representative",
        "rep",
        "congressman",
        "congresswoman",
        "governor",
        "gov",
        "mayor",
        "judge",
        "justice",
        "chief justice",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "pope",
        "lord",
        "lady",
        "general",
        "gen",
        "colonel",
        "col",
        "captain",
        "capt",
        "lieutenant",
        "lt",
        "sergeant",
        "sgt",
        "admiral",
        "adm",
        "major",
        "commander",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "chief executive",
        "ambassador",
        "bishop",
        "archbishop",
        "cardinal",
        "rev",
        "reverend",
        "father",
        "rabbi",
        "imam",
        "sheikh",
        "speaker",
        "director",
        "commissioner",
        "inspector",
        "detective",
        "officer",
        "coach",
        "professor",
        "prof",
        "dean",
        "attorney general",
        "prosecutor",
        "councillor",
        "councilman",
        "councilwoman",
        "ayatollah",
        "chief",
        "president-elect",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "founder",
        "co-founder",
        "analyst",
        "economist",
        "author",
    }
)
"""Titles before a name: role evidence and person evidence ("Premier Li Qiang")."""

TITLE_MAX_WORDS = max(len(title.split()) for title in TITLES)

PRONOUNS = frozenset(
    {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "i", "we"}
)


def title_key(words: str) -> str:
    """Normalize title words for lookup: lower case, no dots ("Mr." -> "mr")."""
    return " ".join(words.lower().replace(".", "").split())


def is_title(words: str) -> bool:
    key = title_key(words)
    return key in TITLES or key in HONORIFICS


def is_honorific(words: str) -> bool:
    return title_key(words) in HONORIFICS
