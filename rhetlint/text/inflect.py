"""Generate inflected forms of English words, so lexicons list each word once.

Generation (base form -> surface forms) is more precise than stemming the text:
"slam" yields slams/slammed/slamming but never "slammer". Adjectives yield their -ly adverb
("brutal" -> "brutally"), which carries the same judgement.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

VOWELS = frozenset("aeiou")

VERB_FORMS = ("base", "3sg", "past", "pp", "ing")


@cache
def irregular_verbs() -> dict[str, tuple[str, str]]:
    """Return base -> (past, past participle) for irregular verbs shipped with the package."""
    table: dict[str, tuple[str, str]] = {}
    text = resources.files("rhetlint.data").joinpath("irregular_verbs.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            base, past, participle = line.split("\t")[:3]
            table[base] = (past, participle)
    return table


@cache
def irregular_lemmas() -> dict[str, str]:
    """Return surface form -> base form for irregular verbs."""
    lemmas: dict[str, str] = {}
    for base, (past, participle) in irregular_verbs().items():
        for form in past.split("/") + participle.split("/"):
            lemmas.setdefault(form, base)
    return lemmas


@cache
def doubling_verbs() -> frozenset[str]:
    """Verbs of several syllables that double their final consonant (admit -> admitted), shipped as data:
    doubling follows stress, which spelling does not show (limit -> limited, debut -> debuted)."""
    text = resources.files("rhetlint.data").joinpath("doubling_verbs.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def irregular_nouns() -> dict[str, tuple[str, ...]]:
    """Return singular -> plurals (the preferred first) for nouns the spelling rules get wrong."""
    table: dict[str, tuple[str, ...]] = {}
    text = resources.files("rhetlint.data").joinpath("irregular_nouns.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            singular, plurals = line.split("\t")[:2]
            table[singular] = tuple(plurals.split("/"))
    return table


def _syllables(word: str) -> int:
    """Vowel groups, with "qu" read as a consonant (quip has one syllable, equip two)."""
    word = word.replace("qu", "qw")
    return sum(1 for i, c in enumerate(word) if c in VOWELS and (i == 0 or word[i - 1] not in VOWELS))


def _doubles(word: str) -> bool:
    """Whether the final consonant doubles before -ed and -ing: a one-syllable verb ending in a single
    vowel and a consonant (slam, quip), or a listed verb of more syllables (admit, begin)."""
    word = word.lower()
    if word in doubling_verbs():
        return True
    if "-" in word:  # a compound doubles as its last word does: flip-flop -> flip-flopped
        return _doubles(word.rsplit("-", 1)[1])
    if len(word) < 3 or word[-1] in "wxy" or word[-1] in VOWELS or word[-2] not in VOWELS:
        return False
    if word[-3] in VOWELS and word[-4:-2] != "qu":  # "rain", "cool"; but "quip", "squat"
        return False
    return _syllables(word) == 1


def _suffixed(base: str, suffix: str) -> str:
    """Add "ed" or "ing" the regular way: a final c takes a k (panicked), a stressed final consonant doubles."""
    if base.endswith("c"):
        return base + "k" + suffix
    if _doubles(base):
        return base + base[-1] + suffix
    return base + suffix


def verb_form(base: str, form: str) -> str:
    """Return one form ("base", "3sg", "past", "pp", "ing") of a single-word verb."""
    if form == "base":
        return base
    if form == "3sg":
        if base in ("be",):
            return "is"
        if base in ("have",):
            return "has"
        if base.endswith(("s", "x", "z", "ch", "sh")) or (base.endswith("o") and base[-2:-1] not in VOWELS):
            return base + ("zes" if base.endswith("z") and _doubles(base) else "es")
        if base.endswith("y") and len(base) > 1 and base[-2] not in VOWELS:
            return base[:-1] + "ies"
        return base + "s"
    if form in ("past", "pp"):
        irregular = irregular_verbs().get(base)
        if irregular:
            return (irregular[0] if form == "past" else irregular[1]).split("/")[0]
        if base.endswith("e"):
            return base + "d"
        if base.endswith("y") and len(base) > 1 and base[-2] not in VOWELS:
            return base[:-1] + "ied"
        return _suffixed(base, "ed")
    if form == "ing":
        if base.endswith("ie"):
            return base[:-2] + "ying"
        if base.endswith("e") and not base.endswith(("ee", "ye", "oe")) and base != "be":
            return base[:-1] + "ing"
        return _suffixed(base, "ing")
    raise ValueError(f"unknown verb form {form!r}")


def verb_forms(base: str) -> dict[str, str]:
    """Return every surface form of a verb mapped to its form name (first name wins)."""
    forms: dict[str, str] = {}
    for name in VERB_FORMS:
        forms.setdefault(verb_form(base, name), name)
    irregular = irregular_verbs().get(base)
    if irregular:  # alternatives such as "dreamt/dreamed"
        for name, variants in (("past", irregular[0]), ("pp", irregular[1])):
            for variant in variants.split("/"):
                forms.setdefault(variant, name)
    single_vowel_l = base.endswith("l") and base[-2:-1] in VOWELS and base[-3:-2] not in VOWELS
    if single_vowel_l and not _doubles(base) and _syllables(base) > 1:
        # British spelling doubles the l: "travelled" beside "traveled"
        forms.setdefault(base + "led", "past")
        forms.setdefault(base + "ling", "ing")
    return forms


def noun_plurals(base: str) -> tuple[str, ...]:
    """The plural spellings of a one-word noun, the preferred first. A capitalised noun keeps its capital
    (German -> Germans); suffixes are lower case, as in "CEOs"."""
    lower = base.lower()
    irregular = irregular_nouns().get(lower)
    if irregular:
        return tuple(p[:1].upper() + p[1:] if base[:1].isupper() else p for p in irregular)
    if lower.endswith("sis"):  # crisis -> crises, analysis -> analyses
        return (base[:-2] + "es",)
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return (base + "es",)
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in VOWELS:
        return (base[:-1] + "ies",)
    if lower.endswith("man"):  # man -> men, spokesman -> spokesmen; human, German are in the table
        return (base[:-2] + "en",)
    return (base + "s",)


def noun_plural(base: str) -> str:
    """The preferred plural of a one-word noun."""
    return noun_plurals(base)[0]


def noun_forms(base: str) -> dict[str, str]:
    """Every surface form of a noun mapped to its form name ("base" or "plural")."""
    forms = {base: "base"}
    for plural in noun_plurals(base):
        forms.setdefault(plural, "plural")
    return forms


# Adjectives whose -ly adverb does not follow the spelling rules below.
IRREGULAR_ADVERBS = {
    "true": "truly",
    "due": "duly",
    "whole": "wholly",
    "public": "publicly",
    "shy": "shyly",
    "sly": "slyly",
    "dry": "dryly",
    "coy": "coyly",
}


def adverb_of(adjective: str) -> str | None:
    """The -ly adverb of a one-word adjective, or None when it has none ("friendly", "ugly")."""
    word = adjective.lower()
    if word in IRREGULAR_ADVERBS:
        return IRREGULAR_ADVERBS[word]
    if not word.isascii() or not word.replace("-", "").isalpha() or word.endswith("ly") or len(word) < 3:
        return None
    if word.endswith("le") and word[-3] not in VOWELS:
        return word[:-1] + "y"  # terrible -> terribly
    if word.endswith("ic"):
        return word + "ally"  # horrific -> horrifically
    if word.endswith("y") and word[-2] not in VOWELS:
        return word[:-1] + "ily"  # angry -> angrily
    if word.endswith("ll"):
        return word + "y"  # dull -> dully
    return word + "ly"


def inflect_like(base: str, pos: str, form: str) -> str:
    """Put ``base`` (a verb or noun, possibly a phrase headed by its first word) in ``form``."""
    words = base.split(" ")
    if pos == "verb" and form in VERB_FORMS:
        words[0] = verb_form(words[0], form)
    elif pos == "noun" and form == "plural":
        words[-1] = noun_plural(words[-1])
    return " ".join(words)
