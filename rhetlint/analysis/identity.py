"""Speaker identity: one source per person, however the story names them.

The attribution analysis reads each reporting clause on its own, so one person can reach the source table
several times: with a title ("National Security Adviser John Bolton") and without ("John Bolton"), by
surname ("Bolton", "Mr. Bolton"), by role before the name ("the city's fire chief ... Fire Chief Allen
Porter"), or as a pronoun ("he said"). This pass, run once over the grouped sources, splits titles and
affiliations from names, then merges what the story makes plain is one source:

- a title or an organisation before a personal name is a role and an affiliation, not part of the name;
- a surname (with or without an honorific) joins the one full name in the story that ends with it;
- a role used as a source ("the fire chief said") joins the one named person who carries that title;
- a role used before a name ("a retired general ... Gen. Ana Price") joins that person only when the words
  narrowing the role match; a group never becomes one person;
- a pronoun joins the nearest person (he, she) or organisation or group (they, it) named before it, and is
  dropped when the story names none; the writer's own "I" and "we" credit nobody.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.grammar import LINK_CLUTTER
from rhetlint.analysis.attribution.speakers import COUNT_WORDS as SPEAKER_COUNT_WORDS
from rhetlint.analysis.organisations import (
    GENERIC_HEADS,
    Organisation,
    StoryOrganisations,
    story_organisations,
)
from rhetlint.analysis.wordlists import word_set
from rhetlint.model.document import Span

if TYPE_CHECKING:
    from rhetlint.analysis.sources import Source
    from rhetlint.model.document import Document

__all__ = ["resolve_identities", "split_name"]

# Honorifics that stand before a surname and are never part of it.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "rev", "fr", "prof"})
# Lower-case words inside personal names ("Bill de Blasio", "Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    {"de", "del", "della", "der", "van", "von", "bin", "al", "da", "di", "du", "la", "le"}
)
# Lower-case nouns for a person that may stand before a name without being a title ("council member Mara
# Quist", "longtime resident Ana Ruiz").
PERSON_NOUNS = frozenset(
    "member resident activist volunteer student teacher nurse worker organizer organiser voter parent "
    "neighbor neighbour owner farmer veteran".split()
)
# Descriptions that do not narrow down who a role is ("a retired general" is Gen. Ana Price).
NOT_NARROWING = frozenset({"retired", "former", "senior", "top", "longtime", "veteran", "outgoing", "new"})
# Generational suffixes and other tokens that may end a personal name.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Pronouns that can stand as a speaker, and the kind of source each refers to.
PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"they", "it"})
# The writer's own voice ("I said that was nonsense", "we said in our editorial"): nobody to credit.
WRITER_PRONOUNS = frozenset({"i", "we"})
NAMED = ("named-person", "named-organisation")
# Abbreviated and plural titles, as the role they name: "Gen. Ana Price" is the general, "two committee
# chairmen" are chairmen.
ROLE_FORMS = {
    "gen": "general",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "maj": "major",
    "cmdr": "commander",
    "prof": "professor",
    "dr": "doctor",
    "supt": "superintendent",
    "atty": "attorney",
    "amb": "ambassador",
    "chairmen": "chairman",
    "chairwomen": "chairwoman",
    "spokesmen": "spokesman",
    "spokeswomen": "spokeswoman",
    "congressmen": "congressman",
    "congresswomen": "congresswoman",
    "councilmen": "councilman",
}
# Documents credited with words: the words are their author's ("a statement from the company said").
DOCUMENTS = frozenset(
    {
        "statement",
        "report",
        "memo",
        "letter",
        "study",
        "email",
        "release",
        "complaint",
        "filing",
        "survey",
        "document",
        "notice",
        "analysis",
        "review",
        "audit",
    }
)
# How far back a document or a description ("the company") looks for the body it stands for.
ANTECEDENT_WINDOW = 600
# Leading words of an affiliation that name nothing ("the", a possessive's owner keeps its "'s" stripped).
DETERMINERS = frozenset({"the", "a", "an", "former", "then", "now"})
POSSESSIVE = re.compile(r"[’']s$")
# An organisation's name as written: capitalised words, with "of", "for", "and", "&" or "the" inside.
_ORG = r"(?:[A-Z][\w.&’'-]*|\d[\w-]*)(?:\s+(?:(?:of|for|and|&|the|de)\s+)?(?:[A-Z][\w.&’'-]*|\d[\w-]*)){0,6}"
# An organisation named inside a role description: "a spokeswoman for Dalton Logistics".
ROLE_FOR = re.compile(r"\b(?:for|of|at|with|from)\s+(?:the\s+)?(" + _ORG + r")")
# What follows a name to say whom the person speaks for: ", a spokeswoman for the Port Authority",
# ", president of Local 218 of the warehouse workers' union", ", the union's chief negotiator",
# ", a department spokeswoman".
APPOSITIVE = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?(?:"
    r"(?P<role>(?:[\w-]+\s+){1,4}?)(?:of|for|at|with|from)\s+(?:the\s+)?(?P<org>"
    + _ORG
    + r"|(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)"
    r"|(?P<owner>" + _ORG + r"|[a-z][\w-]*(?:\s+[a-z][\w-]*)?)[’']s\s+(?:[\w-]+\s+){0,2}[\w-]+"
    r"|(?P<unit>[a-z][\w-]*)\s+(?:[\w-]+\s+)?(?:spokes(?:wo)?man|spokesperson|official|lawyer|attorney)"
    r")"
)


def role(word: str) -> str:
    """A title or role word in one form: abbreviations spelt out, plurals made singular."""
    bare = _bare(word)
    bare = ROLE_FORMS.get(bare, bare)
    if bare.endswith("s") and not bare.endswith("ss") and bare[:-1] in word_set("attribution_titles"):
        bare = bare[:-1]
    return bare


def _bare(token: str) -> str:
    """A token as the word lists spell it: lower case, no trailing full stop or possessive."""
    return POSSESSIVE.sub("", token).rstrip(".,").lower()


def _is_title(token: str) -> bool:
    """A title or role word ("Sen.", "Sen.-elect", "Adviser", "Publisher")."""
    titles = word_set("attribution_titles")
    parts = [part.rstrip(".") for part in _bare(token).split("-") if part]
    return any(part in titles or ROLE_FORMS.get(part) in titles for part in parts)


def _is_name_token(token: str) -> bool:
    """A word that can be part of a personal name: capitalised, an initial, a suffix or a particle ("de",
    "van"), not a title or an organisation word."""
    bare = _bare(token)
    if token in NAME_PARTICLES:
        return True
    if not bare or not token[0].isupper() and bare not in NAME_SUFFIXES:
        return False
    if bare in NAME_SUFFIXES or re.fullmatch(r"[A-Z]\.", token):
        return True
    return not _is_title(token) and bare not in word_set("attribution_org_words") and bare not in HONORIFICS


def split_name(name: str) -> tuple[str, tuple[str, ...], str]:
    """Split a written name into (personal name, roles, affiliation).

    ``"New York Times Publisher Arthur Sulzberger Jr."`` gives ``("Arthur Sulzberger Jr.", ("publisher",),
    "New York Times")``; a name with no title or organisation before it comes back unchanged with no roles.
    """
    tokens = name.split()
    if "of" in tokens or "for" in tokens:
        # "University of Michigan", "Secretary of State", "Center for Constitutional Rights": a body or office
        return name, (), ""
    k = len(tokens)
    # the last word may be a surname that is also a title ("Steve King", "Mr. Sheriff")
    if k > 1 and tokens[-1][:1].isupper() and _bare(tokens[-1]) not in word_set("attribution_org_words"):
        k -= 1
    while k > 0 and _is_name_token(tokens[k - 1]):
        k -= 1
    personal, prefix = tokens[k:], tokens[:k]
    # a personal name has two words, or one after a title or honorific ("Sen. Warren", "Mr. King")
    if (
        not prefix
        or not personal
        or (
            len(personal) < 2
            and not _is_title(prefix[-1])
            and _bare(prefix[-1]) not in HONORIFICS
            and not prefix[-1].islower()
        )
    ):
        return name, (), ""
    roles = tuple(role(t) for t in prefix if _is_title(t) or _bare(t) in HONORIFICS)
    if not roles and not any(_bare(t) in word_set("attribution_org_words") for t in prefix):
        if all(t.islower() for t in prefix):
            return " ".join(personal), (), ""  # words the clause ran on with ("first time Trump")
        return name, (), ""  # "Steve" "King" stays as written: nothing marks a title or an organisation
    owner = [t for t in prefix if not _is_title(t) and _bare(t) not in HONORIFICS]
    while owner and owner[0].lower() in DETERMINERS:
        owner.pop(0)
    affiliation = " ".join(POSSESSIVE.sub("", t) for t in owner if t[:1].isupper() or t[:1].isdigit())
    return " ".join(personal), roles, affiliation


def surname(name: str) -> str:
    """A name's last word, lower case, without "Jr." and the like: "Arthur Sulzberger Jr." -> "sulzberger"."""
    tokens = [t for t in name.split() if _bare(t) not in NAME_SUFFIXES]
    return _bare(tokens[-1]) if tokens else ""


def _merge(into: Source, other: Source) -> None:
    into.mentions.extend(other.mentions)  # sorted once, when the pass ends
    into.attributions.extend(other.attributions)
    into.quoted_words += other.quoted_words
    into.has_direct_quote = into.has_direct_quote or other.has_direct_quote
    into.first_offset = min(into.first_offset, other.first_offset)
    into.roles = tuple(dict.fromkeys(into.roles + other.roles))
    if not into.affiliation and other.affiliation:
        into.affiliation, into.affiliation_evidence = other.affiliation, other.affiliation_evidence


def _split_titles(doc: Document, sources: list[Source]) -> None:
    """Take titles and organisations out of names; keep them as roles and affiliation."""
    for source in sources:
        if source.type == "named-organisation" and source.name.islower() and source.mentions:
            # "a conservation group, Friends of Coldwater Creek, said": the group's own name follows
            written = doc.source[source.mentions[0].start : source.mentions[0].end]
            named = re.search(r",\s+(?:the\s+)?(" + _ORG + r")\s*,?\s*$", written)
            if named:
                source.name = named.group(1)
        if source.type == "named-person" and not any(w[:1].isupper() for w in source.name.split()):
            source.type = "anonymous"  # "the city's fire chief": a role, not a name
        if source.type == "anonymous":
            source.roles = tuple(
                dict.fromkeys(source.roles + tuple(role(w) for w in source.name.split() if _is_title(w)))
            )
        if source.type not in NAMED:
            continue
        source.name = " ".join(source.name.split())  # a name that wraps across lines in the draft
        personal, roles, affiliation = split_name(source.name)
        if personal != source.name:
            dropped = source.name[: len(source.name) - len(personal)].split()
            source.name = personal
            if (
                roles
                or affiliation
                or (dropped and dropped[-1] in PERSON_NOUNS and len(personal.split()) > 1)
            ):
                # a title or an organisation before a personal name, or a lower-case noun for a person
                # ("council member Mara Quist", not "the drugmaker Acme Pharma"): a person
                source.type = "named-person"
        for mention in source.mentions:
            written = doc.source[mention.start : mention.end]
            parts = written.split(",")
            head = parts[0]
            _, more_roles, more_affiliation = split_name(" ".join(head.split()))
            if len(parts) > 1 and source.name in " ".join(parts[1].split()) and not more_roles:
                # "The union's chief negotiator, Jana Kowalski": the role comes first, the name after
                more_roles, more_affiliation = _role_phrase(head)
            roles += more_roles
            if more_affiliation and not affiliation:
                affiliation = more_affiliation
            if affiliation and source.affiliation_evidence is None and affiliation in written:
                at = mention.start + written.index(affiliation)
                source.affiliation_evidence = Span(at, at + len(affiliation), affiliation)
        source.roles = tuple(dict.fromkeys(source.roles + roles))
        if roles and source.type != "named-person":
            source.type = "named-person"
        if affiliation and not source.affiliation:
            source.affiliation = affiliation


# Words that count the people a description stands for ("two officials", "a dozen aides").
COUNT_WORDS = SPEAKER_COUNT_WORDS | {"several"}
# Plural nouns for people who comment on a story without being party to it ("analysts", "experts").
COMMENTATORS = frozenset(
    "analysts experts economists observers commentators strategists scholars historians academics "
    "specialists consultants insiders watchers".split()
)
# Heads of a group that "one of" or "some of" picks a member from ("one of the people", "two of them").
MEMBERS_OF = re.compile(
    r"^of\s+(?:the\s+|these\s+|those\s+)?(people|officials|sources|aides|them|those)\b", re.I
)


# Words that open a clause fragment, never a speaker's name ("by top officials who", "up against a ...").
FRAGMENT_STARTS = frozenset(
    {"by", "against", "up", "to", "with", "for", "from", "about", "on", "at", "where"}
)
# Unnamed plural groups that stand for a crowd unless counted or described ("federal scientists said").
UNCOUNTED_GROUPS = frozenset({"scientists", "researchers", "experts", "analysts", "economists", "officials"})


def _is_furniture(doc: Document, source: Source) -> bool:
    """A kicker or label set in capitals ("SYRIA CRISIS", "INSIDE TRUMP WORLD", "SCOOP"), not a speaker."""
    if not source.mentions:
        return False
    written = [doc.source[m.start : m.end] for m in source.mentions]
    letters = [w for w in written if any(c.isalpha() for c in w)]
    if not letters or not all(w.isupper() for w in letters):
        return False
    words = source.name.split()
    org_words = word_set("attribution_org_words")
    return len(words) > 1 or (len(words[0]) > 4 and _bare(words[0]) not in org_words)


# Office-holders whose crowd speaks for the body named before them ("FBI officials", "Pentagon officials").
CROWD_OF = frozenset({"officials", "spokesmen", "spokespeople", "representatives", "leaders"})


def _named_body(word: str) -> bool:
    """A capitalised acronym or organisation word ("FBI", "Pentagon"), not a demonym or a place ("Chinese"),
    nor a lower-case word ("administration officials" are a crowd)."""
    bare = _bare(word)
    return word[:1].isupper() and (
        (word.isupper() and len(word) > 1) or bare in word_set("attribution_org_words")
    )


# Words that name no one the story credits: the reader, a fragment of a quantifier ("other"), a relative
# pronoun left by "some of whom said".
NOBODY = frozenset({"you", "other", "of whom", "of which", "please"})


def _common_word(source: Source, lower_case: set[str], org_words: frozenset[str]) -> bool:
    """A one-word "name" the story also writes in lower case, that is no given name, organisation word,
    institution ("Police said") or acronym: an ordinary word that opened a sentence or a line ("Please",
    "Terrorist")."""
    words = source.name.split()
    if len(words) != 1 or source.type not in NAMED or words[0].isupper() or not words[0][:1].isupper():
        return False
    bare = _bare(words[0])
    return (
        bare in lower_case
        and bare not in org_words
        and bare not in word_set("attribution_institutions")
        and bare not in word_set("given_names")
    )


def _people_names(doc: Document) -> set[str]:
    """Given names, and the capitalised words the story writes right after one ("Robert Mueller")."""
    given = word_set("given_names")
    names = set(given)
    tokens = doc.tokens
    for k in range(1, len(tokens)):
        if tokens[k - 1].norm in given and tokens[k - 1].text[:1].isupper() and tokens[k].text[:1].isupper():
            names.add(tokens[k].norm)
    return names


def _run_together(words: list[str], names: set[str] | None) -> bool:
    """A name with a person's name run together with another word ("MuellerSpeier" where the story names
    Robert Mueller, "TrumpKamala"): link text pasted from a web page, not a speaker. A brand written that
    way ("ThinkProgress") is made of words that are nobody's name. ``names`` holds the given names and the
    words the story writes after one (lower case)."""
    if names is None:
        return False
    for word in words:
        if LINK_CLUTTER.search(word):
            parts = re.findall(r"[A-Z][a-z]+", word)
            if len(parts) > 1 and any(part.lower() in names for part in parts):
                return True
    return False


def _retype_groups(doc: Document, sources: list[Source]) -> None:
    """Correct the type of groups the clause reading took for names: "Industry analysts" at a sentence
    start is a vague group, not an organisation, and "(One) of the people" is one of an unnamed group;
    a plural group named only in lower case ("security experts", "unofficial results") is vague; page
    kickers in capitals and clause fragments ("by top officials who") are no source at all."""
    org_words = word_set("attribution_org_words")
    lower_case = story_organisations(doc).lower_case
    names: set[str] | None = None
    for source in sources:
        words = source.name.split()
        if names is None and any(LINK_CLUTTER.search(word) for word in words):
            names = _people_names(doc)
        if words and (
            words[0].lower() in FRAGMENT_STARTS
            or _is_furniture(doc, source)
            or source.name.lower() in NOBODY  # "(some) of whom", "you", "Please"
            or _run_together(words, names)  # "Swan MuellerSpeier": link text run together
            or _common_word(source, lower_case, org_words)
        ):
            source.type = "none"
            continue
        if (
            source.type == "anonymous"
            and words
            and words[-1].lower() in UNCOUNTED_GROUPS
            and not any(w.lower() in COUNT_WORDS or w.isdigit() or w[:1].isupper() for w in words)
            and not any(" familiar " in doc.text[m.start : m.end] for m in source.mentions)
        ):
            source.type = "vague"  # "federal scientists said"
            continue
        if (
            source.type == "vague"
            and source.mentions
            and len(words) == 2
            and words[1].lower() in CROWD_OF
            and _named_body(words[0])
            and (words[0].isupper() or not doc.starts_sentence(min(source.mentions).start))
        ):
            source.type = "named-organisation"  # "FBI officials said": the FBI speaks
            continue
        if source.type == "named-organisation" and source.name == "authorities":
            source.type = "vague"  # "authorities said": no body in particular
            continue
        if (
            source.type == "named-organisation"
            and len(words) > 1
            and all(w.islower() for w in words)
            and words[-1].endswith("s")
            and not words[-1].endswith("ss")
            and not any(_bare(w) in word_set("attribution_documents") for w in words)
        ):
            source.type = "vague"  # "security experts", "friends or family of the accusers"
            continue
        if source.type != "named-organisation" or not words or not source.mentions:
            continue
        member = MEMBERS_OF.match(source.name)
        if member:
            source.type, source.name = "anonymous", member.group(1).lower()
            continue
        if (
            2 <= len(words) <= 3
            and _bare(words[0]) in word_set("given_names")
            and all(w[:1].isupper() and not w.isupper() for w in words)
            and not any(_bare(w) in org_words for w in words)
        ):
            source.type = "named-person"  # "Eric Liu", "Jimmie Johnson": a given name and a surname
            continue
        if (
            len(words) == 2
            and words[1] in COMMENTATORS
            and _bare(words[0]) not in org_words
            and doc.starts_sentence(source.mentions[0].start)
            and _bare(words[0]) not in story_organisations(doc).by_name
        ):
            source.type = "vague"  # "Industry analysts say", "Legal experts believe"


def _role_phrase(phrase: str) -> tuple[tuple[str, ...], str]:
    """The roles and the organisation in a role description ("the union's chief negotiator")."""
    words = phrase.split()
    roles = tuple(role(w) for w in words if _is_title(w))
    owner = next(
        (POSSESSIVE.sub("", w) for w in words if POSSESSIVE.search(w) or w.lower() in ("its", "their")), ""
    )
    return roles, owner


def _appositive(doc: Document, mention: Span) -> Span | None:
    """The organisation an appositive after ``mention`` ties the person to, as a span of the text."""
    written = doc.text[mention.start : mention.end]
    comma = written.find(",")
    origin = mention.start + comma if comma >= 0 else mention.end  # the appositive may be inside the mention
    after = doc.text[origin : origin + 160]
    m = APPOSITIVE.match(after)
    if m is None:
        return None
    if m.group("org") and not any(_is_title(w) for w in m.group("role").split()):
        return None  # "a resident of Springfield", "a critic of the Port Authority": not whom they speak for
    for group in ("org", "owner", "unit"):
        if m.group(group):
            start, end = origin + m.start(group), origin + m.end(group)
            words = doc.text[start:end]
            if (
                group == "org"
                and words[:1].islower()
                and not any(w in word_set("attribution_org_words") for w in words.lower().split())
            ):
                return None  # "a member of several boards": not an organisation the story names
            return Span(start, end, words)
    return None


def _find_affiliations(doc: Document, sources: list[Source]) -> None:
    for source in sources:
        if source.affiliation or source.type not in ("named-person", "anonymous"):
            continue
        for mention in source.mentions:
            found = _appositive(doc, mention)
            if found is None and source.type == "anonymous":
                inner = ROLE_FOR.search(doc.text, mention.start, mention.end)  # "a spokeswoman for Dalton"
                if inner is not None:
                    found = Span(inner.start(1), inner.end(1), inner.group(1))
            if found is not None and len(found.text.split()) <= 6 and ":" not in found.text:
                source.affiliation, source.affiliation_evidence = " ".join(found.text.split()), found
                break


# Titles of people who run or speak for an organisation: introduced by title alone after the story names an
# organisation ("General Manager Felix Harlan"), they speak for it.
ORGANISATION_ROLES = frozenset(
    "manager chair chairman chairwoman chairperson officer director executive ceo spokesman spokeswoman "
    "spokesperson founder owner steward negotiator organizer organiser treasurer superintendent administrator "
    "principal coach".split()
)


def _name_organisations(doc: Document, sources: list[Source]) -> None:
    """Give an organisation named by description ("the company", "the health system") or by a short form
    ("Halden", "Corvane") the name the story gives it ("Halden Mills"), so that one body is one source."""
    orgs = story_organisations(doc)
    surnames = {surname(s.name) for s in sources if s.type == "named-person" and len(s.name.split()) > 1}
    for source in sources:
        words = source.name.split()
        if not words or not source.mentions:
            continue
        first = min(m.start for m in source.mentions)
        if source.type == "named-organisation" and not source.name.islower() and source.name[:1].islower():
            org = orgs.within(source.name)  # "of the Harwick Hawks minor league baseball team"
        elif source.type == "named-organisation" and source.name.islower() and len(words) <= 2:
            org = orgs.described(words[-1], first)  # "the company said", "the health system said"
        elif (
            source.type in NAMED
            and len(words) == 1
            and words[0][:1].isupper()
            and _bare(words[0]) not in surnames
        ):
            org = orgs.short_form(words[0])  # "Halden said", "Corvane declined to comment"
        else:
            continue
        if org is not None:
            source.name, source.type = org.name, "named-organisation"


def _resolve_affiliations(doc: Document, sources: list[Source]) -> None:
    """Name the organisation behind a described affiliation ("the company's president", "its president"),
    and give a person introduced by an organisation's title alone ("General Manager Felix Harlan") the
    organisation the story named just before them."""
    orgs = story_organisations(doc)
    for source in sources:
        if source.type == "named-organisation" and source.mentions:
            _owning_organisation(doc, source)
        if source.type in ("anonymous", "vague") and not source.affiliation and source.mentions:
            _described_group(orgs, source)
        if source.type not in ("named-person", "anonymous") or not source.mentions:
            continue
        first = min(m.start for m in source.mentions)
        if source.affiliation:
            words = source.affiliation.split()
            at = source.affiliation_evidence.start if source.affiliation_evidence else first
            org = None
            if words[0][:1].islower() or words[0].lower() in ("its", "their"):
                org = orgs.described(words[-1], at)  # "the company's president", "its president"
            elif len(words) == 1 and orgs.named(words[0]) is None:
                bare = _bare(words[0])
                if bare in word_set("attribution_org_words") or bare.endswith("ing"):
                    # "Board Chair Nadia Sorensen", "Chief Operating Officer Renata Vale": no name given
                    org = orgs.described(bare, at) or orgs.nearest_before(first)
                    if org is None and bare.endswith("ing"):
                        source.affiliation, source.affiliation_evidence = "", None
            elif len(words) == 1:
                org = orgs.named(words[0])
            if org is not None:
                source.affiliation = org.name
                source.affiliation_evidence = _named_at(org, at) or source.affiliation_evidence
            continue
        if source.type == "named-person" and {role(r) for r in source.roles} & ORGANISATION_ROLES:
            org = orgs.nearest_before(first)
            if org is not None:
                source.affiliation, source.affiliation_evidence = org.name, _named_at(org, first)


# People who speak for a body they belong to ("company officials", "union leaders", "a district spokesman").
MEMBER_HEADS = frozenset(
    "official officials leader leaders spokesman spokeswoman spokesperson spokesmen spokeswomen member members "
    "executive executives lawyer lawyers attorney attorneys manager managers representative representatives "
    "negotiator negotiators source sources staff staffer staffers aide aides".split()
)


def _described_group(orgs: StoryOrganisations, source: Source) -> None:
    """ "company officials", "union leaders", "a district spokesman", "a manager at the mine": an unnamed
    source described by the kind of body it speaks for belongs to the body of that kind the story named
    before it."""
    words = [w.lower() for w in source.name.split()]
    first = min(m.start for m in source.mentions)
    if (
        len(words) == 4
        and words[0] in MEMBER_HEADS
        and words[1] in ("at", "of", "for", "with")
        and words[2] == "the"
    ):
        # "a manager at the mine", "a spokesman for the company"
        org = (
            orgs.described(words[3], first)
            if orgs.describes(words[3]) and words[3] not in GENERIC_HEADS
            else None
        )
        if org is not None:
            source.affiliation, source.affiliation_evidence = org.name, _named_at(org, first)
        return
    if len(words) < 2 or words[-1] not in MEMBER_HEADS:
        return  # "a group representing chaplains": the group is the source, not a member of one
    for word in words[:-1]:
        org = orgs.described(word, first) if orgs.describes(word) and word not in GENERIC_HEADS else None
        if org is not None:
            source.affiliation, source.affiliation_evidence = org.name, _named_at(org, first)
            return


def _named_at(org: Organisation, offset: int) -> Span | None:
    """Where the story last named ``org`` by name before ``offset`` (the evidence for an affiliation that a
    description or a position implies), else where it first names it."""
    named = [m for m in org.mentions if re.sub(r"^(?:the|The)\s+", "", m.text)[:1].isupper()]
    before = [m for m in named if m.start < offset]
    return before[-1] if before else (named[0] if named else None)


# "the Hawks' ownership group, Ridgeline Sports Partners": an organisation introduced as another's part.
OWNED_BY = re.compile(
    r"([A-Z][\w’'.-]*?)(?:[’']s?)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:group|company|firm|owners?|parent|subsidiary|affiliate|arm|unit|partners?|division|foundation),\s*"
)


def _owning_organisation(doc: Document, source: Source) -> None:
    """The organisation a speaking organisation belongs to, when an appositive before its name says so."""
    first = min(source.mentions)
    at = doc.text.find(source.name, first.start, first.end + 1)
    if at < 0:
        return
    m = next((m for m in OWNED_BY.finditer(doc.text, max(0, at - 80), at) if m.end() == at), None)
    if m is None:
        return
    owner = story_organisations(doc).named(m.group(1))
    if owner is not None and owner.name != source.name:
        source.affiliation = owner.name
        source.affiliation_evidence = Span(m.start(1), m.end(1), m.group(1))


class _MentionIndex:
    """Sources' mentions in text order, to find the one mentioned last before an offset in log time."""

    def __init__(self, sources: list[Source]) -> None:
        pairs = sorted((m.start, k) for k, s in enumerate(sources) for m in s.mentions)
        self._starts = [start for start, _ in pairs]
        self._owners = [sources[k] for _, k in pairs]

    def nearest_before(self, offset: int) -> tuple[Source, int] | None:
        """The source with the last mention before ``offset``, and where that mention starts."""
        at = bisect_left(self._starts, offset) - 1
        return (self._owners[at], self._starts[at]) if at >= 0 else None


class _Candidates:
    """The sources a mention can stand for, indexed once per document so that each lookup is cheap: by
    surname, by the words of a full name, by role, and by the last mention before an offset."""

    def __init__(self, doc: Document, people: list[Source], kept: list[Source]) -> None:
        pronouns = PERSON_PRONOUNS | GROUP_PRONOUNS | WRITER_PRONOUNS
        self.persons = _MentionIndex(
            [s for s in kept if s.type == "named-person" and _bare(s.name) not in pronouns]
        )
        self.groups = _MentionIndex(
            [s for s in kept if s.type != "named-person" and _bare(s.name) not in pronouns]
        )
        bodies = [s for s in kept if s.name[:1].isupper() and _bare(s.name) not in DOCUMENTS]
        self.authors = _MentionIndex([s for s in bodies if s.type in NAMED])
        self.organisations = _MentionIndex([s for s in bodies if s.type == "named-organisation"])
        self.by_words: dict[tuple[str, ...], list[Source]] = {}
        self.by_surname: dict[str, list[Source]] = {}
        self.by_role: dict[str, list[Source]] = {}
        self.words_about: dict[int, set[str]] = {}
        for person in people:
            self.by_words.setdefault(tuple(_bare(w) for w in person.name.split()), []).append(person)
            self.by_surname.setdefault(surname(person.name), []).append(person)
            for r in dict.fromkeys(role(r) for r in person.roles):
                self.by_role.setdefault(r, []).append(person)
            self.words_about[id(person)] = _words_about(doc, person)
        self._surname_indexes: dict[str, _MentionIndex] = {}
        self.by_org_word: dict[str, list[Source]] = {}
        for body in kept:
            words = body.name.split()
            if body.type != "named-organisation" or len(words) < 2:
                continue
            for word in dict.fromkeys(_bare(w) for w in words if w[:1].isupper()):
                if word not in DETERMINERS:
                    self.by_org_word.setdefault(word, []).append(body)

    def antecedent(self, pronoun: Source, word: str) -> Source | None:
        """The nearest person named before a he or she; the nearest organisation or group before they, it."""
        index = self.persons if word in PERSON_PRONOUNS else self.groups
        found = index.nearest_before(_first_mention(pronoun))
        return found[0] if found else None

    def same_person(self, source: Source) -> Source | None:
        """The named person or body ``source`` stands for, when the story makes it plain; else None."""
        bare = [_bare(w) for w in source.name.split()]
        first = _first_mention(source)
        if len(bare) == 1 and (
            bare[0] in DOCUMENTS
            or (source.type == "named-organisation" and bare[0] in word_set("attribution_org_words"))
        ):
            # "the statement said", "the company said": the nearest body named shortly before (a document's
            # author may be a person; a description like "the company" stands only for an organisation)
            if bare[0] not in DOCUMENTS and source.name[:1].isupper():
                # "the Post" after "The Washington Post": the one organisation with that word in its name;
                # otherwise "Department" cut from "The Department of Health" is a body of its own
                bodies = self.by_org_word.get(bare[0], [])
                return bodies[0] if len(bodies) == 1 and bodies[0] is not source else None
            index = self.authors if bare[0] in DOCUMENTS else self.organisations
            found = index.nearest_before(first)
            if found is not None and found[0] is not source and first - found[1] <= ANTECEDENT_WINDOW:
                return found[0]
            return None
        if source.type == "named-person" and len(bare) > 2:
            # "Engineer Marta Kovic" is "Marta Kovic" with a title the word lists do not know
            tails = [
                p
                for k in range(2, len(bare) + 1)
                for p in self.by_words.get(tuple(bare[-k:]), ())
                if p is not source
            ]
            if len(tails) == 1:
                return tails[0]
        if source.type in NAMED:
            while bare and bare[0] in HONORIFICS:
                bare.pop(0)
            if len(bare) != 1:
                return None
            matches = self.by_surname.get(bare[0], [])
            if not matches and source.name[:1].isupper() and source.type == "named-organisation":
                bodies = self.by_org_word.get(bare[0], [])
                # "the Post" after "The Washington Post": the one organisation with that word in its name
                return bodies[0] if len(bodies) == 1 and bodies[0] is not source else None
            if len(matches) <= 1:
                return matches[0] if matches else None
            namesakes = self._surname_indexes.get(bare[0])
            if namesakes is None:
                namesakes = self._surname_indexes[bare[0]] = _MentionIndex(matches)
            found = namesakes.nearest_before(first)
            return found[0] if found else None
        if source.type == "anonymous" and source.roles and not source.name.lower().endswith("s"):
            # "the city's fire chief" is "Fire Chief Allen Porter", not "Police Chief John Doe": the words that
            # narrow the role (fire, union, company) must be the named person's too; a group is never one person
            narrowing = (
                {w.lower() for w in source.name.split() if not _is_title(w) and not POSSESSIVE.search(w)}
                - DETERMINERS
                - NOT_NARROWING
            )
            holders = {
                id(p): p
                for r in dict.fromkeys(role(r) for r in source.roles)
                for p in self.by_role.get(r, ())
                if narrowing <= self.words_about[id(p)]
            }
            return next(iter(holders.values())) if len(holders) == 1 else None
        return None


def _first_mention(source: Source) -> int:
    return min((m.start for m in source.mentions), default=source.first_offset)


def resolve_identities(doc: Document, sources: list[Source]) -> list[Source]:
    """Merge the sources that are one person or body, and drop pronouns that refer to nobody named.

    Every lookup goes through indexes built once (``_Candidates``), so the pass is near-linear in the
    number of sources; candidates are indexed by the mentions they had before any merge."""
    _split_titles(doc, sources)
    _retype_groups(doc, sources)
    _name_organisations(doc, sources)
    _find_affiliations(doc, sources)
    _resolve_affiliations(doc, sources)
    kept: list[Source] = []
    by_name: dict[str, Source] = {}
    for source in sorted(sources, key=lambda s: s.first_offset):
        key = _name_key(source.name)
        same = by_name.get(key) if source.type in NAMED else None
        if same is not None and same.type in NAMED:
            _merge(same, source)
            continue
        kept.append(source)
        if source.type in NAMED:
            by_name.setdefault(key, source)
    people = [s for s in kept if s.type == "named-person" and len(s.name.split()) > 1]
    candidates = _Candidates(doc, people, kept)
    out: list[Source] = []
    for source in kept:
        named = _named_before_role(doc, source, by_name)
        if named is not None:
            _merge(named, source)  # "Michael Berry, senior counsel at the Liberty Institute, told …"
            continue
        words = source.name.split()
        if len(words) == 1 and _bare(words[0]) in PERSON_PRONOUNS | GROUP_PRONOUNS | WRITER_PRONOUNS:
            word = _bare(words[0])
            target = None if word in WRITER_PRONOUNS else candidates.antecedent(source, word)
            if target is not None:
                _merge(target, source)
            continue  # a pronoun is never a source of its own
        target = candidates.same_person(source)
        if target is not None and target is not source:
            _merge(target, source)
        else:
            out.append(source)
    for source in out:
        source.mentions.sort()
        source.attributions.sort(key=lambda a: (a.source or a.cue or a.content or Span(0, 0, "")).start)
    return sorted((s for s in out if s.type != "none"), key=lambda s: s.first_offset)


def _name_key(name: str) -> str:
    """A name as one person is written every time: lower case, without full stops or a generational suffix
    ("Arthur Sulzberger Jr." and "Arthur Sulzberger" are one publisher)."""
    words = [w.rstrip(".,").lower() for w in name.split()]
    while len(words) > 2 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return " ".join(words)


# A name and the comma before a role given as its appositive: "Michael Berry, senior counsel at …".
NAME_THEN_ROLE = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+),\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$"
)


def _named_before_role(doc: Document, source: Source, by_name: dict[str, Source]) -> Source | None:
    """The named person whose appositive an unnamed role source is: the attribution read the role ("senior
    counsel at the Liberty Institute") as the speaker, but the name just before it is who spoke."""
    if source.type != "anonymous" or not source.mentions or source.name.lower().endswith("s"):
        return None
    first = min(source.mentions)
    m = NAME_THEN_ROLE.search(doc.text, max(0, first.start - 80), first.start)
    if m is None:
        return None
    person = by_name.get(_name_key(m.group(1)))
    return person if person is not None and person.type == "named-person" else None


def _words_about(doc: Document, source: Source) -> set[str]:
    """The lower-case words of a source's mentions and affiliation."""
    text = " ".join(doc.source[m.start : m.end] for m in source.mentions) + " " + source.affiliation
    return {POSSESSIVE.sub("", w).strip(",.").lower() for w in text.split()}
