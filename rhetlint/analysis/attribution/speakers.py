"""Speakers: what kind of source a noun phrase names, and who it is when the text says.

A source is typed from its head word and the word lists ("officials" anonymous, "critics" vague, "the
ministry" an institution, a title, a document), from capitalisation (a name: a person, or an organisation
when an organisation word or acronym is in it) and from earlier text (pronouns, bare roles and surnames,
through ``coreference``). ``classify`` returns None for a noun phrase that does not look like a source,
which is how most false cues ("the plan says", "many goals conceded") are turned away. Which capitalised
words can be part of a name is decided here too (``function_word``, ``names_someone``), and ``mentions``
asks the same when it looks for where a name starts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.grammar import (
    AUX_SKIP,
    DEFINITE,
    IN_THE_KNOW,
    MAX_NP,
    NAME_DROP,
    NOT_NP_END,
    PRONOUNS,
    QUANTIFIERS,
    REFERRING,
    RELATIVES,
    SHARES,
    TIME_WORDS,
    bare,
    count_word,
    strip_possessive,
)
from rhetlint.analysis.attribution.lexicon import NEEDS_SOURCE_LIKE
from rhetlint.analysis.attribution.model import SpeakerGuess
from rhetlint.text.tokens import visible

if TYPE_CHECKING:
    from rhetlint.analysis.attribution.lexicon import CueLexicon
    from rhetlint.analysis.attribution.mentions import Subject
    from rhetlint.analysis.attribution.reading import Reading
    from rhetlint.text.tokens import Token

# Title-list words that qualify a role rather than name one ("senior", "former").
ROLE_MODIFIERS = frozenset(
    {
        "senior",
        "former",
        "acting",
        "interim",
        "state",
        "federal",
        "foreign",
        "vice",
        "deputy",
        "assistant",
        "associate",
        "prime",
        "press",
        "general",
        "chief",
    }
)
# Unnamed-source nouns that a definite mention refers back to ("the people", "the officials").
FOLLOW_UP_HEADS = frozenset(
    {
        "people",
        "person",
        "official",
        "officials",
        "source",
        "sources",
        "diplomat",
        "diplomats",
        "aide",
        "aides",
        "adviser",
        "advisers",
        "insider",
        "insiders",
    }
)
# Words that end a noun phrase's head and begin a modifier ("officials familiar with", "head of").
POSTMOD = frozenset(
    {
        "of",
        "at",
        "in",
        "for",
        "from",
        "with",
        "on",
        "familiar",
        "close",
        "who",
        "which",
        "that",
        "to",
        "under",
        "within",
        "inside",
        "outside",
        "near",
        "across",
        "between",
        "among",
        "representing",
        "working",
        "involved",
        "briefed",
        "knowledgeable",
        "aware",
        "based",
    }
)
# A year, which makes a study or census identifiable ("a 2019 study").
YEAR = re.compile(r"(?:1[89]|20)\d\d")
# Nouns whose evidence verbs ("found", "shows") are cues even when the subject is a person group.
RESEARCHERS = frozenset(
    {
        "researchers",
        "scientists",
        "investigators",
        "experts",
        "analysts",
        "economists",
        "auditors",
        "inspectors",
        "scholars",
        "historians",
        "pollsters",
        "researcher",
        "scientist",
        "economist",
        "analyst",
        "investigator",
        "auditor",
        "inspector",
    }
)
# Nouns that look like people, so an unknown subject of "said" is an unnamed person rather than a thing.
PERSON_SUFFIXES = (
    "er",
    "or",
    "ist",
    "ian",
    "ant",
    "ent",
    "man",
    "men",
    "woman",
    "women",
    "people",
    "person",
    "child",
    "children",
    "teen",
    "teens",
    "ers",
    "ors",
    "ists",
    "ians",
    "ants",
    "ents",
    "ee",
    "ees",
)
# Words that stand for a speaker by themselves ("he said", "another said").
PRONOUN_LIKE = frozenset(PRONOUNS) | REFERRING
# Heads that are an anonymous source when a modifier says they know ("people familiar with", "those who").
KNOWING_HEADS = ("people", "person", "those", "someone", "somebody", "one")


def classify(r: Reading, toks: list[Token], s: int, e: int, cls: str) -> SpeakerGuess | None:
    """Type the noun phrase toks[s:e] as a source, or None when it does not look like one."""
    words = toks[s:e]
    if not words:
        return None
    norms = [t.norm for t in words]
    if len(words) == 1 and norms[0] in PRONOUN_LIKE:
        return _pronoun(r, norms[0], words[0].start, cls)
    if len(norms) >= 3 and norms[-2] == "in" and count_word(norms[-1]) and count_word(norms[-3]):
        return SpeakerGuess(
            "vague", norms[-1], None, (), plural=True
        )  # "two in three", a share of those asked
    h = _head_index(words, norms, r.lex.org_words)
    head, known = _quantified_head(r.lex, words, norms, h)
    if not known:
        return _unknown_group(head, cls)
    place = _place(r, words, norms)
    if place is not None:
        return place
    if len(norms) == 2 and norms[0] in ("the", "these", "those") and head in FOLLOW_UP_HEADS:
        earlier = r.names.follow_up(head, words[0].start)
        if earlier is not None:
            return earlier
    if head in r.lex.documents:
        return _document(r, toks, s, e, h, head, cls)
    return _by_head(r, words, norms, h, head, cls)


def _pronoun(r: Reading, norm: str, offset: int, cls: str) -> SpeakerGuess | None:
    """A pronoun, resolved to the source it refers to, or "another", "both": someone unnamed."""
    if norm in REFERRING:
        return SpeakerGuess("anonymous", norm, None, (), True, norm != "another")  # "Another said"
    if norm == "it" and cls not in ("say", "according", "evidence"):
        return None
    if PRONOUNS[norm] == "self" and cls in ("belief", "stance", "as"):
        return None  # "I think", "we want": the writer's or speaker's own view, not a source
    return r.names.pronoun(norm, offset)


def _head_index(words: list[Token], norms: list[str], org_words: frozenset[str] = frozenset()) -> int:
    """The head: the last word before a modifier ("officials familiar with", "head of the agency"), except
    inside an organisation's name ("the Center for Constitutional Rights", "Ministry of Defence")."""
    for i in range(1, len(words)):
        if norms[i] in ("for", "of") and _name_goes_on(words, norms, i, org_words):
            continue
        if norms[i] in POSTMOD or (norms[i].endswith("ing") and words[i].text.islower()):
            return i - 1  # "officials familiar with …", "tourists visiting Jerusalem"
    return len(words) - 1


def _name_goes_on(words: list[Token], norms: list[str], i: int, org_words: frozenset[str]) -> bool:
    """Whether "for" or "of" at word i joins an organisation word to the rest of its capitalised name
    ("Center for Constitutional Rights"): a capitalised organisation word before it, a capitalised word
    after it (after "the" too)."""
    before = words[i - 1]
    if not before.text[:1].isupper() or norms[i - 1] not in org_words:
        return False
    j = i + 1
    if j < len(words) and norms[j] == "the":
        j += 1
    return j < len(words) and words[j].text[:1].isupper()


def _quantified_head(lex: CueLexicon, words: list[Token], norms: list[str], h: int) -> tuple[str, bool]:
    """The head word, and whether it is a known kind of source when a quantifier picks out part of it
    ("many experts", "some of the men"): people, a group or a document, not "many goals conceded"."""
    head = bare(norms[h])
    if (head in QUANTIFIERS or head in SHARES) and len(norms) > h + 2 and norms[h + 1] == "of":
        # "many of the cells", "some of the men": the group is the noun after "of"
        inner = bare(norms[-1])
        return inner, _names_people(lex, inner) or inner in ("people", "them", "us", "those")
    if norms[0] in QUANTIFIERS and len(norms) > 1 and head not in QUANTIFIERS:
        return head, _names_people(lex, head) or any(t.text[:1].isupper() for t in words[1 : h + 1])
    return head, True


def _names_people(lex: CueLexicon, noun: str) -> bool:
    """A noun for people, a group or a document: what a quantified subject must be ("many experts")."""
    return noun in lex.nouns or noun in lex.demonyms or noun.endswith(PERSON_SUFFIXES)


def _unknown_group(noun: str, cls: str) -> SpeakerGuess | None:
    """A quantified noun in no word list: an unnamed group only as the plural subject of "say" ("several
    delegate candidates said", "most of the candidates said")."""
    if cls != "say" or not noun.endswith("s"):
        return None  # "many goals conceded": a quantified subject must be people, a group or a document
    return SpeakerGuess("anonymous", noun, None, (), plural=True)


def _place(r: Reading, words: list[Token], norms: list[str]) -> SpeakerGuess | None:
    """A place or people standing for its government ("Moscow said", "the Israelis said")."""
    lex = r.lex
    lowered = " ".join(norms)
    the = norms[0] == "the"
    stripped = " ".join(norms[1:]) if the and len(norms) > 1 else lowered
    if (
        stripped in lex.places
        or (lowered in lex.demonyms and len(norms) == 1 and lowered.endswith("s"))
        or (the and stripped in lex.demonyms)
    ):
        if not (len(words) == 1 and r.names.surname(words[0].text, words[0].start)):
            return SpeakerGuess(
                "place-for-government", stripped, name_text(r, words), (), plural=stripped in lex.demonyms
            )
    return None


def _document(
    r: Reading, toks: list[Token], s: int, e: int, h: int, head: str, cls: str
) -> SpeakerGuess | None:
    """A document as the source ("the report", "a Pew survey", "a study by the ministry"): named after its
    owner or author when the text gives one."""
    lex = r.lex
    words = toks[s:e]
    pre = words[: h + 1]
    owner = [t for t in pre[:-1] if t.norm.endswith("'s") and t.text[:1].isupper()]
    if owner:
        owned = classify_name(r, pre[: pre.index(owner[-1]) + 1], head)
        return owned._replace(head=head)
    if e - s > h + 2 and words[h + 1].norm in ("from", "by", "of"):
        author = classify(r, toks, s + h + 2, e, "say")
        if author is not None and author.type != "vague":
            return author._replace(head=head)
    if _identifiable(lex, words, pre):
        # "the Pew survey", "a 2019 census": a document a reader can look up
        return SpeakerGuess("named-organisation", head, name_text(r, words), ())
    if words[0].norm in DEFINITE:
        return SpeakerGuess("named-organisation", head, None, ())
    if cls in ("say", "evidence", "according") or head in lex.vague:
        return SpeakerGuess("vague", head, None, (), plural=True)
    return None


def _identifiable(lex: CueLexicon, words: list[Token], pre: list[Token]) -> bool:
    """A document named by a capitalised word or a year ("the Pew survey", "a 2019 census")."""
    first = words[0]
    return (
        any(t.text[:1].isupper() and t.norm not in TIME_WORDS for t in pre[1:])
        or (
            first.text[:1].isupper()
            and first.norm not in lex.nouns
            and first.norm not in NAME_DROP
            and first.norm not in QUANTIFIERS
        )
        or any(YEAR.fullmatch(t.norm) for t in pre)
    )


def _by_head(
    r: Reading, words: list[Token], norms: list[str], h: int, head: str, cls: str
) -> SpeakerGuess | None:
    """Type a source by its head word: people in the know, an anonymous or an institutional head."""
    lex = r.lex
    if (
        cls == "evidence"
        and head not in RESEARCHERS
        and not any(t.text[:1].isupper() and t.norm not in lex.vague for t in words)
    ):
        return None  # an evidence verb ("found", "shows") needs researchers or a name as its subject
    if head in KNOWING_HEADS and (
        any(p in IN_THE_KNOW for p in norms[h + 1 :]) or norms[h + 1 : h + 2] == ["who"]
    ):
        return SpeakerGuess(
            "anonymous", head, None, (), plural=head != "person"
        )  # "two people who have seen it"
    if head in lex.anonymous:
        guess = r.names.role(words, words[: h + 1], head, "anonymous")
        if guess.type == "anonymous" and _unspecified_crowd(words, h, head):
            return guess._replace(type="vague")  # "officials said", "administration officials said"
        return guess
    if head in lex.institutions:
        return SpeakerGuess("named-organisation", head, name_text(r, words), (), plural=True)
    return _by_capitals(r, words, words[: h + 1], head, cls)


# Words that count the people a description stands for ("two officials", "a dozen aides").
COUNT_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve dozen dozens both pair couple".split()
)


# Office-holders who, named only as a plural crowd, are a vague source ("officials said").
CROWD_HEADS = frozenset({"officials", "members", "lawmakers", "legislators", "diplomats"})


def _unspecified_crowd(words: list[Token], h: int, head: str) -> bool:
    """A crowd of office-holders with no count and nothing after its head ("officials", "administration
    officials"): vague, not the specific unnamed source that "two officials familiar with the talks", "a
    senior official" or "sources close to the minister" is."""
    if head not in CROWD_HEADS or h + 1 < len(words):
        return False
    return not any(t.norm in COUNT_WORDS or t.norm.isdigit() for t in words[:h])


def _by_capitals(
    r: Reading, words: list[Token], pre: list[Token], head: str, cls: str
) -> SpeakerGuess | None:
    """Type a source by the capitalised words before its head: a named group, a bare role, a name."""
    lex = r.lex
    first = words[0].norm
    names = [t for t in pre if names_someone(r, t)]
    if head in lex.vague or first in QUANTIFIERS:
        if first in QUANTIFIERS or not names:
            return SpeakerGuess("vague", head, None, (), plural=True)
        return SpeakerGuess("named-organisation", head, name_text(r, words), (), plural=True)
    if (
        head in lex.titles
        and not _named_beside_title(r, pre)
        and not is_title_surname(r, words[len(pre) - 1])
    ):
        return r.names.role(words, pre, head, "anonymous")
    if names:
        return classify_name(r, pre, head, words)
    if head in lex.org_words:
        if any(t.text[:1].isupper() and t.norm not in NAME_DROP for t in pre):
            return SpeakerGuess("named-organisation", head, name_text(r, pre), (), plural=head.endswith("s"))
        return r.names.organisation(head, words[0].start, words)
    return _unlisted(words, head, cls)


def _named_beside_title(r: Reading, pre: list[Token]) -> bool:
    """Whether a title comes with a capitalised word that is no title ("Mayor Ruiz", not "the Mayor")."""
    lex = r.lex
    return any(
        t.norm not in lex.titles
        and t.text[:1].isupper()
        and t.norm not in lex.org_words
        and not function_word(r, t)
        for t in pre
    )


def _unlisted(words: list[Token], head: str, cls: str) -> SpeakerGuess | None:
    """A source whose head is in no word list and has no name: a person-like noun or a thing, when the cue
    does not need a source-like subject."""
    if cls in NEEDS_SOURCE_LIKE or cls == "evidence" or len(words) > MAX_NP:
        return None
    if head.endswith(PERSON_SUFFIXES) or head in ("man", "woman", "people"):
        return SpeakerGuess("anonymous", head, None, (), plural=head.endswith("s"))
    return SpeakerGuess("named-organisation", head, None, ())


# --- names -----------------------------------------------------------------------------------------------
def function_word(r: Reading, tok: Token) -> bool:
    """A word that cannot be part of a name: grammar words, titles, demonyms, times, initials."""
    n = tok.norm
    if (n in r.lex.not_names and not is_title_surname(r, tok)) or len(n) == 1:
        return True
    # a capitalised word opening a sentence may be any word: "Speaking to reporters", "Indeed"
    return (n.endswith(("ing", "ly", "ed")) or n in AUX_SKIP or n in NOT_NP_END) and r.doc.starts_sentence(
        tok.start
    )


def names_someone(r: Reading, tok: Token) -> bool:
    """A capitalised word that is not a grammar word, list noun or title: part of a name."""
    return (
        (tok.text[:1].isupper() or _brand_with_digits(tok.text))
        and not function_word(r, tok)
        and (
            bare(tok.norm) not in r.lex.nouns or bare(tok.norm) in r.lex.org_words or is_title_surname(r, tok)
        )
    )


def _brand_with_digits(text: str) -> bool:
    """A name that starts with a digit and has a capital letter in it ("3M", "7UP")."""
    return text[:1].isdigit() and any(c.isupper() for c in text)


def is_title_surname(r: Reading, tok: Token) -> bool:
    """A capitalised title word that is somebody's surname in this document ("Peter King", "Mr. King")."""
    return tok.norm in r.title_surnames and tok.text[:1].isupper()


def classify_name(r: Reading, pre: list[Token], head: str, words: list[Token] | None = None) -> SpeakerGuess:
    """A capitalised source: an organisation when an organisation word or acronym is in it, else a person."""
    roles_from = words or pre
    titled = _titled_name(r, pre)
    if titled is not None:
        pre = pre[titled:]
    elif _organisation_name(r, pre):
        return SpeakerGuess("named-organisation", head, name_text(r, pre), (), plural=head.endswith("s"))
    # after a possessive ("Breitbart's Joel Pollak") the name is what follows it
    cut = 0
    for i, t in enumerate(pre[:-1]):
        if t.norm.endswith("'s"):
            cut = i + 1
    return _person(r, pre[cut:], head, roles_from)


def _organisation_name(r: Reading, pre: list[Token]) -> bool:
    """ "The Ledger", or a name with an organisation word or an acronym in it ("Harbor Workers Union", "NATO")."""
    titles, org_words = r.lex.titles, r.lex.org_words
    if pre[0].norm == "the" and not any(bare(t.norm) in titles for t in pre):
        return True
    return any(
        bare(t.norm) in org_words or (t.text.isupper() and len(t.text) > 1 and t.norm != "i") for t in pre
    )


def _person(r: Reading, pre: list[Token], head: str, roles_from: list[Token]) -> SpeakerGuess:
    """A named person, with the titles given with the name; a lone place name stands for its government."""
    lex = r.lex
    roles = tuple(
        bare(t.norm)
        for t in roles_from
        if bare(t.norm) in lex.titles and t.norm not in ROLE_MODIFIERS and not is_title_surname(r, t)
    )
    parts = [t for t in pre if not function_word(r, t) and t.text[:1].isupper()]
    if not parts:
        return SpeakerGuess("named-person", head, None, roles)
    parts = parts[-3:]
    if len(parts) == 1:
        place = _lone_place(r, pre, parts[0], head, roles)
        if place is not None:
            return place
    name = " ".join(strip_possessive(t.text) for t in parts)
    if len(parts) == 1:
        name = r.names.surname(name, parts[0].start) or name
    return r.names.register(SpeakerGuess("named-person", bare(parts[-1].norm), name, roles))


def _lone_place(
    r: Reading, pre: list[Token], part: Token, head: str, roles: tuple[str, ...]
) -> SpeakerGuess | None:
    """A name that is only a place ("Florida said", "the Florida governor"): its government or a named
    office, unless it is the surname of someone named earlier."""
    if bare(part.norm) not in r.lex.places or not all(t is part or t.norm in NAME_DROP for t in pre):
        return None
    if head in r.lex.titles:
        return SpeakerGuess("named-person", head, None, roles)  # "the Florida governor": a named office
    if r.names.surname(part.text, part.start) is None:
        return SpeakerGuess("place-for-government", bare(part.norm), strip_possessive(part.text), ())
    return None


def _titled_name(r: Reading, pre: list[Token]) -> int | None:
    """Index after the last title word when a name follows it ("Board Chair Denis Marlowe")."""
    lex = r.lex
    last_title = None
    for i, t in enumerate(pre):
        if (
            bare(t.norm).rstrip(".") in lex.titles
            and t.norm not in ("state", "federal", "foreign")
            and not is_title_surname(r, t)
        ):
            last_title = i
    if last_title is None or last_title == len(pre) - 1:
        return None
    rest = pre[last_title + 1 :]
    if all(t.text[:1].isupper() and bare(t.norm) not in lex.org_words and not t.text.isupper() for t in rest):
        return last_title + 1
    return None


def name_text(r: Reading, words: list[Token]) -> str:
    """A source's name as written, without a leading article or possessive ("the port's" -> "port")."""
    while words and words[0].norm in NAME_DROP:
        words = words[1:]
    if not words:
        return ""
    return strip_possessive(visible(r.text[words[0].start : words[-1].end]))


def with_appositive_roles(r: Reading, toks: list[Token], src: Subject, guess: SpeakerGuess) -> SpeakerGuess:
    """Add the roles an appositive gives a named person ("Ana Ruiz, a spokeswoman for the port,")."""
    titles = r.lex.titles
    roles = list(guess.roles)
    for t in toks[src[3] : src[1]]:
        if t.norm in POSTMOD or t.norm in RELATIVES:
            break
        role = bare(t.norm)
        if role in titles and role not in roles and role not in ROLE_MODIFIERS:
            roles.append(role)
    if guess.speaker:
        r.names.add_roles(guess.speaker, roles)
    return guess._replace(roles=tuple(roles))
