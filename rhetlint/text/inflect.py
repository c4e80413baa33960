"""Generate inflected forms of English words, so lexicons list each word once.

Generation (base form -> surface forms) is more precise than stemming the text:
"slam" yields slams/slammed/slamming but never "slammer". Adjectives yield their -ly adverb
("brutal" -> "brutally"), which carries the same judgement.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

VOWELS = frozenset("aeiou")
# Two-syllable verbs stressed on the last syllable double their final consonant (admit -> admitted).
STRESSED_ENDINGS = ("mit", "cur", "fer", "pel", "gret", "but", "trol", "tol", "bed", "ret", "step")
# Verbs ending in -fer that are stressed on the first syllable and do not double.
UNSTRESSED_FER = frozenset({"offer", "differ", "suffer", "proffer", "buffer", "wafer"})

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


def _syllables(word: str) -> int:
    return sum(1 for i, c in enumerate(word) if c in VOWELS and (i == 0 or word[i - 1] not in VOWELS))


def _doubles(word: str) -> bool:
    if len(word) < 3 or word[-1] in "wxy" or word[-1] in VOWELS:
        return False
    # "qu" sounds as a consonant: quip -> quipped, equip -> equipped
    before_vowel_is_consonant = word[-3] not in VOWELS or word[-4:-2] == "qu"
    if not (word[-2] in VOWELS and before_vowel_is_consonant):
        return False
    syllables = _syllables(word) - (1 if "qu" in word[-4:-1] else 0)
    if syllables == 1:
        return True
    if word in UNSTRESSED_FER:
        return False
    return word.endswith(STRESSED_ENDINGS)


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
        if base.endswith(("s", "x", "z", "ch", "sh", "o")):
            return base + "es"
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
    if base.endswith("l") and base[-2:-1] in VOWELS and not _doubles(base) and _syllables(base) > 1:
        # British spelling doubles the l: "travelled" beside "traveled"
        forms.setdefault(base + "led", "past")
        forms.setdefault(base + "ling", "ing")
    return forms


def noun_plural(base: str) -> str:
    if base.endswith(("s", "x", "z", "ch", "sh")):
        return base + "es"
    if base.endswith("y") and len(base) > 1 and base[-2] not in VOWELS:
        return base[:-1] + "ies"
    if base.endswith("man"):
        return base[:-3] + "men"
    return base + "s"


def noun_forms(base: str) -> dict[str, str]:
    return {base: "base", noun_plural(base): "plural"}


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
