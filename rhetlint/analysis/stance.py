"""Sides from the story's own dispute: who backs whom and who opposes whom.

Affiliations give a source the side of the body it belongs to. A dispute is often drawn by what the story
says people do instead: "Sen. Ann Smith criticised the governor", "critics of the bill", "supporters of the
legislation", "the Kemp campaign" beside "Brian Kemp", "Smith and Jones urged". Each of these joins two
parties (sources, side keys, the story's proposal) as allies or as opponents. The pass keeps them in a
union-find with parity: allies share a class, opponents sit in the two halves of one component. Stronger
evidence is joined first and a weaker link that would contradict it is dropped, so a Republican who opposes
a bill his party's leaders back stands with the bill's other opponents, not with his party.

A source reached by no link keeps the side its affiliation gave it (or none). A class gets a side only when
it holds a side key, the proposal, or faces an opposing class: allies with nothing to stand against are no
party. Everything is one pass over the tokens plus a bisection per stance word, near-linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from rhetlint.analysis.attribution.grammar import MODALS, NEGATIONS, NOUN_MARKERS, PREPOSITIONS, PRONOUNS
from rhetlint.analysis.identity import surname as identity_surname

if TYPE_CHECKING:
    from rhetlint.analysis.sources import Source
    from rhetlint.model.document import Document
    from rhetlint.text.tokens import Token

# Verbs whose subject takes a stand against their object ("criticised the governor", "sued the city").
OPPOSE_VERBS = frozenset(
    """criticize criticizes criticized criticizing criticise criticises criticised criticising slam slams
    slammed slamming blast blasts blasted blasting attack attacks attacked attacking condemn condemns
    condemned condemning denounce denounces denounced denouncing accuse accuses accused accusing oppose
    opposes opposed opposing reject rejects rejected rejecting sue sues sued suing mock mocks mocked
    mocking ridicule ridicules ridiculed ridiculing fault faults faulted faulting blame blames blamed
    blaming rebuke rebukes rebuked rebuking chastise chastises chastised chastising lambaste lambastes
    lambasted lambasting berate berates berated berating assail assails assailed assailing decry decries
    decried decrying scold scolds scolded scolding castigate castigates castigated castigating
    challenge challenges challenged challenging""".split()
)
# Verbs whose subject stands with their object ("praised the deal", "defended Haspel").
SUPPORT_VERBS = frozenset(
    """praise praises praised praising backed backing defend defends defended defending endorse
    endorses endorsed endorsing support supports supported supporting applaud applauds applauded
    applauding hail hails hailed hailing champion champions championed championing""".split()
)
# Verbs whose subject stands behind the proposal they name ("wrote the measure", "sponsored the bill"); with
# anything else as their object they take no stand.
AUTHOR_VERBS = frozenset(
    """wrote write writes authored drafted sponsored sponsors sponsor co-sponsored introduced proposed
    championed""".split()
)
# Group nouns that name a stance toward what follows them ("critics of the bill", "Trump's allies").
OPPOSING_GROUPS = frozenset("critics critic opponents opponent detractors foes skeptics sceptics".split())
SUPPORTING_GROUPS = frozenset(
    "supporters supporter allies ally backers backer defenders defender proponents proponent loyalists "
    "champions".split()
)
# Nouns for the thing a story's dispute is usually about: a source for or against one of them is for or
# against the story's proposal, whichever of these words the story uses for it.
PROPOSAL_NOUNS = frozenset(
    "bill bills legislation measure law proposal plan deal agreement package policy ban bans amendment "
    "ordinance referendum treaty reform reforms nomination program programme initiative tariffs".split()
)
DETERMINERS = frozenset("the this that his her their its our a an".split())
# How far past a stance verb its object may be named, and how many mentions before it may be its subject.
OBJECT_WINDOW = 80
SUBJECT_LOOKBACK = 8

# How strongly a link says two parties are allies or opponents: stronger links are joined first. A stance the
# story states outranks an affiliation; an affiliation outranks a person's own camp ("Brian Kemp" and "the
# Kemp campaign"), which outranks standing together in one sentence. Stances and camps may join two parties
# into one side; a joint statement may bring a neutral source onto a side but never joins two parties ("Both
# Republicans and Democrats have called for it").
STRONG, AFFILIATION, LABEL, CAMP, JOINT = 4, 3, 2, 1, 0
FUSING = frozenset({STRONG, CAMP})

_GROUP_PHRASE = re.compile(r"\b(\w+)\s+(?:of|to)\s+(.+)", re.IGNORECASE)
_POSSESSIVE_GROUP = re.compile(r"(.+?)(?:'s|’s)?\s+(\w+)\s*$")


class Group(NamedTuple):
    """A group named by its stance: which source, where the party it stands toward is named, whether it
    supports that party, and the words that say so."""

    source: int
    target: tuple[int, int]
    supports: bool
    at: tuple[int, int]


@dataclass(frozen=True)
class Link:
    """Two parties joined: ``same`` for allies, not for opponents."""

    a: str
    b: str
    same: bool
    strength: int
    at: tuple[int, int] = (0, 0)  # the words that say so


class Parity:
    """Union-find with parity: each node knows its root and whether it stands with it or against it."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.against: dict[str, bool] = {}  # relative to the parent
        # per root: the side keys standing with it and those standing against it
        self.keys: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def find(self, node: str) -> tuple[str, bool]:
        if node not in self.parent:
            self.parent[node], self.against[node] = node, False
            self.keys[node] = (frozenset({node}) if node.startswith("k:") else frozenset(), frozenset())
            return node, False
        path = []
        while self.parent[node] != node:
            path.append(node)
            node = self.parent[node]
        root, flip = node, False
        for item in reversed(path):  # compress, accumulating parity from the root down
            flip ^= self.against[item]
            self.parent[item], self.against[item] = root, flip
        return root, self.against[path[0]] if path else False

    def join(self, a: str, b: str, same: bool, fuse: bool = False) -> bool:
        """Join ``a`` and ``b`` as allies (``same``) or opponents; False when that contradicts the links
        already joined, or (unless ``fuse``) would put two side keys that were apart on one side: "Both
        Republicans and Democrats have called for it" does not make the two parties one."""
        root_a, parity_a = self.find(a)
        root_b, parity_b = self.find(b)
        wanted = not same
        if root_a == root_b:
            return (parity_a ^ parity_b) == wanted
        flip = parity_a ^ parity_b ^ wanted  # root_b's parity relative to root_a
        with_a, against_a = self.keys[root_a]
        with_b, against_b = self.keys[root_b]
        if flip:
            with_b, against_b = against_b, with_b
        if not fuse and ((with_a and with_b) or (against_a and against_b)):
            return False
        self.parent[root_b] = root_a
        self.against[root_b] = flip
        self.keys[root_a] = (with_a | with_b, against_a | against_b)
        return True


def source_node(index: int) -> str:
    return f"s:{index}"


def key_node(key: str) -> str:
    return f"k:{key}"


PROPOSAL = "t:proposal"


@dataclass
class Mention:
    start: int
    end: int
    node: str


def _mentions(doc: Document, sources: list[Source], ranges: list[tuple[int, int]]) -> list[Mention]:
    """Every place a party is named outside quotations, in text order: a source's mentions, and within
    ``ranges`` (the sentences with a stance word, the groups' descriptions) the words that stand for a
    source (a surname, an organisation's short form), a side key's name ("Democrats") and the story's
    proposal ("the bill")."""
    from rhetlint.analysis.sides import known_sides

    names: dict[str, str] = {}
    for i, source in enumerate(sources):
        if source.type == "named-person":
            surname = identity_surname(source.name)
            if surname and surname[:1].isalpha():
                names.setdefault(surname, source_node(i))
        elif source.type == "named-organisation":
            for word in source.name.split():
                if word[:1].isupper() and len(word) > 3:
                    names.setdefault(word.lower(), source_node(i))
                    break
    found: list[Mention] = []
    by_speaker: dict[str, str] = {}
    for i, source in enumerate(sources):
        for mention in source.mentions:
            found.append(Mention(mention.start, mention.end, source_node(i)))
        for att in source.attributions:
            if att.speaker:
                by_speaker.setdefault(att.speaker, source_node(i))
    # pronouns resolved to a source, its nested clauses too ("King said he supported the package")
    for att in doc.attributions:
        if att.source is not None and att.resolved and att.speaker in by_speaker:
            found.append(Mention(att.source.start, att.source.end, by_speaker[att.speaker]))
    known = known_sides()
    tokens = doc.tokens
    for k in _token_indices(doc, ranges):
        token = tokens[k]
        bare = token.norm.removesuffix("'s")
        if not token.text[:1].isupper() and bare not in PROPOSAL_NOUNS:
            continue
        node = names.get(token.norm.removesuffix("'s"))
        if node is None and token.text[:1].isupper():
            key = known.get(token.text.removesuffix("'s").removesuffix("’s"))
            node = key_node(key) if key else None
        if node is None and bare in PROPOSAL_NOUNS and _determined(tokens, k):
            node = PROPOSAL
        if node is not None:
            found.append(Mention(token.start, token.end, node))
    found = [m for m in found if not doc.in_quote(m.start)]
    found.sort(key=lambda m: (m.start, -m.end))
    return found


def _determined(tokens: list[Token], k: int) -> bool:
    """A proposal noun after a determiner, with at most one word between ("the bill", "the border
    package", "her health plan"): a particular proposal, not proposals in general."""
    if k and tokens[k - 1].norm in DETERMINERS:
        return True
    return k > 1 and tokens[k - 2].norm in DETERMINERS and tokens[k - 1].text.islower()


def _token_indices(doc: Document, ranges: list[tuple[int, int]]) -> list[int]:
    """The indices of the tokens inside ``ranges``, each once, in order."""
    seen: set[int] = set()
    for start, end in set(ranges):  # a sentence with many stance words is read once
        seen.update(range(doc.token_index(start), doc.token_index(end)))
    return sorted(seen)


# Every word that may show a stance.
STANCE_NORMS = OPPOSE_VERBS | SUPPORT_VERBS | AUTHOR_VERBS


def _stance_words(doc: Document) -> list[int]:
    """The token indices of the stance words outside quotations."""
    tokens = doc.tokens
    found = [k for k, token in enumerate(tokens) if token.norm in STANCE_NORMS]
    return [k for k in found if not doc.in_quote(tokens[k].start)]


def _verb_links(doc: Document, mentions: list[Mention], verbs: list[int]) -> list[Link]:
    """ "X criticised Y", "Y was praised by X", "X, who opposes the bill": one link per stance verb whose
    subject and object both name a party in its sentence."""
    starts = [m.start for m in mentions]
    links = []
    tokens = doc.tokens
    for k in verbs:
        token = tokens[k]
        author = token.norm in AUTHOR_VERBS
        same = author or token.norm in SUPPORT_VERBS
        if not same and token.norm not in OPPOSE_VERBS:
            continue
        if _not_a_stand(tokens, k):
            continue
        sentence = doc.sentence_at(token.start)
        if sentence is None:
            continue
        passive = k + 1 < len(tokens) and tokens[k + 1].norm == "by"
        lo = bisect_left(starts, sentence.start)
        at = bisect_left(starts, token.end)
        # the subject is named just before the verb: the last few mentions are enough, however long the
        # sentence (which keeps a run-on sentence of many stance words linear)
        nearby = mentions[max(lo, at - SUBJECT_LOOKBACK) : at]
        before = [m for m in nearby if m.end <= token.start and not _after_preposition(doc, m)]
        limit = min(sentence.end, token.end + OBJECT_WINDOW)
        later = [m for m in mentions[at : bisect_right(starts, limit)] if m.start >= token.end]
        if passive:
            later = later[:1] if later and later[0].node.startswith("s:") else []
            subject, target = (later[0], before[-1]) if later and before else (None, None)
        else:
            last = max(before, key=lambda m: (m.end, m.end - m.start)) if before else None
            subject = last if last is not None and _next_to(tokens, doc.token_index(last.end), k) else None
            # a stance toward a whole country or party ("blamed Beijing", "accused the Republican") is too
            # broad to place anyone in this story's dispute: only a source or the proposal is a target
            target = later[0] if later and not later[0].node.startswith("k:") else None
            if target is not None and _owns_proposal(doc, target):
                target = Mention(target.start, target.end, PROPOSAL)  # "supported Gillibrand's bill"
            if author and (target is None or target.node != PROPOSAL or target.start - token.end > 12):
                target = None  # "wrote the measure" backs it; "wrote Smith a letter" backs nobody
            if subject is not None and subject.node.startswith("k:"):
                subject = _described(doc, before, subject)
        if subject is not None and target is not None and subject.node != target.node:
            links.append(Link(subject.node, target.node, same, STRONG, (token.start, token.end)))
    return links


def _described(doc: Document, before: list[Mention], label: Mention) -> Mention:
    """ "Paul Renner, a Republican who opposes the bill": a party label in a source's appositive describes that
    source, who is the subject of the verb after it."""
    at = before.index(label)
    if at and before[at - 1].node.startswith("s:"):
        between = doc.text[before[at - 1].end : label.start]
        if APPOSITIVE_OPENING.fullmatch(between):
            return before[at - 1]
    return label


APPOSITIVE_OPENING = re.compile(r"\s*,\s*(?:(?:a|an|the)\s+)?(?:[\w.-]+\s+){0,2}")


def _owns_proposal(doc: Document, mention: Mention) -> bool:
    """ "Gillibrand's bill": a party named as the owner of a proposal stands for the proposal there."""
    k = doc.token_index(mention.end)
    tokens = doc.tokens
    if k >= len(tokens):
        return False
    if tokens[k].norm in ("'s", "’s", "'"):
        k += 1
    elif not tokens[k - 1].norm.endswith("'s"):
        return False
    return k < len(tokens) and tokens[k].norm in PROPOSAL_NOUNS


def _next_to(tokens: list[Token], after: int, k: int) -> bool:
    """Whether the words from token ``after`` up to the stance verb at ``k`` can stand between a subject and
    its verb ("Smith, who has long opposed", "Republicans also support"): the subject of a stance verb is the
    party named right before it, not one named earlier in the sentence."""
    return k - after <= 4 and all(t.norm in BETWEEN_SUBJECT_AND_VERB for t in tokens[after:k])


# Words that may stand between a stance verb and the party before it that is its subject.
BETWEEN_SUBJECT_AND_VERB = frozenset(
    ", who which that has have had also still now publicly strongly openly long repeatedly sharply "
    "quickly has been is are was were on again later earlier today yesterday monday tuesday wednesday "
    "thursday friday saturday sunday".split()
)


def _not_a_stand(tokens: list[Token], k: int) -> bool:
    """A stance word that takes no stand where it stands: negated ("did not criticise"), or a noun ("the
    terrorist attacks", "Smith's challenge", "Democratic support")."""
    if any(t.norm in NEGATIONS for t in tokens[max(0, k - 3) : k]):
        return True
    word = tokens[k].norm
    if k == 0 or word.endswith(("ed", "ing")) or word in IRREGULAR_PAST:
        return False
    prev = tokens[k - 1]
    if prev.norm in PRONOUNS or prev.norm in SUBJECT_LINKS or prev.norm in MODALS:
        return False
    if prev.norm in NOUN_MARKERS or prev.norm.endswith("'s"):
        return True
    # a present form after a lower-case word that cannot be its subject is a noun ("terrorist attacks", "a
    # military attack"); a base form after a capitalised singular is one too ("Democratic support")
    return prev.text.islower() or (not word.endswith("s") and not prev.norm.endswith("s"))


# Past forms of the stance and authorship verbs that do not end in "-ed".
IRREGULAR_PAST = frozenset({"wrote", "fought", "co-wrote"})


# Words that may stand between a subject and its present-tense verb ("who opposes", "also backs", "to
# criticise").
SUBJECT_LINKS = frozenset("who which that and also still now publicly strongly openly long to".split())


def _after_preposition(doc: Document, mention: Mention) -> bool:
    """A party named after a preposition ("common ground with Democrats") is no subject."""
    k = doc.token_index(mention.start)
    return k > 0 and doc.tokens[k - 1].norm in PREPOSITIONS


def _stance_groups(doc: Document, sources: list[Source]) -> list[Group]:
    """The unnamed groups and organisations named by their stance toward a party ("critics of the border
    package", "supporters of the legislation", "Trump's allies")."""
    out = []
    for i, source in enumerate(sources):
        if source.type not in ("vague", "anonymous", "named-organisation"):
            continue
        for mention in source.mentions[:3]:
            text = doc.text[mention.start : mention.end]
            stance, target = _group_stance(text)
            if stance is not None:
                start = mention.start + text.find(target)
                out.append(Group(i, (start, start + len(target)), stance, (mention.start, mention.end)))
                break
    return out


def _group_links(mentions: list[Mention], groups: list[Group]) -> list[Link]:
    """A group named by its stance toward a party stands against it or with it."""
    links = []
    starts = [m.start for m in mentions]
    for group in groups:
        node = _named_in(mentions, starts, *group.target, source_node(group.source))
        if node is not None:
            links.append(Link(source_node(group.source), node, group.supports, STRONG, group.at))
    return links


def _group_stance(text: str) -> tuple[bool | None, str]:
    """Whether a group's description names it as supporters (True) or opponents (False) of what it names,
    and the words that name that."""
    m = _GROUP_PHRASE.search(text)
    if m and m.group(1).lower() in OPPOSING_GROUPS | SUPPORTING_GROUPS:
        return m.group(1).lower() in SUPPORTING_GROUPS, m.group(2)
    m = _POSSESSIVE_GROUP.match(text)
    if m and m.group(2).lower() in OPPOSING_GROUPS | SUPPORTING_GROUPS:
        return m.group(2).lower() in SUPPORTING_GROUPS, m.group(1)
    return None, ""


def _named_in(mentions: list[Mention], starts: list[int], start: int, end: int, own: str) -> str | None:
    """The first party named between ``start`` and ``end`` other than ``own`` (``starts``: the mentions'
    starts, for bisection)."""
    for m in mentions[bisect_left(starts, start) : bisect_left(starts, end)]:
        if m.node != own:
            return m.node
    return None


def _camp_links(sources: list[Source]) -> list[Link]:
    """ "Brian Kemp" and "the Kemp campaign", "Donald Trump" and "the Trump administration": a person stands
    with their own camp."""
    keys = {s.side for s in sources if s.side}
    links = []
    for i, source in enumerate(sources):
        if source.type == "named-person":
            surname = identity_surname(source.name)
            if surname in keys and surname != source.side:
                at = (source.mentions[0].start, source.mentions[0].end) if source.mentions else (0, 0)
                links.append(Link(source_node(i), key_node(surname), True, CAMP, at))
    return links


def _joint_links(sources: list[Source]) -> list[Link]:
    """ "Sen. Ann Smith and Rep. Bo Jones urged": sources credited with one reporting clause are allies."""
    by_cue: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, source in enumerate(sources):
        for att in source.attributions:
            if att.cue is not None and att.kind != "quote":
                by_cue[(att.cue.start, att.cue.end)].append(i)
    links: list[Link] = []
    for cue, members in by_cue.items():
        unique = sorted(set(members))
        links.extend(
            Link(source_node(a), source_node(b), True, JOINT, cue)
            for a, b in zip(unique, unique[1:], strict=False)
        )
    return links


def _affiliation_links(sources: list[Source]) -> list[Link]:
    """A source and the side its affiliation gave it; a party label or a country is the weakest link (a
    dispute often runs inside a party or across parties), an organisation a stronger one."""
    from rhetlint.analysis.sides import country_sides, known_sides

    labels = set(known_sides().values()) | country_sides()
    return [
        Link(source_node(i), key_node(s.side), True, LABEL if s.side in labels else AFFILIATION)
        for i, s in enumerate(sources)
        if s.side
    ]


@dataclass
class StanceSides:
    """The outcome: each source's side (None for neutral) and which side keys were folded into which."""

    sides: list[str | None]
    aliases: dict[str, str]  # a side key -> the side it now belongs to
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)  # node -> the words that placed it


def stance_sides(doc: Document, sources: list[Source]) -> StanceSides:
    """Group the sources (whose ``side`` holds what their affiliation says) by the story's dispute."""
    verbs = _stance_words(doc)
    groups = _stance_groups(doc, sources)
    ranges = [g.target for g in groups]
    for k in verbs:
        sentence = doc.sentence_at(doc.tokens[k].start)
        if sentence is not None:
            ranges.append((sentence.start, sentence.end))
    mentions = _mentions(doc, sources, ranges) if ranges else []
    stances = _group_links(mentions, groups) + _verb_links(doc, mentions, verbs)
    stances += _camp_links(sources) + _joint_links(sources)
    if not stances:  # nothing but affiliations: the sides stand as they are
        return StanceSides([s.side for s in sources], {})
    links = stances + _affiliation_links(sources)
    merged: Counter[tuple[str, str, bool, int]] = Counter()
    for link in links:
        a, b = sorted((link.a, link.b))
        merged[(a, b, link.same, link.strength)] += 1
    # a pair both praised and criticised keeps the stance said more often
    net: dict[tuple[str, str, int], int] = defaultdict(int)
    for (a, b, same, strength), n in merged.items():
        net[(a, b, strength)] += n if same else -n
    parity = Parity()
    for (a, b, strength), n in sorted(net.items(), key=lambda item: (-item[0][2], -abs(item[1]))):
        if n:
            parity.join(a, b, n > 0, fuse=strength in FUSING)
    outcome = _name_classes(doc, sources, parity, {n for pair in net for n in pair[:2]})
    for link in sorted(links, key=lambda link: -link.strength):
        if link.at != (0, 0):
            outcome.evidence.setdefault(link.a, link.at)
            outcome.evidence.setdefault(link.b, link.at)
    return outcome


def _name_classes(doc: Document, sources: list[Source], parity: Parity, linked: set[str]) -> StanceSides:
    """Name each class after its best-known side key, after the proposal it backs or opposes, or after the
    class it stands against; a class with none of these is no party and its sources stay neutral."""
    classes: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for node in linked:
        root, against = parity.find(node)
        classes[(root, against)].append(node)
    weight: Counter[str] = Counter()
    for s in sources:
        if s.side:
            weight[s.side] += len(s.attributions)
    names: dict[tuple[str, bool], str] = {}
    proposal = _proposal_word(doc) if PROPOSAL in linked else ""
    for cls, nodes in classes.items():
        keys = [n[2:] for n in nodes if n.startswith("k:")]
        if PROPOSAL in nodes:  # a dispute over a proposal is named after it, whoever backs it
            names[cls] = f"{proposal}-supporters"
        elif PROPOSAL in classes.get((cls[0], not cls[1]), ()):
            names[cls] = f"{proposal}-opponents"
        elif keys:
            names[cls] = max(keys, key=lambda k: (weight[k], k))
    for (root, against), nodes in list(classes.items()):
        facing = classes.get((root, not against))
        if (root, against) in names or (root, not against) in names or not facing:
            continue
        # two camps of people, neither tied to a body: the better-heard one is named after its leading voice
        mine, theirs = _voice(sources, nodes), _voice(sources, facing)
        if mine > theirs:
            names[(root, against)] = mine[1]
    for root, against in classes:
        other = names.get((root, not against))
        if (root, against) not in names and other is not None:
            names[(root, against)] = f"{other}-critics"
    sides: list[str | None] = []
    for i, source in enumerate(sources):
        node = source_node(i)
        sides.append(names.get(parity.find(node)) if node in linked else source.side)
    aliases = {}
    for cls, nodes in classes.items():
        for n in nodes:
            if n.startswith("k:") and cls in names and names[cls] != n[2:]:
                aliases[n[2:]] = names[cls]
    return StanceSides(sides, aliases)


def _voice(sources: list[Source], nodes: list[str]) -> tuple[int, str]:
    """The attributions of a class's most-quoted source and that source's surname, as a side's name."""
    best = (0, "")
    for node in nodes:
        if node.startswith("s:"):
            source = sources[int(node[2:])]
            best = max(best, (len(source.attributions), identity_surname(source.name) or source.name.lower()))
    return best


def _proposal_word(doc: Document) -> str:
    """The word the story uses most for the proposal its dispute is about ("bill")."""
    counts = Counter(t.norm for t in doc.tokens if t.norm in PROPOSAL_NOUNS)
    return counts.most_common(1)[0][0] if counts else "proposal"


def apply_stance(doc: Document, sources: list[Source]) -> dict[str, str]:
    """Set each source's side from the story's dispute (``side`` holds what its affiliation said); returns
    the side keys folded into other sides, so that the writer's mentions of them count for those."""
    from rhetlint.analysis.sides import SideEvidence

    outcome = stance_sides(doc, sources)
    for i, (source, side) in enumerate(zip(sources, outcome.sides, strict=True)):
        if side == source.side:
            continue
        source.side = side
        at = outcome.evidence.get(source_node(i))
        if side is None:
            source.side_evidence = None
        elif at is not None:  # a stance placed it; else the affiliation that did stays its evidence
            text = " ".join(doc.text[at[0] : at[1]].split())
            source.side_evidence = SideEvidence(text, at[0], at[1], False)
    return outcome.aliases
