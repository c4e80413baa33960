"""Which side of the story's dispute each source stands on.

Sides come from configuration (``[tool.rhetlint.sides]`` or a draft's front matter ``sides:``), or, without
it, are inferred cautiously from the words that describe a source: a demonym or country/capital ("Israeli
officials", "Damascus"), a party label ("Republican Sen. …", "a GOP aide"). A source gets a side only with
evidence in the text, and the evidence is kept with it; everyone else stays neutral (``side = None``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple
from weakref import WeakKeyDictionary

from rhetlint.analysis.attribution.grammar import LINK_CLUTTER
from rhetlint.analysis.organisations import story_organisations
from rhetlint.analysis.stance import OPPOSING_GROUPS, apply_stance
from rhetlint.analysis.wordlists import word_set
from rhetlint.text.tokens import WORD

if TYPE_CHECKING:
    from rhetlint.analysis.sources import Source
    from rhetlint.model.document import Document

# How far past a source's mention its description may run: "Ana Ruiz, a spokeswoman for the port authority,".
APPOSITIVE = re.compile(r"\A\s*,\s*(?:(?:the|a|an)\s+)?([^,.;:!?\"“”]{3,90}?)\s*(?:,|\.|$)")


# A capitalised word: a candidate place name or demonym.
CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
# Endings that turn a place name into its demonym or adjective (Velora -> Veloran, Israel -> Israeli).
DEMONYM_ENDINGS = ("n", "an", "ian", "i", "ese", "ish")


# Role nouns after which "for/of/at X" or before which "X's" names the organisation a person speaks for.
ROLE = (
    r"(?:spokes(?:man|woman|person)|lawyer|attorney|counsel|president|vice president|director|chief(?: executive)?|"
    r"head|leader|chair(?:man|woman|person)?|member|executive|official|representative|manager|founder|owner|"
    r"secretary|treasurer|organi[sz]er|negotiator|CEO|general manager|superintendent|commissioner)"
)
ORG_NAME = r"((?:[A-Z][\w&’'-]*\s+){0,4}[A-Z][\w&’'-]*)"
# "a spokeswoman for the Selwyn Port Authority", "president of the Harbor Workers Union"
AFFILIATION_AFTER = re.compile(ROLE + r"\s+(?:for|of|at|with)\s+(?:the\s+)?" + ORG_NAME)
# "Bluewake's lawyer", "the union's president"
AFFILIATION_POSSESSIVE = re.compile(ORG_NAME + r"(?:'s|’s)\s+(?:own\s+)?(?:\w+\s+)?" + ROLE)
# Words naming bodies whose role is to judge, measure or study rather than to take part: they stay neutral.
INDEPENDENT_WORDS = frozenset(
    "commission court tribunal university college institute academy laboratory observatory ombudsman auditor "
    "inspectorate panel survey surveys poll polls pollster researchers scientists monitor watchdog research "
    "statistics census project police sheriff sheriffs constabulary coroner".split()
)
# Words in the names of news outlets: a paper or agency cited as a source reports a dispute, it is no party.
MEDIA_WORDS = frozenset(
    "times post journal news press associated reuters bbc npr cnn fox abc cbs nbc msnbc guardian afp bloomberg "
    "axios politico hill tribune herald gazette daily telegraph newsweek magazine agency wire broadcasting "
    "radio television tv network globe chronicle observer examiner inquirer courier dispatch sentinel "
    "bulletin economist atlantic breitbart intercept ap mercury".split()
)
# Words that make a group the opponents of the name beside it ("Trump's critics", "opponents of the plan").
OPPONENT_WORDS = OPPOSING_GROUPS | {"rivals"}
# Capitalised words that start sentences or titles but name no organisation.
NOT_NAMES = frozenset(
    "his her their its our my your he she they we it this that these those same despite numbers two three "
    "according after before when while although but and or if as in on at for with from by of mr mrs ms dr "
    "sen rep gov president monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december image images photo photos getty credit "
    "video watch read more".split()
)
# Leading words of an organisation's name that say nothing about which one it is, or that name a chamber,
# an office or a place rather than a party to a dispute ("House Speaker", "Minority Leader", "San Bernardino
# Police Chief", "National Security Adviser").
GENERIC_ORG_WORDS = frozenset(
    "the a an county city state national new north south east west united board council committee agency "
    "department office ministry union company firm group party team staff administration government "
    "house senate assembly parliament congress chamber majority minority security federal centers center "
    "one world police retired health human investigators just watched regional community general "
    "metropolitan municipal public groups companies agencies unions parties committees councils departments "
    "organizations organisations coalitions networks authorities governments campaigns".split()
)
# First words of place names ("San Bernardino Police Chief", "Fort Worth Mayor"): such a name is a place.
PLACE_PREFIXES = frozenset("san santa los las el st fort mount".split())
# US states, whose names stand before the titles of the people who represent them ("Vermont Sen. Bernie
# Sanders", "Idaho Gov."): a state a politician represents is where they come from, not their side.
US_STATES = frozenset(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho "
    "illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota "
    "mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma "
    "oregon pennsylvania rhode island tennessee texas utah vermont virginia washington wisconsin wyoming".split()
)


@dataclass(frozen=True)
class SideEvidence:
    word: str  # the word that placed the source ("Israeli", "GOP", a configured name)
    start: int  # where it stands in the file
    end: int
    configured: bool  # from configuration rather than inferred


def _tsv(name: str) -> dict[str, str]:
    text = resources.files("rhetlint.data").joinpath(name).read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        key, names = line.split("\t", 1)
        for item in names.split(","):
            item = item.strip()
            if item:
                table.setdefault(item, key.strip())
    return table


@cache
def known_sides() -> dict[str, str]:
    """Name as written in news copy -> side key, for countries, non-state parties and political parties."""
    table: dict[str, str] = {}
    for name in ("sides_countries.tsv", "sides_parties.tsv"):
        try:
            table.update({k: v for k, v in _tsv(name).items() if k not in table})
        except FileNotFoundError:  # pragma: no cover - both files ship with the package
            continue
    return table


@cache
def country_sides() -> frozenset[str]:
    """The side keys that stand for a state or a non-state party to an international dispute."""
    try:
        return frozenset(_tsv("sides_countries.tsv").values())
    except FileNotFoundError:  # pragma: no cover - the file ships with the package
        return frozenset()


def _one_country(
    sides: Iterable[str | None], counts: Mapping[str, int], min_mentions: int = 2
) -> frozenset[str]:
    """The country sides to drop: when the story involves fewer than two countries (among its sources' sides
    and the countries the writer names at least ``min_mentions`` times), a country is the setting of the
    story, not a party to its dispute ("U.S. officials" and "the FBI" in a story about a U.S. court case)."""
    countries = country_sides()
    involved = {s for s in sides if s in countries} | {
        s for s, n in counts.items() if s in countries and n >= min_mentions
    }
    return frozenset(involved) if len(involved) < 2 else frozenset()


class _NameMatch:
    """The bit of ``re.Match`` the side finders use."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


# A word as the document tokenizer sees it: where a side name may begin.
NAME_START = WORD


class NameIndex:
    """Find any of many names (case-sensitive, whole words, longest first) with one dict lookup per word.

    A regular-expression alternation of a thousand names is far too slow on long drafts (Python's ``re``
    builds no trie), so names are indexed by their first word and checked with ``str.startswith``.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.by_first: dict[str, list[str]] = {}
        prefixes = []
        # "the Kremlin" is found as "Kremlin": every name then starts with a capital, so only capitalised
        # words need a lookup.
        stripped = {n[4:] if n.startswith("the ") else n for n in names if n}
        for name in sorted(stripped, key=len, reverse=True):
            if name.endswith("-"):
                prefixes.append(re.escape(name))  # "R-" in "Sen. Jane Doe, R-Texas"
                continue
            first = NAME_START.match(name)
            if first:
                self.by_first.setdefault(first.group(), []).append(name)
        # A party prefix counts only before a state's capital letter (not "R-rated", "D-Day").
        self.prefixes = (
            re.compile(r"(?<![\w-])(?:" + "|".join(prefixes) + r")(?=[A-Z][a-z])(?!Day)")
            if prefixes
            else None
        )

    def finditer(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        tokens: Iterable[tuple[int, str]] | None = None,
    ) -> Iterable[_NameMatch]:
        """Matches in text[start:end]; ``tokens`` ((start, text) pairs, e.g. from ``doc.tokens``) saves
        tokenizing the text again."""
        end = len(text) if end is None else end
        covered = -1
        by_first = self.by_first
        if tokens is None:
            tokens = ((m.start(), m.group()) for m in NAME_START.finditer(text, start, end))
        for s, word in tokens:
            if s < covered or not word[0].isupper():
                continue
            candidates = by_first.get(word)
            if candidates is None:
                cut = word.find("-")  # "Israeli-backed" starts with "Israeli"
                if cut <= 0 or (candidates := by_first.get(word[:cut])) is None:
                    continue
            for name in candidates:
                e = s + len(name)
                if e <= end and text.startswith(name, s) and (e == len(text) or not text[e].isalnum()):
                    yield _NameMatch(name, s, e)
                    covered = e
                    break
        if self.prefixes is not None:
            for m in self.prefixes.finditer(text, start, end):
                yield _NameMatch(m.group(), m.start(), m.end())


def _pattern(names: Iterable[str]) -> NameIndex | None:
    index = NameIndex(names)
    return index if index.by_first or index.prefixes is not None else None


@cache
def _known_pattern() -> NameIndex | None:
    return _pattern(known_sides())


@cache
def _configured(items: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[NameIndex | None, dict[str, str]]:
    table = {}
    for side, names in items:
        table[side] = side
        for name in names:
            table.setdefault(name, side)
    return _pattern(table), table


_LOCAL: WeakKeyDictionary[Document, dict[str, str]] = WeakKeyDictionary()
_CAPITALISED: WeakKeyDictionary[Document, list[tuple[int, str]]] = WeakKeyDictionary()
_INFERRED_MENTIONS: WeakKeyDictionary[Document, dict[str, list[int]]] = WeakKeyDictionary()


def _capitalised(doc: Document) -> list[tuple[int, str]]:
    """(start, text) of the document's capitalised words, where every place, party and name begins."""
    cached = _CAPITALISED.get(doc)
    if cached is None:
        cached = _CAPITALISED[doc] = [(t.start, t.text) for t in doc.tokens if t.text[0].isupper()]
    return cached


def local_places(doc: Document) -> dict[str, str]:
    """Place names the story itself proves: a capitalised word that also appears with a demonym ending
    ("Velora" and "Veloran"), so stories about places no list knows still get sides."""
    cached = _LOCAL.get(doc)
    if cached is None:
        cached = _LOCAL[doc] = _local_places(doc)
    return cached


def _local_places(doc: Document) -> dict[str, str]:
    words: set[str] = set()
    inner: set[str] = set()  # capitalised inside a sentence, where capitals mark names
    for start, text in _capitalised(doc):
        w = text.removesuffix("'s").removesuffix("’s")
        if CAPITALISED.fullmatch(w):
            words.add(w)
            if not doc.starts_sentence(start):
                inner.add(w)
    # a person's given name or surname is never a place ("Kristi" and "Kristin" are two people)
    words -= {
        w
        for a in doc.attributions
        if a.source_type == "named-person"
        and a.speaker
        and len(a.speaker.split()) > 1
        and all(CAPITALISED.fullmatch(w) for w in a.speaker.split())
        for w in a.speaker.split()
    }
    known = known_sides()
    table: dict[str, str] = {}
    for word in words:
        if word in known or word.lower() in NOT_NAMES or word.lower() in _STARTERS:
            continue
        for ending in DEMONYM_ENDINGS:
            demonym = word + ending
            # "The" and "Then" capitalised only at sentence starts are no place and demonym
            if demonym in words and demonym not in known and (word in inner or demonym in inner):
                key = word.lower()
                table[word] = table[demonym] = key
                if demonym + "s" in words:
                    table[demonym + "s"] = key
    return table


# Capitalised words that open sentences ("The", "Then", "When"): never a place, whatever follows them.
_STARTERS = frozenset("the then when what where there these those this that who why how".split())


def _matchers(doc: Document, sides: Mapping[str, list[str]]) -> list[tuple[NameIndex, dict[str, str]]]:
    """(pattern, name -> side) pairs: the configured sides, or the known parties plus local places."""
    if sides:
        pattern, table = _configured(tuple((k, tuple(v)) for k, v in sorted(sides.items())))
        return [(pattern, table)] if pattern is not None else []
    out = []
    known = _known_pattern()
    if known is not None:
        out.append((known, known_sides()))
    local = local_places(doc)
    pattern = _pattern(local) if local else None
    if pattern is not None:
        out.append((pattern, local))
    return out


def configured_sides(doc: Document, config_sides: Mapping[str, Sequence[str]] | None) -> dict[str, list[str]]:
    """Sides from configuration, overridden per draft by front matter ``sides:``."""
    sides = {k: list(v) for k, v in (config_sides or {}).items()}
    front = doc.front_matter.get("sides")
    if isinstance(front, dict):
        sides = {str(k): [str(x) for x in (v if isinstance(v, list) else [v])] for k, v in front.items()}
    return sides


def _description_spans(doc: Document, source: Source) -> list[tuple[int, int]]:
    """The source's mentions, each with an appositive that follows it in the same sentence."""
    spans = []
    for mention in source.mentions:
        spans.append((mention.start, mention.end))
        after = doc.text[mention.end : mention.end + 120]
        m = APPOSITIVE.match(after)
        if m:
            spans.append((mention.end + m.start(1), mention.end + m.end(1)))
    return spans


def _find(
    matchers: list[tuple[NameIndex, dict[str, str]]],
    doc: Document,
    spans: list[tuple[int, int]],
    configured: bool,
) -> tuple[str | None, SideEvidence | None]:
    found: dict[str, SideEvidence] = {}
    for pattern, table in matchers:
        for start, end in spans:
            for m in pattern.finditer(doc.text, start, end):
                side = table.get(m.group())
                if side and side not in found:
                    found[side] = SideEvidence(m.group(), m.start(), m.end(), configured)
    if len(found) == 1:  # evidence for two sides ("an Israeli-Palestinian group") decides nothing
        side, evidence = next(iter(found.items()))
        return side, evidence
    return None, None


class KeyContext(NamedTuple):
    """What a document tells about the words of organisation names (all lower case)."""

    places: frozenset[str] | set[str] = frozenset()  # places the story is set in ("harwick")
    common: frozenset[str] | set[str] = frozenset()  # words the story also writes in lower case ("image")
    surnames: frozenset[str] | set[str] = frozenset()  # surnames of the people it names ("salter")


_KEY_CONTEXT: WeakKeyDictionary[Document, KeyContext] = WeakKeyDictionary()


def key_context(doc: Document) -> KeyContext:
    """The document's ``KeyContext``, computed once."""
    cached = _KEY_CONTEXT.get(doc)
    if cached is None:
        orgs = story_organisations(doc)
        cached = _KEY_CONTEXT[doc] = KeyContext(orgs.places, orgs.lower_case, orgs.surnames)
    return cached


# Words in an organisation's name that make it a person's own camp ("the Trump campaign", "Warren's office").
CAMP_WORDS = frozenset({"campaign", "administration", "office", "camp", "allies", "team", "presidency"})


NO_CONTEXT = KeyContext()


def _possessive(name: str) -> bool:
    """ "Noem’s" as an affiliation: a spokeswoman for Noem's campaign speaks for Noem's camp."""
    return name.rstrip().endswith(("'s", "’s"))


def _org_key(name: str, context: KeyContext = NO_CONTEXT) -> str | None:
    """A short key for an organisation: a party or country it names ("Senate Democrats" -> "democratic"),
    else its first distinctive capitalised word ("Bluewake Marine" -> "bluewake"), skipping the places the
    story is set in ("Harwick Hawks" and the "Harwick Taxpayers League" are two parties), given names,
    words the story also uses as common words ("Image", "Generation") and people's surnames (except for a
    person's own camp, "the Trump campaign"); None when the name has no such word, or names a news outlet
    or a neutral body."""
    places = context.places
    lowered_words = set(name.lower().split())
    if lowered_words & OPPONENT_WORDS:
        return None  # "Trump's critics" speak against Trump, not for him
    if (
        lowered_words & (INDEPENDENT_WORDS | MEDIA_WORDS)
        or name.split()[0].lower().strip(".") in PLACE_PREFIXES
    ):
        return None
    if "white house" in name.lower():
        return "white-house"  # the president's office, not a body called "White"
    local = False
    for word in name.split():
        word = word.strip("’'\".,;:()").removesuffix("'s").removesuffix("’s")
        if not word[:1].isupper() or not word[1:2].isalpha():
            continue
        if LINK_CLUTTER.search(word):
            return None  # "TrumpKamala": link text run together from a web page, not a name
        lowered = word.lower()
        known = known_sides().get(word)
        if known is not None:
            return known  # "Senate Democrats", "House Republicans"
        local = local or (
            lowered in places and lowered not in word_set("attribution_places") and lowered not in US_STATES
        )
        if (
            lowered in context.common
            or lowered in word_set("attribution_demonyms")
            or (lowered in context.surnames and not lowered_words & CAMP_WORDS and not _possessive(name))
        ):
            continue
        if (
            lowered in GENERIC_ORG_WORDS
            or lowered in NOT_NAMES
            or lowered in US_STATES
            or lowered in places
            or lowered in word_set("given_names")
            or (word.isupper() and lowered not in word_set("attribution_org_words"))  # "JB:" in a transcript
        ):
            continue
        return word.lower()
    rest = [w for w in name.lower().split() if w not in places and w not in NOT_NAMES]
    if local and rest and len(rest) < len(name.split()):
        # "Linwood Health": a local body named after its town is a party by its whole name
        return " ".join(w for w in name.lower().split() if w != "the")
    return None


def _title_prefix_org(text: str, titles: frozenset[str]) -> str | None:
    """ "Bluewake Chief Executive Morgan Hale" -> "Bluewake": capitalised words before the first title word."""
    words = text.split()
    for i, word in enumerate(words):
        if word.lower().strip(".,") in titles:
            lead = [w for w in words[:i] if w[:1].isupper() and w.lower() not in GENERIC_ORG_WORDS]
            camp = [w for w in words[:i] if w.lower() in CAMP_WORDS]
            if lead and camp:
                lead.append(camp[0])  # "the Abrams campaign manager" speaks for Abrams's camp
            return " ".join(lead) if lead else None
    return None


def affiliation(doc: Document, source: Source) -> tuple[str | None, SideEvidence | None]:
    """The organisation a source speaks for, when the text says so; organisations speak for themselves."""
    context = key_context(doc)
    if source.type == "named-organisation":
        if INDEPENDENT_WORDS & set(source.name.lower().split()):
            return None, None
        key = _org_key(source.affiliation or source.name, context)  # a group's owner speaks through it
        mention = source.mentions[0] if source.mentions else None
        if key is None or mention is None:
            return None, None
        start, end = mention.start, mention.end
        # "the Harbor\r\nAuthority": the name within its mention, however it wraps
        named = re.compile(r"\s+".join(map(re.escape, source.name.split()))).search(doc.text, start, end)
        if named is not None:
            start, end = named.span()
        return key, SideEvidence(" ".join(doc.text[start:end].split()), start, end, False)
    if source.affiliation and source.type in ("named-person", "anonymous", "vague"):
        # the organisation the identity pass found ("Jana Kowalski, the union's chief negotiator")
        key = _org_key(source.affiliation, context)
        if key is None:
            return None, None
        at = source.affiliation_evidence or (source.mentions[0] if source.mentions else None)
        if at is None:
            return None, None
        return key, SideEvidence(" ".join(doc.text[at.start : at.end].split()), at.start, at.end, False)
    if source.type != "named-person":
        return None, None
    titles = word_set("attribution_titles")
    for start, end in _description_spans(doc, source):
        text = doc.text[start:end]
        for pattern in (AFFILIATION_AFTER, AFFILIATION_POSSESSIVE):
            m = pattern.search(doc.text, start, min(len(doc.text), end + 60))
            if m and m.start() < end + 2:
                org = m.group(1)
                key = _org_key(org, context)
                if key is None:
                    return None, None
                return key, SideEvidence(org, m.start(1), m.end(1), False)
        org = _title_prefix_org(text, titles)
        key = _org_key(org, context) if org else None
        if org and key:
            i = text.find(org)
            if i < 0:  # "Abrams re-election campaign": the name and its camp word are apart
                org, i = org.split()[0], text.find(org.split()[0])
            return key, SideEvidence(org, start + i, start + i + len(org), False)
    return None, None


def assign_sides(
    doc: Document, sources: list[Source], config_sides: Mapping[str, Sequence[str]] | None = None
) -> None:
    """Fill ``side`` and ``side_evidence`` on each source (in place)."""
    sides = configured_sides(doc, config_sides)
    matchers = _matchers(doc, sides)
    listed = _listed_names(sides)
    for source in sources:
        if source.type == "none":
            continue
        if source.type == "vague" and not source.affiliation and not sides:
            continue  # "critics" and "some" speak for no identifiable party; "company officials" do
        spans = _description_spans(doc, source)
        side, evidence = _find(matchers, doc, spans, bool(sides))
        if side is None and sides:
            side, evidence = _listed_side(listed, source)
        if side is None and not sides:
            side, evidence = affiliation(doc, source)
        source.side, source.side_evidence = side, evidence
    if not sides:
        _inherit_from_organisation(doc, sources)
        setting = _one_country((s.side for s in sources), _writer_mentions(doc, sides))
        for source in sources:
            if source.side in setting:
                source.side, source.side_evidence = None, None
        _ALIASES[doc] = apply_stance(doc, sources)


# Per document with inferred sides: the side keys the dispute folded into other sides ("republican" into
# "kemp" when Brian Kemp's camp and his party stand together), so the writer's mentions count for those.
_ALIASES: WeakKeyDictionary[Document, dict[str, str]] = WeakKeyDictionary()


def _folded(doc: Document, counts: Mapping[str, int]) -> Counter[str]:
    aliases = _ALIASES.get(doc, {})
    out: Counter[str] = Counter()
    for side, n in counts.items():
        out[aliases.get(side, side)] += n
    return out


def _plain(name: str) -> str:
    """A name as configured names and source names are compared: lower case, without leading articles and
    counts ("a senior Veloran defense official" ~ "Veloran defense official", "some hosts" ~ "hosts")."""
    from rhetlint.analysis.sources import GROUP_DROP

    words = name.lower().replace("’", "'").split()
    while len(words) > 1 and (words[0] in GROUP_DROP or words[0] == "all"):
        words.pop(0)
    return " ".join(words)


def _listed_names(sides: Mapping[str, list[str]]) -> dict[str, tuple[str, str]]:
    """Each configured name, compared as ``_plain`` does, with its side and the name as configured."""
    return {_plain(name): (side, name) for side, names in sides.items() for name in names if name.strip()}


def _listed_side(
    listed: Mapping[str, tuple[str, str]], source: Source
) -> tuple[str | None, SideEvidence | None]:
    """A configured side whose list names the source as the analysis named it, or names its affiliation:
    a description the text never spells out the same way ("critics", "company officials", "a manager at the
    mine") or an organisation the text refers to by a description ("the union")."""
    for name in (source.name, source.affiliation):
        found = listed.get(_plain(name)) if name else None
        if found is not None and source.mentions:
            side, written = found
            mention = source.mentions[0]
            return side, SideEvidence(written, mention.start, mention.end, True)
    return None, None


def _inherit_from_organisation(doc: Document, sources: list[Source], max_paragraphs: int = 2) -> None:
    """A person introduced by role alone ("General Manager Felix Harlan said") speaks for the organisation
    the story named just before them, in the same or the previous ``max_paragraphs`` paragraphs."""
    organisations = sorted(
        (s for s in sources if s.type == "named-organisation" and s.side and s.mentions),
        key=lambda o: o.mentions[0].start,
    )
    if not organisations:
        return
    starts = [o.mentions[0].start for o in organisations]
    for source in sources:
        if source.side or source.type != "named-person" or not source.mentions:
            continue
        if not any(a.roles for a in source.attributions):
            continue
        org = _organisation_before(doc, organisations, starts, source.mentions[0].start, max_paragraphs)
        if org is not None:
            source.side = org.side
            source.side_evidence = SideEvidence(org.name, org.mentions[0].start, org.mentions[0].end, False)


def _organisation_before(
    doc: Document, organisations: list[Source], starts: list[int], offset: int, max_paragraphs: int
) -> Source | None:
    """The organisation whose first mention comes last before ``offset``, in its paragraph or the
    ``max_paragraphs`` before (``organisations`` sorted by first mention, whose offsets are ``starts``)."""
    index = doc.block_index(offset)
    if index < 0 or doc.block_at(offset) is None:
        return None
    earliest = doc.blocks[max(0, index - max_paragraphs)].start
    at = bisect_left(starts, offset) - 1
    return organisations[at] if at >= 0 and starts[at] >= earliest else None


def story_parties(
    doc: Document,
    sources: list[Source],
    config_sides: Mapping[str, Sequence[str]] | None = None,
    min_mentions: int = 2,
) -> dict[str, int]:
    """The sides the story names as parties: every side a source stands on, plus any side the writer names
    at least ``min_mentions`` times outside quotations. Returns side -> mentions in the writer's text."""
    sides = configured_sides(doc, config_sides)
    counts = _writer_mentions(doc, sides) if sides else _folded(doc, _writer_mentions(doc, sides))
    parties = {side: n for side, n in counts.items() if n >= min_mentions}
    if not sides:  # a lone country is the story's setting, not a party (see assign_sides)
        for side in _one_country((s.side for s in sources), counts, min_mentions):
            parties.pop(side, None)
    if not sides:
        _add_speaking_organisations(doc, sources, counts, parties, min_mentions)
        _add_opposing_organisations(doc, parties, min_mentions)
    if not sides:
        # a party nobody speaks for is one only when the story shows it in the dispute ("Democrats oppose
        # the bill", "the union did not respond"), not whenever the writer names it twice
        voiced = {s.side for s in sources if s.side}
        aliases = _ALIASES.get(doc, {})
        offsets: dict[str, list[int]] = {}
        for key, found in _writer_mention_offsets(doc, sides).items():
            offsets.setdefault(aliases.get(key, key), []).extend(found)
        for side in [p for p in parties if p not in voiced and p in offsets]:
            if not _takes_a_stand(doc, offsets[side]):
                del parties[side]
    for source in sources:
        if source.side and (sides or source.side in parties):
            parties.setdefault(source.side, counts.get(source.side, 0))
    if sides:  # configured sides are parties by definition
        for side in sides:
            parties.setdefault(side, counts.get(side, 0))
    return parties


def _writer_mentions(doc: Document, sides: Mapping[str, list[str]]) -> Counter[str]:
    """How often the writer names each side outside quotations (read-only: with inferred sides the count is
    made once per document, since both assigning sides and finding the parties ask for it)."""
    return Counter({side: len(offsets) for side, offsets in _writer_mention_offsets(doc, sides).items()})


def _writer_mention_offsets(doc: Document, sides: Mapping[str, list[str]]) -> dict[str, list[int]]:
    """Where the writer names each side outside quotations, in text order."""
    if sides:
        return _find_writer_mentions(doc, sides)
    cached = _INFERRED_MENTIONS.get(doc)
    if cached is None:
        cached = _INFERRED_MENTIONS[doc] = _find_writer_mentions(doc, sides)
    return cached


def _find_writer_mentions(doc: Document, sides: Mapping[str, list[str]]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for pattern, table in _matchers(doc, sides):
        for m in pattern.finditer(doc.text, tokens=_capitalised(doc)):
            side = table.get(m.group())
            if side and not doc.in_quote(m.start()):
                found.setdefault(side, []).append(m.start())
    return found


def _takes_a_stand(doc: Document, offsets: Iterable[int], refusals: bool = True) -> bool:
    """Whether a sentence that names a party shows it in the dispute: a word of stance ("opposes", "sued")
    or, with ``refusals``, a request for its comment that it did not answer ("did not respond")."""
    for offset in offsets:
        sentence = doc.sentence_at(offset)
        if sentence is None:
            continue
        words = {t.norm for t in doc.tokens_between(sentence.start, sentence.end)}
        if words & STANCE_WORDS:
            return True
        if refusals and words & REFUSAL_WORDS and words & {"not", "n't", "declined", "refused"}:
            return True
    return False


# Words that show an organisation the story names takes a position in its dispute ("the Taxpayers League,
# which opposes the subsidy", "months of protest from the Action Group", "a rival operator, Tidewright").
STANCE_WORDS = frozenset(
    "opposes oppose opposed opposing opposition protest protests protested protesting rival rivals sued sue "
    "suing lawsuit challenge challenged challenging objects objected objection rejects rejected disputes "
    "disputed petition petitioned campaigned campaigning boycott boycotted criticized criticised accused "
    "blamed condemned denounced".split()
)
# Words of a request for comment that a party did not answer ("did not respond", "declined to comment").
REFUSAL_WORDS = frozenset({"respond", "comment", "reached", "return", "reply"})


def _add_opposing_organisations(doc: Document, parties: dict[str, int], min_mentions: int) -> None:
    """An organisation that does not speak is a party when the writer names it ``min_mentions`` times and
    says, in a sentence that names it, that it takes a side ("opposes", "protest", "rival", "sued")."""
    orgs = story_organisations(doc)
    for org in orgs.organisations:
        mentions = [m for m in org.mentions if not doc.in_quote(m.start)]
        if len(mentions) < min_mentions:
            continue
        key = _org_key(org.name, key_context(doc))
        key = _ALIASES.get(doc, {}).get(key, key) if key else None
        if key is None or key in parties:
            continue
        if _takes_a_stand(doc, (m.start for m in mentions), refusals=False):
            parties[key] = len(mentions)


def _add_speaking_organisations(
    doc: Document, sources: list[Source], counts: Counter[str], parties: dict[str, int], min_mentions: int
) -> None:
    """An organisation is a party when it speaks (or someone speaks for it) and the writer names it again:
    by name, by a short form ("Halden") or by a description that refers to it ("the company")."""
    wanted = {s.side for s in sources if s.side and s.side not in parties and s.side_evidence is not None}
    if not wanted:
        return
    orgs = story_organisations(doc)
    named: Counter[str] = Counter()
    for org in orgs.organisations:
        key = _org_key(org.name, key_context(doc))
        if key in wanted:
            named[key] += sum(1 for m in org.mentions if not doc.in_quote(m.start))
    # capitalised mentions only: "Times" the paper, not "three times"
    words = Counter(t.norm for t in doc.tokens if t.norm in wanted and t.text[0].isupper())
    voiced: Counter[str] = (
        Counter()
    )  # a body that speaks twice, itself or through its people, is named by its speaking
    for source in sources:
        if source.side in wanted:
            voiced[source.side] += len(source.attributions)
    for side in wanted:
        mentions = max(words[side], named[side], voiced[side])
        if side in counts or mentions >= min_mentions:
            parties[side] = max(counts.get(side, 0), mentions)
