"""Find attributions: who the draft credits with which words.

One pass over the sentences. A *cue* is a reporting verb ("said", "told", "believes"), "according to", a
passive report ("it is believed", "is widely seen as") or a sourceless phrase ("conventional wisdom"). Around
each cue we look for the *source* (the subject before the verb, the inverted subject after a quotation
("…," said Smith), the agent after "by", the name after "according to") and the *content* (an adjacent
quotation, the clause after the verb, or the clause before ", she said"). Sources are typed from the word
lists in ``rhetlint/data/attribution_*.txt`` and from capitalisation; pronouns and bare roles ("he said",
"the spokesman added") are resolved to the last matching named source nearby, surnames to full names.

No parser is involved: the heuristics read tokens, the punctuation between them and the quotation marks the
document model already found, so the analysis stays cheap enough to run on every lint.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from rhetlint.analysis.wordlists import tagged_phrases, word_set
from rhetlint.model.document import Span
from rhetlint.text.inflect import verb_forms
from rhetlint.text.tokens import visible

if TYPE_CHECKING:
    from rhetlint.model.document import Document, Sentence
    from rhetlint.text.quotes import Quote
    from rhetlint.text.tokens import Token

# How a source is described; "none" means the attribution names no source at all.
SOURCE_TYPES = ("named-person", "named-organisation", "anonymous", "vague", "place-for-government", "none")
# Kinds of attribution: direct quotation, paraphrase with a reporting verb, "according to X", an agentless
# report ("it is believed"), and an impression in the writer's voice ("appears to").
KINDS = ("quote", "paraphrase", "according-to", "sourceless", "impression")


class Attribution(NamedTuple):
    """One attribution: a cue, who it credits (``source``) and with what (``content``)."""

    kind: str  # one of KINDS
    cue: Span | None  # the reporting verb or phrase; None for a quotation continued from an earlier cue
    source: Span | None  # the words naming the speaker as written (None when sourceless)
    content: Span | None  # the words attributed
    source_type: str  # one of SOURCE_TYPES
    speaker: str | None  # canonical name of a named or resolved source ("Ana Ruiz", "Selwyn Port Authority")
    cue_class: str = ""  # say, speech, clause, belief, as, stance, evidence, refusal, quote, according, ...
    head: str = ""  # the source's head word, lowercase ("officials", "critics", "ruiz", "he")
    roles: tuple[str, ...] = ()  # title and role words given with the source ("spokesman", "director")
    resolved: bool = False  # the source is a pronoun or bare role resolved from earlier text


# --- word lists ----------------------------------------------------------------------------------------
# Classes and tags allowed after a verb in attribution_verbs.txt (documented in that file's header).
VERB_CLASSES = frozenset({"say", "speech", "clause", "belief", "as", "stance", "evidence", "refusal", "quote",
                          "impression", "hearsay", "past"})
# Cue classes whose subject must look like a source (a name, pronoun, role, group or document).
NEEDS_SOURCE_LIKE = frozenset({"speech", "clause", "belief", "as", "stance", "refusal", "quote"})
# Cue classes that may take an inverted subject after a quotation or comma ("…," said Smith).
INVERTIBLE = frozenset({"say", "speech", "clause", "quote"})


class Cue(NamedTuple):
    """One reading of a word as a reporting verb: "said" is the past of "say", class "say"."""

    base: str
    cls: str
    form: str  # base, 3sg, past, pp or ing
    hearsay: bool
    particle: tuple[str, ...]


class Lexicon(NamedTuple):
    """The word lists, loaded once and indexed for dict lookups."""

    cues: dict[str, tuple[Cue, ...]]  # first word (any inflection) -> entries, particle verbs first
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # sourceless phrases by first word
    anonymous: frozenset[str]
    vague: frozenset[str]
    institutions: frozenset[str]
    titles: frozenset[str]
    org_words: frozenset[str]
    documents: frozenset[str]
    places: frozenset[str]
    demonyms: frozenset[str]
    demonym_adjectives: frozenset[str]
    nouns: frozenset[str]  # every noun above: a cue form that is one of these may be a noun ("report")
    triggers: frozenset[str]  # every word that can start a cue
    not_names: frozenset[str]  # grammar words, titles, demonyms and times: never part of a person's name


@cache
def lexicon() -> Lexicon:
    """Build the cue index and the source word sets once per process."""
    cues: dict[str, list[Cue]] = {}
    for phrase, tags in tagged_phrases("attribution_verbs", VERB_CLASSES):
        words = phrase.split(" ")
        cls = next((t for t in tags if t not in ("hearsay", "past")), "speech")
        for form, name in verb_forms(words[0]).items():
            if "past" in tags and name not in ("past", "pp"):
                continue  # "state", "issue": the present forms are nearly always nouns
            cues.setdefault(form, []).append(Cue(words[0], cls, name, "hearsay" in tags, tuple(words[1:])))
    ordered = {k: tuple(sorted(v, key=lambda c: -len(c.particle))) for k, v in cues.items()}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, tags in tagged_phrases("attribution_sourceless", {"vague", "none"}, max_tags=1):
        words = phrase.split(" ")
        phrases.setdefault(words[0], []).append((tuple(words[1:]), tags[0] if tags else "none"))
    demonyms = word_set("attribution_demonyms")
    adjectives = frozenset({d[:-1] for d in demonyms if d.endswith("s")} | demonyms
                           | {"u.s", "us", "american", "republican", "democratic", "gop"})
    lex = Lexicon(
        cues=ordered,
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        anonymous=word_set("attribution_anonymous"),
        vague=word_set("attribution_vague"),
        institutions=word_set("attribution_institutions"),
        titles=word_set("attribution_titles"),
        org_words=word_set("attribution_org_words"),
        documents=word_set("attribution_documents"),
        places=word_set("attribution_places"),
        demonyms=demonyms,
        demonym_adjectives=adjectives,
        nouns=frozenset(),
        triggers=frozenset(ordered) | frozenset(phrases) | {"according"},
        not_names=frozenset(),
    )
    nouns = lex.anonymous | lex.vague | lex.institutions | lex.titles | lex.org_words | lex.documents
    not_names = (NAME_DROP | QUANTIFIERS | lex.titles | adjectives | TIME_WORDS | frozenset(PRONOUNS)
                 | CLAUSE_WORDS | ASIDE_OPENERS)
    return lex._replace(nouns=nouns, not_names=not_names)


# --- grammar words (closed classes, kept in code) -------------------------------------------------------
# Pronouns that can be a speaker, with the antecedent they refer back to.
PRONOUNS = {"he": "person", "she": "person", "i": "self", "we": "self", "you": "self", "they": "group",
            "it": "thing"}
# Words before an ambiguous cue form that make it a noun ("the report", "his claims", "new findings").
NOUN_MARKERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its",
                          "our", "my", "your", "whose", "every", "each", "no", "any", "another", "new",
                          "latest", "recent", "annual", "official", "final", "first", "such", "of", "public",
                          "private", "earlier", "previous", "initial", "preliminary", "own"})
# Auxiliaries, negation and adverbs that may stand between a subject and its reporting verb.
AUX_SKIP = frozenset({"also", "has", "have", "had", "did", "does", "do", "not", "n't", "never", "would", "will",
                      "could", "can", "may", "might", "should", "must", "shall", "then", "later", "previously",
                      "recently", "once", "again", "already", "still", "often", "even", "just", "first", "since",
                      "is", "are", "was", "were", "been", "be", "am", "long", "ever", "too", "now", "further",
                      "however", "both", "all", "each", "always", "only", "reportedly", "didn't", "doesn't",
                      "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "couldn't", "can't", "isn't",
                      "wasn't", "aren't", "weren't", "cannot", "yet", "soon", "last", "here", "today",
                      "yesterday", "tonight"})
# Forms of "be": a participle after one is passive ("is believed").
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "it's", "that's", "'s", "'re"})
# Words that start a new clause: a subject never reaches back past one.
CLAUSE_WORDS = frozenset({"that", "and", "but", "or", "nor", "because", "while", "as", "when", "if", "after",
                          "before", "since", "although", "though", "so", "than", "where", "whether", "what",
                          "how", "why", "until", "unless", "whereas", "whom", "who", "which", "whose", "is",
                          "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could",
                          "can", "may", "might", "should", "must", "to", "not", "said", "says", "did", "do",
                          "does", "there", "here", "yet", "then", "also"})
# Words that cannot end a subject noun phrase: determiners, quantifiers, numbers, prepositions.
NOT_NP_END = frozenset({"a", "an", "the", "this", "these", "those", "his", "her", "their", "its", "our", "my",
                        "your", "some", "many", "most", "several", "few", "other", "another", "each", "every",
                        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "of",
                        "in", "on", "at", "for", "from", "with", "by", "under", "over", "into", "about",
                        "against", "between", "among", "through", "during", "without", "within", "like",
                        "more", "less", "such", "no", "any", "all", "both", "either", "neither", "upon"})
# Words after which a bare verb form is a verb whatever the subject ("will say", "did not want", "to").
BASE_LICENSORS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall", "do",
                            "does", "did", "don't", "doesn't", "didn't", "won't", "wouldn't", "couldn't",
                            "can't", "cannot", "shouldn't", "to", "'ll", "let", "please"})
# Forms of "have": a bare form after one is a noun ("has support").
HAVE = frozenset({"has", "have", "had", "having"})
# Plural nouns that do not end in -s ("people say", "police believe").
PLURAL_NOUNS = frozenset({"people", "police", "media", "staff", "public", "clergy", "faithful", "men", "women",
                          "children", "folks", "youth", "data", "gop", "leadership", "government"})
# Verbs that hand their subject to a following infinitive cue ("continued to complain", "began to argue").
CHAIN_VERBS = ("continue", "begin", "start", "try", "attempt", "go", "move", "rush", "hasten", "repeat",
               "choose", "vow", "threaten", "appear", "seem", "proceed", "hurry", "dare")
# Title-list words that qualify a role rather than name one ("senior", "former").
ROLE_MODIFIERS = frozenset({"senior", "former", "acting", "interim", "state", "federal", "foreign", "vice",
                            "deputy", "assistant", "associate", "prime", "press", "general", "chief"})
# Determiners that open a noun phrase.
DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those"})
# Prepositions inside a noun phrase ("the head of the agency", "a spokesman for the ministry").
PREPOSITIONS = frozenset({"of", "for", "at", "from", "with", "in", "on", "to", "by", "within", "inside",
                          "near", "across", "between", "among", "under", "outside", "behind", "around",
                          "beyond", "throughout", "toward", "towards", "over", "about", "against"})
# Unnamed-source nouns that a definite mention refers back to ("the people", "the officials").
FOLLOW_UP_HEADS = frozenset({"people", "person", "official", "officials", "source", "sources", "diplomat",
                             "diplomats", "aide", "aides", "adviser", "advisers", "insider", "insiders"})
# Words that open a subordinate clause with its own subject ("when Trump spotted …", "because she …").
CLAUSE_OPENERS = frozenset({"when", "because", "while", "after", "before", "since", "although", "though", "if",
                            "unless", "until", "whereas", "once"})
# Relative pronouns: "the man who ran the campaign said" keeps the noun phrase before them.
RELATIVES = frozenset({"who", "which", "whose", "whom"})
# Words that end a noun phrase's head and begin a modifier ("officials familiar with", "head of").
POSTMOD = frozenset({"of", "at", "in", "for", "from", "with", "on", "familiar", "close", "who", "which", "that",
                     "to", "under", "within", "inside", "outside", "near", "across", "between", "among",
                     "representing", "working", "involved", "briefed", "knowledgeable", "aware", "based"})
# Modifiers that make "people", "those" or "someone" an anonymous source ("people familiar with the talks").
IN_THE_KNOW = frozenset({"familiar", "close", "briefed", "knowledgeable", "involved", "aware", "inside",
                         "within", "privy", "closest"})
# Quantifiers that turn a group into an unspecified part of it ("some Democrats", "many experts").
QUANTIFIERS = frozenset({"some", "many", "most", "several", "few", "numerous", "countless", "various",
                         "certain", "lots", "plenty", "multiple", "dozens", "hundreds", "thousands", "millions"})
# Time words that may sit at the edge of a source ("On Tuesday Smith said", "said Smith on Tuesday").
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "yesterday", "today", "tonight", "earlier", "later", "last", "this", "next", "week",
                        "weekend", "month", "year", "morning", "afternoon", "evening", "night", "on", "in", "at",
                        "during", "january", "february", "march", "april", "june", "july", "august",
                        "september", "october", "november", "december", "now", "then", "meanwhile", "and",
                        "but", "so", "also", "still", "yet", "separately", "instead", "however", "previously"})
# Openers of a comma-bounded aside that does not describe the speaker ("Smith, however, said").
ASIDE_OPENERS = frozenset({"however", "meanwhile", "though", "too", "also", "in", "on", "at", "during", "for",
                           "after", "before", "speaking", "asked", "when", "while", "instead", "nevertheless",
                           "moreover", "furthermore", "then", "now", "still", "later", "earlier", "again",
                           "according", "responding", "writing", "testifying", "appearing", "echoing",
                           "separately", "likewise", "similarly", "indeed", "citing", "like", "unlike", "as"})
# Words that end a noun phrase read rightwards ("said Smith on Tuesday", "according to officials in Kyiv").
RIGHT_STOP = frozenset({"on", "in", "at", "during", "after", "before", "when", "while", "as", "to", "that",
                        "about", "yesterday", "today", "tonight", "last", "this", "earlier", "who", "which",
                        "and", "but", "is", "are", "was", "were", "has", "have", "had", "will", "would",
                        "could", "can", "may", "might", "said", "says", "told", "because", "if", "than",
                        "with", "since", "by", "via", "into", "over", "through", "amid", "despite", "where",
                        "whose", "there", "it", "not", "monday", "tuesday", "wednesday", "thursday", "friday",
                        "saturday", "sunday", "adding", "saying", "noting", "so", "or", "under", "across",
                        "against", "until", "also", "per"})
# Adverbs that make a passive report general ("is widely believed", "has long been seen as").
GENERAL_ADVERBS = frozenset({"widely", "generally", "commonly", "often", "broadly", "popularly",
                             "universally", "increasingly", "largely", "frequently", "sometimes",
                             "traditionally", "long", "usually", "typically", "occasionally", "variously",
                             "repeatedly", "roundly"})
# Adverbs allowed between "be" and a participle ("is widely believed", "was not expected").
PASSIVE_SKIP = GENERAL_ADVERBS | frozenset({"not", "also", "still", "now", "being", "been", "already",
                                            "even", "once", "then", "never", "previously", "privately",
                                            "publicly", "reportedly", "initially", "originally", "first"})
# Determiners and possessives that make a document definite ("the report") rather than unnamed ("a study").
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
                      "your", "whose"})
# Speech verbs whose passive still reports what someone said ("was criticized", "was asked").
PASSIVE_SPEECH = frozenset({"ask", "criticize", "criticise", "accuse", "praise", "condemn", "blame", "predict",
                            "confirm", "estimate", "quote", "cite", "warn", "urge", "promise", "deny",
                            "question", "dismiss", "reject", "challenge", "dispute", "hail", "label", "brand",
                            "dub", "describe", "characterize", "characterise", "deem", "call"})
# Words before an -ing cue that make it a participle clause of the main subject ("after saying", "by arguing").
PARTICIPLE_LEADS = frozenset({"by", "after", "while", "without", "before", "when", "in", "through", "since",
                              "also", "and", "again", "repeatedly", "even", "then"})
# Describing verbs whose agentless passive is a vague attribution even without "to"/"as" ("was called a hoax").
DESCRIBING = frozenset({"call", "describe", "label", "brand", "dub", "deem", "consider", "regard", "term"})
# A year, which makes a study or census identifiable ("a 2019 study").
YEAR = re.compile(r"(?:1[89]|20)\d\d")
# Verbs that name rather than judge when a name follows ("is called `the Twenties'", "is known as Teesside").
NAMING = frozenset({"call", "name", "dub", "term", "know", "title", "nickname", "style"})
# A quotation mark of any style, including TeX and typewriter quotes.
QUOTE_MARK = re.compile(r"[\"“”‘'`«»]")
# Particles after "called" that make it a different verb ("called off", "called up").
CALL_PARTICLES = frozenset({"off", "up", "in", "out", "back", "for", "on", "to", "upon", "into"})
# Leading words dropped from a canonical name ("the Selwyn Port Authority" -> "Selwyn Port Authority").
NAME_DROP = frozenset({"the", "a", "an", "this", "that", "his", "her", "their", "its", "our"})
# Nouns whose evidence verbs ("found", "shows") are cues even when the subject is a person group.
RESEARCHERS = frozenset({"researchers", "scientists", "investigators", "experts", "analysts", "economists",
                         "auditors", "inspectors", "scholars", "historians", "pollsters", "researcher",
                         "scientist", "economist", "analyst", "investigator", "auditor", "inspector"})
# Nouns that look like people, so an unknown subject of "said" is an unnamed person rather than a thing.
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "men", "woman", "women", "people",
                   "person", "child", "children", "teen", "teens", "ers", "ors", "ists", "ians", "ants",
                   "ents", "ee", "ees")

# Punctuation between two words that ends a noun phrase: commas, quotes, brackets, colons, dashes.
HARD_GAP = re.compile(r"[,;:\"“”„«»()\[\]—–!?]|['‘’](?=\s|$)|(?<=\s)['‘’]|\s-+\s|--")
# A dash between words used as a parenthesis: " - ", " -- ", "—", " – ".
DASH_GAP = re.compile(r"\s-{1,2}\s|[—–]")
# The end of a quotation followed by its attribution: ',” said' / '," she said' / ",'' said".
QUOTE_CLOSE_GAP = re.compile(r"[,.!?…]\s*[\"”»'’“]+\s*$|[\"”»]\s*,\s*$")
# A quotation in doubled apostrophes or TeX quotes, within one paragraph: ''Yes,'' he said. / ``Yes.''
TYPEWRITER_QUOTE = re.compile(r"(?:''|``)(?=\S)(?:(?!''|\n\s*\n).){1,2000}?\S''", re.S)
# Spaces and light punctuation between a quotation and its attribution (never a line break: paragraphs differ).
QUOTE_JOIN = " \t,:;—–-"

MAX_NP = 8  # longest source read leftwards from a verb, in words
MAX_RIGHT = 10  # longest source read rightwards ("according to …", "said …")
MAX_APPOSITIVE = 30  # longest ", the port's executive director," between a name and its verb
WINDOW = 2500  # characters back that "he said" / "the spokesman added" may reach for an antecedent


class _Source(NamedTuple):
    """A classified source noun phrase."""

    type: str
    head: str
    speaker: str | None
    roles: tuple[str, ...]
    resolved: bool = False
    plural: bool = False


class _Named(NamedTuple):
    offset: int
    speaker: str
    type: str
    roles: frozenset[str]
    plural: bool
    head: str = ""


def find_attributions(doc: Document) -> list[Attribution]:
    """Return the document's attributions in text order."""
    return _Finder(doc).run()


class _Finder:
    """State for one document: quotation lookups and the named sources seen so far."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon()
        quotes = [q for q in doc.quotes if q.level == 1]
        if "''" in self.text:
            quotes = _with_typewriter_quotes(self.text, quotes)
        self.quote_by_end: dict[int, Quote] = {q.end: q for q in quotes}
        self.quote_by_start: dict[int, Quote] = {q.start: q for q in quotes}
        self.quotes = quotes
        self.doc_quotes = sum(1 for q in doc.quotes if q.level == 1)
        self.quote_starts = [q.start for q in quotes]
        self.recent: list[_Named] = []
        self.surnames: dict[str, str] = {}  # surname -> full name of a source seen so far
        self.full_names: dict[str, tuple[str | None, int]] = {}  # surname -> first "First Last" in the text
        self.roles: dict[str, set[str]] = {}
        self.out: list[Attribution] = []

    # --- driver --------------------------------------------------------------------------------------
    def run(self) -> list[Attribution]:
        doc, lex = self.doc, self.lex
        cues, phrases, triggers = lex.cues, lex.phrases, lex.triggers
        tokens = doc.tokens
        in_quote = doc.in_quote if len(self.quotes) == self.doc_quotes else self._in_quote
        sentences = doc.sentences
        sentence_index, token_index = doc.sentence_index, doc.token_index

        # one cheap pass finds the few tokens that can start a cue; only their sentences are read closely
        hits = [i for i, t in enumerate(tokens) if t.norm in triggers]
        done_sentence = -1
        with_cues: set[int] = set()
        for i in hits:
            tok = tokens[i]
            si = sentence_index(tok.start)
            if si < 0 or si == done_sentence or tok.start >= sentences[si].end:
                continue
            done_sentence = si
            sent = sentences[si]
            a = token_index(sent.start)
            b = token_index(sent.end, a)
            toks = tokens[a:b]
            before = len(self.out)
            consumed = -1  # tokens up to this index belong to an earlier cue
            for k in range(i - a, b - a):
                if k <= consumed:
                    continue
                tok = toks[k]
                norm = tok.norm
                if norm not in triggers:
                    continue
                entries = cues.get(norm)
                if entries is not None and in_quote(tok.start) and not self._closed_by_typo(sent, tok.start):
                    continue  # a speaker's own report inside a quotation is their words, not the draft's sourcing
                if entries is not None:
                    consumed = max(consumed, self._verb(sent, toks, k, entries))
                elif norm == "according" and k + 1 < len(toks) and toks[k + 1].norm == "to":
                    consumed = max(consumed, self._according(sent, toks, k))
                if norm in phrases:
                    consumed = max(consumed, self._phrase(sent, toks, k, phrases[norm]))
            if len(self.out) > before:
                with_cues.add(si)
        text = self.text
        colon = text.find(":")
        while colon >= 0:  # headline attributions ("Smith: …") in sentences with no other cue
            si = sentence_index(colon)
            if si >= 0 and si not in with_cues and colon - sentences[si].start < 80:
                sent = sentences[si]
                a = token_index(sent.start)
                b = token_index(sent.end, a)
                if b > a:
                    self._colon_quote(sent, tokens[a:b])
                with_cues.add(si)
            colon = text.find(":", colon + 1)
        self._continuations()
        self.out.sort(key=lambda a: (a.cue or a.content or a.source).start)  # type: ignore[union-attr]
        return self.out

    # --- helpers -------------------------------------------------------------------------------------
    def _closed_by_typo(self, sent: Sentence, offset: int) -> bool:
        """Whether the last quotation mark before ``offset`` in its sentence closes a quotation although it is
        an opening mark ('…,“ said Jim Clyburn'): punctuation before it, a space after it."""
        text = self.text
        mark = max(text.rfind(c, sent.start, offset) for c in "\"“”")
        return mark > sent.start and text[mark - 1] in ",.!?" and text[mark + 1:mark + 2] == " "

    def _in_quote(self, offset: int) -> bool:
        """Like ``doc.in_quote`` but also inside ''typewriter'' quotations."""
        from bisect import bisect_right

        i = bisect_right(self.quote_starts, offset) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.start <= offset < q.end:
                return True
            if offset - q.start > 5000:
                return False
            i -= 1
        return False

    def _gap(self, toks: list[Token], i: int) -> str:
        """Text between token i-1 and token i."""
        return self.text[toks[i - 1].end:toks[i].start] if i > 0 else ""

    def _hard(self, toks: list[Token], i: int) -> bool:
        """Whether punctuation that ends a noun phrase stands between token i-1 and token i."""
        if i <= 0:
            return False
        a, b = toks[i - 1].end, toks[i].start
        if b - a == 1 and self.text[a] == " ":
            return False  # the common case: one space
        return b > a and HARD_GAP.search(self.text[a:b]) is not None

    def _span(self, start: int, end: int) -> Span:
        return Span(start, end, visible(self.text[start:end]))

    def _tok_span(self, toks: list[Token], s: int, e: int) -> Span:
        return self._span(toks[s].start, toks[e - 1].end)

    def _verbish(self, tok: Token) -> bool:
        return tok.norm in self.lex.cues and tok.norm not in self.lex.nouns and tok.text.islower()

    # --- verbs ---------------------------------------------------------------------------------------
    def _verb(self, sent: Sentence, toks: list[Token], k: int, entries: tuple[Cue, ...]) -> int:
        """Read a reporting-verb cue at token k; return the last token index it used."""
        n = len(toks)
        entry = None
        for cand in entries:
            m = len(cand.particle)
            if m == 0 or tuple(t.norm for t in toks[k + 1:k + 1 + m]) == cand.particle:
                entry = cand
                break
        if entry is None:
            return k
        cue_end = k + len(entry.particle)
        cls, form = entry.cls, entry.form
        tok = toks[k]
        prev = toks[k - 1] if k > 0 and not self._hard(toks, k) else None
        nxt = toks[cue_end + 1].norm if cue_end + 1 < n else ""
        if prev is not None and form != "past" and form != "pp":
            if prev.norm in NOUN_MARKERS or (prev.norm.endswith("'s") and form in ("base", "3sg")):
                return k  # a noun: "the report", "Smith's claims"
        if form in ("base", "3sg") and nxt == "of" and tok.norm in self.lex.nouns:
            return k
        if prev is not None and prev.norm in QUANTIFIERS and (nxt in BE or nxt in AUX_SKIP or nxt == "of"):
            return k  # "some claims were false", "many reports of": a noun after a quantifier
        if k == 0 and form == "base" and not entry.particle and cls != "impression":
            return k  # imperative or headline fragment: "Say what you will"
        head_k = k  # where the verb chain starts: "continued to say" reads its subject before "continued"
        if prev is not None and prev.norm == "to" and form == "base":
            if k < 2 or toks[k - 2].norm not in _chain_forms() or self._hard(toks, k - 1):
                return k  # infinitive after another verb: "declined to say", "plans to argue"
            head_k = k - 2
        if k > 0 and not tok.text.islower() and not self._title_case(toks):
            return k  # a capitalised form mid-sentence is a name or title ("Said Khan", "Hope")

        if form in ("past", "pp"):
            j = k - 1
            general = False
            be = -1
            while j >= 0 and not self._hard(toks, j + 1) and (toks[j].norm in PASSIVE_SKIP or toks[j].norm in BE):
                general = general or toks[j].norm in GENERAL_ADVERBS
                if toks[j].norm in BE:
                    be = j
                j -= 1
            if be >= 0:
                if not self._passive_reports(entry):
                    return cue_end  # "would be released": a passive, but not of a reporting verb
                return self._passive(sent, toks, be, k, cue_end, entry, general)
        if form in ("past", "pp") and k > 0 and self._comma_gap(toks, k):
            by = next((i for i in range(cue_end + 1, min(n, cue_end + 6)) if toks[i].norm == "by"), -1)
            if by > 0 and by + 1 < n:
                right = self._right_np(toks, by + 1)
                info = self._classify(toks, right[0], right[1], "speech") if right else None
                if info is not None and right is not None:
                    cue = self._tok_span(toks, k, cue_end + 1)
                    self._add("paraphrase", cue, self._tok_span(toks, right[0], right[1]),
                              self._tok_span(toks, cue_end + 1, by) if by > cue_end + 1 else None, info, cls)
                    return right[1] - 1
        if entry.base == "ask" and nxt == "not":
            return cue_end  # "who asked not to be named": a condition, not a report

        if cls == "impression":
            if nxt in ("to", "that", "as", "like") or (entry.base == "seem" and nxt):
                cue = self._tok_span(toks, k, cue_end + 1)
                content = self._tok_span(toks, 0, n)
                self._add("impression", cue, None, content, _Source("none", "", None, ()), cls)
            return cue_end
        if cls == "refusal" and nxt != "to":
            return k
        if cls == "as" and not any(t.norm == "as" or (t.norm == "to" and i + 1 < len(toks) and toks[i + 1].norm == "be")
                                   for i, t in enumerate(toks[cue_end + 1:cue_end + 9], cue_end + 1)):
            return k  # "sees the deal as a trap", "perceived to be unfair"
        if cls == "clause" and not self._clause_follows(toks, k, cue_end):
            return k

        # the source: inverted after a quotation or comma, else the subject before the verb
        inverted = False
        src_range = None
        if form == "ing" and (prev is None or prev.norm not in BE):
            if not (self._comma_gap(toks, k) or (prev is not None and prev.norm in PARTICIPLE_LEADS)):
                return k  # "his worst showing": a noun, not ", saying …"
            src = self._participle_source(toks, k)
            if src is None:
                return cue_end
            src_range, info = src
        else:
            info = None
            # '"…?" said Smith' split by the sentence splitter, or 'Said Ellis: "…"'
            opens_after_quote = k == 0 and (self._follows_quote(sent) or tok.text == "Said")
            after_quote = opens_after_quote or (k > 0 and self._hard(toks, k) and self._closes_quote(toks, k))
            if not after_quote and cls in INVERTIBLE and k > 0 and self._comma_gap(toks, k):
                right = self._right_np(toks, cue_end + 1)
                if right is not None and (right[1] == len(toks) or self._comma_gap(toks, right[1])) and \
                        self._inverted_ok(toks, right) and right[1] - right[0] <= 6 and not any(
                            t.text.islower() and (t.norm.endswith("ed") or t.norm in BE) for t in toks[right[0]:right[1]]
                        ) and self._classify(toks, right[0], right[1], "speech") is not None:
                    src_range = (right[0], right[1], right[0], right[1])  # "…, the race will be tight, said Dan Gerstein"
                    inverted = True
            if not after_quote and src_range is None:
                src_range = self._left_subject(toks, head_k)
            if src_range is None and (cls in INVERTIBLE or (after_quote and cls == "evidence")) and \
                    entry.base != "tell" and (opens_after_quote or (k > 0 and self._hard(toks, k))):
                right = self._right_np(toks, cue_end + 1)
                if right is not None and self._inverted_ok(toks, right) and (
                        after_quote or right[1] == len(toks) or self._comma_gap(toks, right[1])):
                    src_range = (right[0], right[1], right[0], right[1])
                    inverted = True
            if src_range is None and self._coordinated(toks, k):
                shared = self._participle_source(toks, k)  # "He claimed vast wealth and said …"
                if shared is not None:
                    src_range, info = shared
            if src_range is None:
                return cue_end
        if cls == "quote" and not self._quote_before(toks, min(src_range[0], k)):
            return k
        if info is None:
            if form == "base" and not inverted and not self._base_agrees(toks, k, src_range):
                return k  # "Mrs. Clinton has support", "Clinton support": a noun, not a plural subject's verb
            strict = cls
            if cls == "say" and form in ("base", "3sg") and src_range[3] - src_range[2] > 1 and not inverted \
                    and not self._quote_before(toks, min(src_range[0], k)):
                strict = "speech"  # "blue states": a present form needs a subject that looks like a source
            info = self._classify(toks, src_range[2], src_range[3], strict)
            if info is None:
                return k
            if src_range[1] > src_range[3] and info.type == "named-person":
                info = self._with_appositive_roles(toks, src_range, info)
        cue = self._tok_span(toks, head_k, cue_end + 1)
        cue_end = self._extend_cue(toks, cue_end, inverted)
        cue = self._span(cue.start, toks[cue_end].end)
        source = self._tok_span(toks, src_range[0], src_range[1])
        content, quoted = self._content(sent, toks, k, cue_end, src_range, inverted)
        kind = "quote" if quoted else "paraphrase"
        self._add(kind, cue, source, content, info, cls)
        return max(cue_end, src_range[1] - 1) if inverted else cue_end

    def _base_agrees(self, toks: list[Token], k: int, src: tuple[int, int, int, int]) -> bool:
        """A bare verb form needs a modal or "do" before it, or a plural subject ("officials say")."""
        j = k - 1
        while j >= 0 and self._skippable(toks[j]) and toks[j].norm not in HAVE and not self._hard(toks, j + 1):
            if toks[j].norm in BASE_LICENSORS:
                return True
            j -= 1
        if j >= 0 and toks[j].norm in HAVE:
            return False  # "has support": after "have" a bare form is a noun
        if j >= 0 and toks[j].norm in BASE_LICENSORS:
            return True
        head = toks[src[3] - 1].norm
        if head in ("i", "you", "we", "they") or head in QUANTIFIERS or head in PLURAL_NOUNS:
            return True
        if head in self.lex.demonyms or (head in self.lex.nouns and head.endswith("s")):
            return True
        return head.endswith("s") and not head.endswith(("'s", "ss", "us", "is"))

    @staticmethod
    def _passive_reports(entry: Cue) -> bool:
        """Whether an agentless passive of this verb still reports speech or thought ("was told", "is feared")."""
        return entry.cls in ("say", "clause", "belief", "as") or entry.hearsay or entry.base in PASSIVE_SPEECH

    def _clause_follows(self, toks: list[Token], k: int, cue_end: int) -> bool:
        """A clause-class verb counts before "that", a quotation, a colon/comma or the end, or after a quote."""
        n = len(toks)
        if cue_end + 1 >= n:
            return True
        nxt = toks[cue_end + 1].norm
        if nxt in ("that", "whether", "if", "why", "how", "what", "when", "who", "about"):
            return True
        gap = self.text[toks[cue_end].end:toks[cue_end + 1].start]
        if gap.strip(" ") and HARD_GAP.search(gap):
            return True
        return self._hard(toks, k) or any(self._quote_before(toks, i) for i in range(max(0, k - 4), k + 1))

    def _coordinated(self, toks: list[Token], k: int) -> bool:
        """Whether the verb at k follows "and"/"but" and shares the sentence's subject."""
        j = k - 1
        while j > 0 and self._skippable(toks[j]) and not self._hard(toks, j + 1):
            j -= 1
        return j > 0 and toks[j].norm in ("and", "but", "then") and not self._hard(toks, j + 1)

    def _follows_quote(self, sent: Sentence) -> bool:
        """Whether the text just before a sentence, in the same paragraph, ends with a closing quote mark."""
        p = sent.start
        text = self.text
        while p > 0 and text[p - 1] in " \t":
            p -= 1
        return p > 0 and text[p - 1] in "\"”»’'" and p in self.quote_by_end or (
            p > 1 and text[p - 1] in "\"”»’'" and text[p - 2] in ".!?,")

    def _closes_quote(self, toks: list[Token], k: int) -> bool:
        """Whether a quotation ends between token k-1 and token k ('…," said Smith')."""
        return self._quote_before(toks, k) is not None or QUOTE_CLOSE_GAP.search(self._gap(toks, k)) is not None

    def _title_case(self, toks: list[Token]) -> bool:
        """A headline in title case ("Trump Says He Will Win"): capitalised verbs are still verbs."""
        long_words = [t for t in toks if len(t.text) > 3]
        return len(long_words) >= 3 and sum(t.text[:1].isupper() for t in long_words) >= 0.8 * len(long_words)

    def _inverted_ok(self, toks: list[Token], right: tuple[int, int]) -> bool:
        """An inverted subject opens like a noun phrase or holds a name ("says political scientist Ann Lee")."""
        if self._np_opens(toks[right[0]]):
            return True
        return any(t.text[:1].isupper() and not self._function_word(t) for t in toks[right[0]:right[1]])

    def _np_opens(self, tok: Token) -> bool:
        """Whether a word can start an inverted subject ("said Smith", "said the spokesman")."""
        n = tok.norm
        lex = self.lex
        return (tok.text[:1].isupper() or n in ("the", "a", "an", "one", "two", "three", "he", "she", "they")
                or n in lex.anonymous or n in lex.vague or n in lex.titles or n in QUANTIFIERS)

    def _quote_before(self, toks: list[Token], i: int) -> Quote | None:
        """The quotation that ends right before token i (ignoring commas and spaces)."""
        p = toks[i].start
        text = self.text
        while p > 0 and text[p - 1] in QUOTE_JOIN:
            p -= 1
        return self.quote_by_end.get(p)

    def _quote_after(self, toks: list[Token], i: int, limit: int) -> Quote | None:
        """A quotation that opens after token i within a few words (after ':' / ',' / "in a statement")."""
        p = toks[i].end
        text = self.text
        limit = min(limit, len(text))
        while p < limit and text[p] in QUOTE_JOIN:
            p += 1
        q = self.quote_by_start.get(p)
        if q is not None:
            return q
        colon = text.find(":", toks[i].end, min(limit, toks[i].end + 60))
        if colon >= 0:
            p = colon + 1
            while p < limit and text[p] in " \t\r\n":
                p += 1
            return self.quote_by_start.get(p)
        return None

    def _extend_cue(self, toks: list[Token], cue_end: int, inverted: bool) -> int:
        """Stretch "said" to "said in a statement" when those words follow; return the cue's last token."""
        if inverted:
            return cue_end
        n = len(toks)
        i = cue_end + 1
        if i + 2 < n and toks[i].norm == "in" and toks[i + 1].norm in ("a", "an") and not self._hard(toks, i):
            j = i + 2
            if toks[j].norm in ("written", "emailed", "televised", "radio", "tv", "brief", "separate") and j + 1 < n:
                j += 1
            if toks[j].norm in ("statement", "interview", "email", "letter", "post", "tweet", "speech",
                                "memo", "note", "release", "op-ed", "video", "message"):
                return j
        return cue_end

    def _left_subject(self, toks: list[Token], k: int) -> tuple[int, int, int, int] | None:
        """Find the subject before token k: (span start, span end, head start, head end) token indices."""
        j = k - 1
        while j >= 0 and not self._hard(toks, j + 1) and self._skippable(toks[j]):
            j -= 1
        bracketed = self._skip_brackets(toks, j)
        soft = bracketed != j  # "Sen. Claire McCaskill (D-Mo.) said"
        j = bracketed
        if j < 0:
            return None
        norm = toks[j].norm
        if norm in RELATIVES and j > 0:  # "those who argue", "Lynch, who told Congress"
            e = self._skip_brackets(toks, j - 1)
            s = self._np_start(toks, e)
            return (s, j + 1, s, e + 1)
        if norm in CLAUSE_WORDS and (soft or not self._comma_gap(toks, j + 1)):
            return None  # (", though, said" goes on to the comma branch below)
        if soft or not self._hard(toks, j + 1):
            if norm in NOT_NP_END or norm.isdigit():
                # "in three states", "under the plan": no noun phrase ends here, unless the word is the
                # whole subject ("Some argue", "Many believe")
                if (norm not in QUANTIFIERS and not first_word_refers(norm)) or (
                        j > 0 and not self._hard(toks, j) and toks[j - 1].norm not in CLAUSE_WORDS):
                    return None
            s = self._np_start(toks, j)
            lead = toks[s]
            if s > 1 and toks[s - 1].norm in RELATIVES and toks[s - 1].norm != "whose" and not (
                    lead.norm in PRONOUNS or lead.norm in DETERMINERS or lead.text[:1].isupper()):
                s2 = self._np_start(toks, s - 2)  # "the man who ran the campaign said"
                return (s2, j + 1, s2, s - 1)
            for r in range(s - 1, max(0, s - 6), -1):  # "two people who have seen a draft of the report said"
                if self._hard(toks, r + 1):
                    break
                if toks[r].norm == "who":
                    s2 = self._np_start(toks, r - 1)
                    return (s2, j + 1, s2, r + 1)  # the head range keeps "who" so "people who …" reads as specific
            return (s, j + 1, s, j + 1)
        if not self._comma_gap(toks, j + 1):
            return None
        opening = self._opening_name(toks, j)
        if opening is not None:  # "Giovanni Maria Vian, the editor of …, said"
            aside = self._comma_gap(toks, j) and (norm in ASIDE_OPENERS or norm in CLAUSE_WORDS)
            return (0, opening if aside else j + 1, 0, opening)  # "Murphy, though, said": not the aside
        # walk back over comma-bounded appositives and asides to the name they describe:
        # "Ana Ruiz, the port's director, said" / "Officials, however, said" / "Smith, who …, said"
        seg_end = j
        first_aside = None
        for _ in range(4):
            a = seg_end
            while a > 0 and not self._comma_gap(toks, a) and seg_end - a < MAX_APPOSITIVE:
                a -= 1
            if a == 0 or not self._comma_gap(toks, a):
                return None
            opener = toks[a].norm
            if self._names_someone(toks[a]) and seg_end - a < 4:
                # "the White House spokesman, Josh Earnest, said": the name is in the appositive
                hs = self._np_start(toks, a - 1)
                return (hs, j + 1, a, seg_end + 1)
            if first_aside is None:
                first_aside = opener in ASIDE_OPENERS or opener in TIME_WORDS
            head_end = self._skip_brackets(toks, a - 1)
            if head_end < 0 or toks[head_end].norm in CLAUSE_WORDS:
                return None
            hs = self._np_start(toks, head_end)
            lead = toks[hs]
            more = hs > 0 and self._comma_gap(toks, hs) and (
                lead.norm in ("a", "an", "the", "who", "which") or lead.norm in ASIDE_OPENERS)
            if not more:
                if not lead.text[:1].isupper() and hs > 0:
                    opening = self._opening_name(toks, j)
                    if opening is not None:
                        return (0, j + 1, 0, opening)
                if first_aside:
                    return (hs, head_end + 1, hs, head_end + 1)
                return (hs, j + 1, hs, head_end + 1)
            seg_end = head_end
        return None

    def _opening_name(self, toks: list[Token], j: int) -> int | None:
        """A sentence that opens with a name and a comma ("Scott Morris, a former official who …, said"):
        the end of that name, when nothing between it and token j is another reporting verb."""
        e = 0
        while e < min(j, 4) and toks[e].text[:1].isupper() and (e > 0 or not self._function_word(toks[e])):
            e += 1
            if self._comma_gap(toks, e):
                break
            if self._hard(toks, e):
                return None
        if e == 0 or not self._comma_gap(toks, e) or toks[0].norm in self.lex.nouns:
            return None
        if e == 1 and toks[0].text.isupper() or any(t.norm in TIME_WORDS for t in toks[:e]):
            return None  # a dateline ("WASHINGTON, June 24") or a time ("On Tuesday,")
        if any(t.norm in self.lex.cues and t.text.islower() for t in toks[e:j]):
            return None
        return e

    def _names_someone(self, tok: Token) -> bool:
        """A capitalised word that is not a grammar word, list noun or title: part of a name."""
        return tok.text[:1].isupper() and not self._function_word(tok) and (
            _bare(tok.norm) not in self.lex.nouns or _bare(tok.norm) in self.lex.org_words)

    def _next_is_adverb(self, tok: Token) -> bool:
        i = self.doc.token_index(tok.end)
        tokens = self.doc.tokens
        return i < len(tokens) and tokens[i].norm.endswith("ly") and len(tokens[i].norm) > 4

    def _comma_gap(self, toks: list[Token], i: int) -> bool:
        """A comma, or a dash used like one ("economists - including some at the Fed - warn")."""
        if i <= 0:
            return False
        gap = self._gap(toks, i)
        return "," in gap or DASH_GAP.search(gap) is not None

    def _skip_brackets(self, toks: list[Token], j: int) -> int:
        """Step left over a bracketed aside ending at token j: "Sen. Claire McCaskill (D-Mo.) said"."""
        if j < 0 or j + 1 >= len(toks) or ")" not in self._gap(toks, j + 1):
            return j
        for m in range(j, max(-1, j - 8), -1):
            if "(" in self._gap(toks, m):
                return m - 1
        return j

    def _skippable(self, tok: Token) -> bool:
        n = tok.norm
        if n in ("most", "more", "less", "least", "very") and tok.text.islower():
            return self._next_is_adverb(tok)  # "most recently defended"
        return (n in AUX_SKIP and tok.text.islower()) or (len(n) > 4 and n.endswith("ly") and tok.text.islower() and n not in
                                 self.lex.nouns)

    def _np_start(self, toks: list[Token], e: int) -> int:
        """Leftmost token of the noun phrase ending at token e."""
        m = e
        while m > 0 and e - m < MAX_NP - 1 and not self._hard(toks, m):
            before = toks[m - 1]
            if (before.norm in CLAUSE_WORDS and not (before.norm == "to" and m >= 2 and toks[m - 2].norm in
                                                     IN_THE_KNOW)) or self._verbish(before):
                break  # a clause boundary, except "sources close to the minister"
            if toks[m].norm in DETERMINERS and before.norm not in PREPOSITIONS:
                break  # "a project [that] the union says": the determiner opens the subject
            m -= 1
        while m < e and (toks[m].norm in TIME_WORDS or toks[m].norm in CLAUSE_WORDS):
            m += 1
        return m

    def _right_np(self, toks: list[Token], i: int) -> tuple[int, int] | None:
        """The noun phrase starting at token i, read rightwards until a preposition, clause or comma."""
        n = len(toks)
        e = i
        while e < n and e - i < MAX_RIGHT and (e == i or not self._hard(toks, e)):
            norm = toks[e].norm
            if toks[e].text[:1].isupper() and norm not in TIME_WORDS and norm not in PRONOUNS:
                e += 1  # a name that is also a stop word: "said Will Doyle", "said May Chen"
                continue
            if norm in RIGHT_STOP and not (norm == "with" and e > i and toks[e - 1].norm in IN_THE_KNOW):
                if not (norm == "to" and e > i and toks[e - 1].norm in IN_THE_KNOW):
                    break
            e += 1
        return (i, e) if e > i else None

    def _participle_source(self, toks: list[Token], k: int) -> tuple[tuple[int, int, int, int], _Source] | None:
        """For ", saying …": the source of the sentence's earlier cue, else the sentence's opening subject."""
        sent_start = toks[0].start
        for att in reversed(self.out):
            if att.source is None or att.source.start < sent_start:
                break
            if att.source.end <= toks[k].start:
                s = next(i for i, t in enumerate(toks) if t.start >= att.source.start)
                e = next((i for i, t in enumerate(toks) if t.end >= att.source.end), s) + 1
                return (s, e, s, e), _Source(att.source_type, att.head, att.speaker, att.roles, True)
        b = 0
        for c in range(k - 1, 0, -1):  # "… when Trump spotted a sign and asked …": the clause's own subject
            if toks[c].norm in CLAUSE_OPENERS and toks[c].text.islower():
                b = c + 1
                break
        while b < k and (toks[b].norm in CLAUSE_WORDS or toks[b].norm in TIME_WORDS) and toks[b].norm not in NAME_DROP:
            b += 1
        if b < k and self._hard(toks, b) and b > 0:
            return None  # "But on Tuesday, …": the subject comes after an opening phrase we do not parse
        e = b
        lex = self.lex
        if b < k and self._in_quote(toks[b].start):
            return None
        while e < k and e - b < MAX_NP and (e == b or not self._hard(toks, e)):
            tok = toks[e]
            norm = tok.norm
            if not (tok.text[:1].isupper() or norm in PRONOUNS or norm in NAME_DROP or norm in lex.nouns
                    or norm in ("of", "for") or norm in QUANTIFIERS):
                break
            e += 1
            if norm in PRONOUNS:
                break
        if e == b:
            return None
        info = self._classify(toks, b, e, "speech")
        return ((b, e, b, e), info) if info is not None else None

    # --- passives, "according to", phrases -------------------------------------------------------------
    def _passive(self, sent: Sentence, toks: list[Token], j: int, k: int, cue_end: int, entry: Cue,
                 general: bool) -> int:
        n = len(toks)
        nxt = toks[cue_end + 1].norm if cue_end + 1 < n else ""
        if entry.base == "call" and nxt in CALL_PARTICLES:
            return cue_end
        if entry.cls in ("impression", "refusal", "quote"):
            return cue_end
        cue = self._span(toks[j].start, toks[cue_end].end)
        if nxt == "by" and cue_end + 2 < n:
            right = self._right_np(toks, cue_end + 2)
            if right is not None:
                info = self._classify(toks, right[0], right[1], "speech")
                if info is not None:
                    source = self._tok_span(toks, right[0], right[1])
                    content = self._tok_span(toks, 0, j) if j > 0 else None
                    self._add("paraphrase", cue, source, content, info, entry.cls)
                    return right[1] - 1
        if entry.cls == "as" and not any(t.norm in ("as", "to") for t in toks[cue_end + 1:cue_end + 4]):
            return cue_end  # "are often seen in trees": seeing, not a view
        e = j - 1
        while e >= 0 and toks[e].norm in AUX_SKIP and not self._hard(toks, e + 1):
            e -= 1
        expletive = toks[j].norm == "it's" or (e >= 0 and toks[e].norm == "it" and not self._hard(toks, e + 1))
        if expletive and toks[j].norm != "it's":
            cue = self._span(toks[e].start, toks[cue_end].end)
        complement = bool(nxt) and not self._hard(toks, cue_end + 1) and nxt not in PREPOSITIONS \
            and nxt not in CLAUSE_WORDS
        naming = entry.base in NAMING and (nxt == "as" or any(
            toks[i].text[:1].isupper() or QUOTE_MARK.search(self._gap(toks, i))
            for i in range(cue_end + 1, min(n, cue_end + 3))))
        vague = entry.hearsay and not naming and (
            expletive or general or (entry.base in DESCRIBING and complement) or nxt in ("to", "as")
            or entry.cls == "as")
        if expletive and nxt == "that" and cue_end + 2 < n:
            content = self._tok_span(toks, cue_end + 2, n)
        else:
            content = self._tok_span(toks, 0, n)
        self._add("sourceless", cue, None, content, _Source("vague" if vague else "none", "", None, ()),
                  entry.cls)
        return cue_end

    def _according(self, sent: Sentence, toks: list[Token], k: int) -> int:
        n = len(toks)
        if k + 2 >= n:
            return k + 1
        right = self._right_np(toks, k + 2)
        if right is None:
            return k + 1
        info = self._classify(toks, right[0], right[1], "according")
        if info is None:
            return k + 1
        cue = self._tok_span(toks, k, k + 2)
        source = self._tok_span(toks, right[0], right[1])
        if k == 0 and right[1] < n:
            content = self._tok_span(toks, right[1], n)
        elif k > 0:
            content = self._trimmed(toks[0].start, toks[k].start)
        else:
            content = None
        self._add("according-to", cue, source, content, info, "according")
        return right[1] - 1

    def _phrase(self, sent: Sentence, toks: list[Token], k: int,
                options: tuple[tuple[tuple[str, ...], str], ...]) -> int:
        for rest, kind in options:
            m = len(rest)
            if tuple(t.norm for t in toks[k + 1:k + 1 + m]) == rest:
                cue = self._tok_span(toks, k, k + 1 + m)
                content = self._tok_span(toks, 0, len(toks))
                self._add("sourceless", cue, None, content, _Source(kind, "", None, ()), "phrase")
                return k + m
        return k

    def _colon_quote(self, sent: Sentence, toks: list[Token]) -> None:
        """A headline-style attribution: 'Smith: "We will win."'."""
        for i in range(min(5, len(toks) - 1)):
            gap = self._gap(toks, i + 1)
            if ":" in gap:
                if not all(t.text[:1].isupper() for t in toks[:i + 1]):
                    return
                colon = toks[i].end + gap.index(":")
                p = colon + 1
                while p < len(self.text) and self.text[p] in " \t":
                    p += 1
                q = self.quote_by_start.get(p)
                if q is not None:
                    content = self._span(q.start, q.end)
                elif self._speaker_label(toks, i, sent) and i + 3 < len(toks):
                    content = self._span(toks[i + 1].start, toks[-1].end)  # "FALLIN: Well, I think …"
                else:
                    return
                info = self._classify(toks, 0, i + 1, "speech")
                if info is not None:
                    self._add("quote" if q is not None else "paraphrase", self._span(colon, colon + 1),
                              self._tok_span(toks, 0, i + 1), content, info, "colon")
                return
            if self._hard(toks, i + 1):
                return

    def _speaker_label(self, toks: list[Token], i: int, sent: Sentence) -> bool:
        """A colon after a transcript speaker ("FALLIN:") or a headline source ("Lynch: No outside …")."""
        if all(t.text.isupper() and len(t.text) > 1 for t in toks[:i + 1]):
            return True
        block = self.doc.blocks[sent.block]
        return block.kind in ("heading", "title") or sent.block == 0

    # --- content --------------------------------------------------------------------------------------
    def _content(self, sent: Sentence, toks: list[Token], k: int, cue_end: int,
                 src: tuple[int, int, int, int], inverted: bool) -> tuple[Span | None, bool]:
        """The attributed words and whether they are a direct quotation."""
        first = min(src[0], k)
        q = self._quote_before(toks, first)
        if q is not None:
            return self._span(q.start, q.end), True
        after = src[1] - 1 if inverted else cue_end
        q = self._quote_after(toks, after, sent.end + 1)
        if q is not None and q.start < sent.end:
            return self._span(q.start, q.end), True
        n = len(toks)
        s = after + 1
        if s < n and toks[s].norm == "that":
            s += 1
        while s < n and toks[s].norm in TIME_WORDS and s - after < 4:
            s += 1
        if n - s >= 2 and not (first > 0 and self._hard(toks, first) and "," in self._gap(toks, first)
                               and self._hard(toks, s) and "," in self._gap(toks, s)):
            return self._span(toks[s].start, toks[-1].end), False
        if first > 0:
            if s < n:  # "The plan, she said, is flawed."
                return self._span(toks[0].start, toks[-1].end), False
            return self._trimmed(toks[0].start, toks[first].start), False
        return None, False

    def _trimmed(self, start: int, end: int) -> Span | None:
        text = self.text
        while end > start and text[end - 1] in QUOTE_JOIN:
            end -= 1
        return self._span(start, end) if end > start else None

    # --- sources --------------------------------------------------------------------------------------
    def _classify(self, toks: list[Token], s: int, e: int, cls: str) -> _Source | None:
        """Type the noun phrase toks[s:e] as a source, or None when it does not look like one."""
        lex = self.lex
        words = toks[s:e]
        if not words:
            return None
        norms = [t.norm for t in words]
        offset = words[0].start
        if len(words) == 1 and norms[0] in PRONOUNS:
            if norms[0] == "it" and cls not in ("say", "according", "evidence"):
                return None
            if PRONOUNS[norms[0]] == "self" and cls in ("belief", "stance", "as"):
                return None  # "I think", "we want": the writer's or speaker's own view, not a source
            return self._pronoun(norms[0], offset)
        # the head: the last word before a modifier ("officials familiar with", "head of the agency")
        h = len(words) - 1
        for i in range(1, len(words)):
            if norms[i] in POSTMOD or (norms[i].endswith("ing") and words[i].text.islower()):
                h = i - 1  # "officials familiar with …", "tourists visiting Jerusalem"
                break
        pre = words[:h + 1]
        post = norms[h + 1:]
        head = _bare(norms[h])
        if head in QUANTIFIERS and post[:1] == ["of"] and len(post) > 1:
            # "many of the cells", "some of the men": the group is the noun after "of"
            inner = _bare(post[-1])
            if not (inner in lex.nouns or inner in lex.demonyms or inner.endswith(PERSON_SUFFIXES)
                    or inner in ("people", "them", "us", "those")):
                if cls != "say" or not inner.endswith("s"):
                    return None
                return _Source("anonymous", inner, None, (), plural=True)  # "most of the candidates said"
            head = inner
        elif norms[0] in QUANTIFIERS and len(norms) > 1 and head not in QUANTIFIERS and not (
                head in lex.nouns or head in lex.demonyms or head.endswith(PERSON_SUFFIXES)
                or any(t.text[:1].isupper() for t in pre[1:])):
            if cls != "say" or not head.endswith("s"):
                return None  # "many goals conceded": a quantified subject must be people, a group or a document
            return _Source("anonymous", head, None, (), plural=True)  # "several delegate candidates said"
        if len(norms) == 1 and first_word_refers(norms[0]):
            return _Source("anonymous", norms[0], None, (), True, norms[0] != "another")  # "Another said"
        lowered = " ".join(norms)
        first = norms[0]
        stripped = " ".join(norms[1:]) if first == "the" and len(norms) > 1 else lowered

        if stripped in lex.places or (lowered in lex.demonyms and len(norms) == 1 and lowered.endswith("s")) or (
                first == "the" and stripped in lex.demonyms):
            if not (len(words) == 1 and self._surname(words[0].text, words[0].start)):
                plural = stripped in lex.demonyms
                name = self._name_text(words)
                return _Source("place-for-government", stripped, name, (), plural=plural)
        if first in ("the", "these", "those") and len(norms) == 2 and head in FOLLOW_UP_HEADS:
            # "the people said" after "two people who have seen the draft said": the same unnamed source
            earlier = self._recent(offset, lambda r: r.head == head and r.type == "anonymous")
            if earlier is not None:
                return _Source("anonymous", head, None, (), True, earlier.plural)
        if head in lex.documents:
            owner = [t for t in pre[:-1] if t.norm.endswith("'s") and t.text[:1].isupper()]
            if owner:
                sub = self._classify_name(pre[:pre.index(owner[-1]) + 1], head)
                return sub._replace(head=head)
            if post and post[0] in ("from", "by", "of") and len(post) > 1:
                sub = self._classify(toks, s + h + 2, e, "say")
                if sub is not None and sub.type != "vague":
                    return sub._replace(head=head)
            if any(t.text[:1].isupper() and t.norm not in TIME_WORDS for t in pre[1:]) or (
                    words[0].text[:1].isupper() and first not in lex.nouns and first not in NAME_DROP
                    and first not in QUANTIFIERS) or any(YEAR.fullmatch(t.norm) for t in pre):
                # "the Pew survey", "a 2019 census": a document a reader can look up
                return _Source("named-organisation", head, self._name_text(words), ())
            if first in DEFINITE:
                return _Source("named-organisation", head, None, ())
            if cls in ("say", "evidence", "according") or head in lex.vague:
                return _Source("vague", head, None, (), plural=True)
            return None
        if cls == "evidence" and head not in RESEARCHERS:
            if not any(t.text[:1].isupper() and t.norm not in lex.vague for t in words):
                return None
        if head in ("people", "person", "those", "someone", "somebody", "one") and (
                any(p in IN_THE_KNOW for p in post) or post[:1] == ["who"]):  # "two people who have seen it"
            return _Source("anonymous", head, None, (), plural=head != "person")
        if head in lex.anonymous:
            return self._role_or(words, pre, head, "anonymous")
        if head in lex.institutions:
            return _Source("named-organisation", head, self._name_text(words), (), plural=True)
        names = [t for t in pre if t.text[:1].isupper() and not self._function_word(t)
                 and (_bare(t.norm) not in lex.nouns or _bare(t.norm) in lex.org_words)]
        if head in lex.vague or first in QUANTIFIERS:
            if first in QUANTIFIERS or not names:
                return _Source("vague", head, None, (), plural=True)
            return _Source("named-organisation", head, self._name_text(words), (), plural=True)
        if head in lex.titles and not any(t.norm not in lex.titles and t.text[:1].isupper()
                                          and t.norm not in lex.org_words
                                          and not self._function_word(t) for t in pre):
            return self._role_or(words, pre, head, "anonymous")
        if names:
            return self._classify_name(pre, head, words)
        if head in lex.org_words:
            if any(t.text[:1].isupper() and t.norm not in NAME_DROP for t in pre):
                return _Source("named-organisation", head, self._name_text(pre), (), plural=head.endswith("s"))
            return self._resolve_org(head, offset, words)
        if cls in NEEDS_SOURCE_LIKE or cls == "evidence":
            return None
        if len(words) > MAX_NP:
            return None
        if head.endswith(PERSON_SUFFIXES) or head in ("man", "woman", "people"):
            return _Source("anonymous", head, None, (), plural=head.endswith("s"))
        return _Source("named-organisation", head, None, ())

    def _function_word(self, tok: Token) -> bool:
        """A word that cannot be part of a name: grammar words, titles, demonyms, times, initials."""
        n = tok.norm
        if n in self.lex.not_names or len(n) == 1:
            return True
        # a capitalised word opening a sentence may be any word: "Speaking to reporters", "Indeed"
        return (n.endswith(("ing", "ly", "ed")) or n in AUX_SKIP or n in NOT_NP_END) and self._opens_sentence(tok)

    def _opens_sentence(self, tok: Token) -> bool:
        return self.doc.starts_sentence(tok.start)

    def _classify_name(self, pre: list[Token], head: str, words: list[Token] | None = None) -> _Source:
        """A capitalised source: an organisation when an organisation word or acronym is in it, else a person."""
        lex = self.lex
        words = words or pre
        titled = self._titled_name(pre)
        if titled is None and pre[0].norm == "the" and not any(_bare(t.norm) in lex.titles for t in pre):
            return self._register(_Source("named-organisation", head, self._name_text(pre), (),
                                          plural=head.endswith("s")), pre[0].start)  # "the Ledger"
        if titled is None and any(_bare(t.norm) in lex.org_words or (t.text.isupper() and len(t.text) > 1
                                                                     and t.norm != "i") for t in pre):
            return self._register(_Source("named-organisation", head, self._name_text(pre), (),
                                          plural=head.endswith("s")), pre[0].start)
        if titled is not None:
            pre = pre[titled:]
        # after a possessive ("Breitbart's Joel Pollak") the name is what follows it
        cut = 0
        for i, t in enumerate(pre[:-1]):
            if t.norm.endswith("'s"):
                cut = i + 1
        pre = pre[cut:]
        roles = tuple(_bare(t.norm) for t in words if _bare(t.norm) in lex.titles and t.norm not in ROLE_MODIFIERS)
        parts = [t for t in pre if not self._function_word(t) and t.text[:1].isupper()]
        if not parts:
            return _Source("named-person", head, None, roles)
        parts = parts[-3:]
        if len(parts) == 1 and _bare(parts[0].norm) in lex.places and all(
                t is parts[0] or t.norm in NAME_DROP for t in pre):
            stripped = _bare(parts[0].norm)
            if head in lex.titles:
                return _Source("named-person", head, None, roles)  # "the Florida governor": a named office
            if self._surname(parts[0].text, parts[0].start) is None:
                return _Source("place-for-government", stripped, _strip_possessive(parts[0].text), ())
        name = " ".join(_strip_possessive(t.text) for t in parts)
        if len(parts) == 1:
            name = self._surname(name, parts[0].start) or name
        return self._register(_Source("named-person", _bare(parts[-1].norm), name, roles), pre[0].start)

    def _with_appositive_roles(self, toks: list[Token], src: tuple[int, int, int, int], info: _Source) -> _Source:
        """Add the roles an appositive gives a named person ("Ana Ruiz, a spokeswoman for the port,")."""
        titles = self.lex.titles
        roles = list(info.roles)
        for t in toks[src[3]:src[1]]:
            if t.norm in POSTMOD or t.norm in RELATIVES:
                break
            role = _bare(t.norm)
            if role in titles and role not in roles and role not in ROLE_MODIFIERS:
                roles.append(role)
        if info.speaker:
            self.roles.setdefault(info.speaker, set()).update(roles)
        return info._replace(roles=tuple(roles))

    def _titled_name(self, pre: list[Token]) -> int | None:
        """Index after the last title word when a name follows it ("Board Chair Denis Marlowe")."""
        lex = self.lex
        last_title = None
        for i, t in enumerate(pre):
            if _bare(t.norm).rstrip(".") in lex.titles and t.norm not in ("state", "federal", "foreign"):
                last_title = i
        if last_title is None or last_title == len(pre) - 1:
            return None
        rest = pre[last_title + 1:]
        if all(t.text[:1].isupper() and _bare(t.norm) not in lex.org_words and not t.text.isupper() for t in rest):
            return last_title + 1
        return None

    def _role_or(self, words: list[Token], pre: list[Token], head: str, fallback: str) -> _Source:
        """A bare role ("the spokesman") refers to the last named source with that role, if there is one."""
        if words[0].norm in ("the", "that", "this") and head in self.lex.titles:
            found = self._recent(words[0].start, lambda r: head in r.roles and r.type == "named-person")
            if found is not None:
                return _Source("named-person", head, found.speaker, tuple(found.roles), True)
        roles = tuple(_bare(t.norm) for t in pre if _bare(t.norm) in self.lex.titles)
        if words[0].norm == "the" and head in self.lex.titles and not head.startswith("spokes") and \
                not head.endswith("s"):
            # "the mayor said": a single office-holder a reader can identify, not an anonymous source
            return _Source("named-person", head, None, roles)
        return _Source(fallback, head, None, roles, plural=head.endswith("s"))

    def _resolve_org(self, head: str, offset: int, words: list[Token]) -> _Source:
        found = self._recent(offset, lambda r: r.type == "named-organisation" and head in r.speaker.lower())
        if found is not None and words[0].norm in DEFINITE:
            return _Source("named-organisation", head, found.speaker, (), True)
        return _Source("named-organisation", head, None, ())

    def _pronoun(self, pronoun: str, offset: int) -> _Source:
        want = PRONOUNS[pronoun]
        if want == "person":
            found = self._recent(offset, lambda r: r.type == "named-person")
            if found is not None:
                return _Source("named-person", pronoun, found.speaker, tuple(found.roles), True)
            return _Source("named-person", pronoun, None, (), True)
        if want == "group":
            found = self._recent(offset, lambda r: r.plural)
            if found is not None:
                return _Source(found.type, pronoun, found.speaker, (), True, True)
            return _Source("anonymous", pronoun, None, (), True, True)
        if want == "thing":
            found = self._recent(offset, lambda r: r.type == "named-organisation")
            return _Source("named-organisation", pronoun, found.speaker if found else None, (), True)
        return _Source("named-person", pronoun, None, (), True)

    def _recent(self, offset: int, test) -> _Named | None:  # noqa: ANN001 - a small predicate
        for r in reversed(self.recent):
            if offset - r.offset > WINDOW:
                return None
            if r.offset < offset and test(r):
                return r
        return None

    def _register(self, info: _Source, offset: int) -> _Source:
        if info.speaker and info.type == "named-person":
            parts = info.speaker.split(" ")
            if len(parts) > 1:
                self.surnames.setdefault(parts[-1].lower(), info.speaker)
        return info

    def _surname(self, word: str, offset: int) -> str | None:
        """The full name a bare surname at ``offset`` refers to: a source seen so far, or a "First Last"
        written earlier in the text."""
        word = _strip_possessive(word)
        key = word.lower()
        found = self.surnames.get(key)
        if found is not None:
            return found
        cached = self.full_names.get(key)
        if cached is None:
            cached = self.full_names[key] = self._full_name(word)
        name, at = cached
        return name if name is not None and at < offset else None

    def _full_name(self, word: str) -> tuple[str | None, int]:
        """Find the first "First [M.] Word" in the text (a capitalised word before the surname that is not a
        title) and where it is."""
        text = self.text
        titles = self.lex.titles
        i = text.find(" " + word)
        while i > 0:
            after = i + 1 + len(word)
            if after >= len(text) or not text[after].isalnum():
                start = i
                while start > 0 and (text[start - 1].isalpha() or text[start - 1] in ".'’-"):
                    start -= 1
                prev = text[start:i]
                if len(prev) == 2 and prev[1] == "." and start > 1:  # a middle initial: "Donald J. Trump"
                    first = start - 1
                    while first > 0 and text[first - 1].isalpha():
                        first -= 1
                    if first < start - 1 and text[first].isupper():
                        prev = text[first:i]
                head = prev.split(" ")[0].rstrip(".").lower()
                if prev[:1].isupper() and head not in titles and head not in NAME_DROP and head not in PRONOUNS \
                        and head not in CLAUSE_WORDS and head not in self.lex.places and len(head) > 1:
                    return f"{prev} {word}", i
            i = text.find(" " + word, i + 1)
        return None, len(text)

    def _name_text(self, words: list[Token]) -> str:
        while words and words[0].norm in NAME_DROP:
            words = words[1:]
        if not words:
            return ""
        return _strip_possessive(visible(self.text[words[0].start:words[-1].end]))

    # --- output ---------------------------------------------------------------------------------------
    def _add(self, kind: str, cue: Span | None, source: Span | None, content: Span | None, info: _Source,
             cls: str) -> None:
        if info.speaker and visible(info.speaker) != info.speaker:
            info = info._replace(speaker=visible(info.speaker))  # "O&rsquo;Brien" and "O’Brien" are one name
        self.out.append(Attribution(kind, cue, source, content, info.type, info.speaker, cls, info.head,
                                    info.roles, info.resolved))
        if info.speaker and info.type != "none" and source is not None:
            roles = self.roles.setdefault(info.speaker, set())
            roles.update(info.roles)
            self.recent.append(_Named(source.start, info.speaker, info.type, frozenset(roles), info.plural))
        elif source is not None and info.type in ("anonymous", "vague"):
            self.recent.append(_Named(source.start, "", info.type, frozenset(), info.plural, info.head))

    def _continuations(self) -> None:
        """Credit a quotation with no cue of its own to the speaker of the quotation just before it."""
        if not self.quotes:
            return
        covered = sorted((a.content.start, a.content.end) for a in self.out if a.content is not None)
        by_content = sorted((a.content.start, i) for i, a in enumerate(self.out)
                            if a.kind == "quote" and a.content is not None)
        from bisect import bisect_left, bisect_right

        cov_starts = [c[0] for c in covered]
        q_starts = [c[0] for c in by_content]
        doc = self.doc
        for q in self.quotes:
            i = bisect_right(cov_starts, q.start)
            if i and covered[i - 1][1] > q.start:
                continue
            if i < len(covered) and covered[i][0] < q.end:
                continue
            if len(doc.tokens_between(q.start, q.end)) < 4:
                continue  # a scare quote or a single term, not a quotation
            j = bisect_left(q_starts, q.start) - 1
            if j < 0:
                continue
            prev = self.out[by_content[j][1]]
            if q.start - prev.content.end > 1200:  # type: ignore[union-attr]
                continue
            self.out.append(Attribution("quote", None, None, self._span(q.start, q.end), prev.source_type,
                                        prev.speaker, "continuation", prev.head, prev.roles, True))


@cache
def _chain_forms() -> frozenset[str]:
    """Every form of the verbs that pass their subject to an infinitive cue ("continued to say")."""
    return frozenset(form for verb in CHAIN_VERBS for form in verb_forms(verb))


def _with_typewriter_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """Add quotations written with doubled apostrophes (''…'' and ``…'') that the quotation finder skips."""
    from rhetlint.text.quotes import Quote

    found = list(quotes)
    for m in TYPEWRITER_QUOTE.finditer(text):
        if not any(q.start <= m.start() < q.end for q in quotes):
            found.append(Quote(m.start(), m.end(), 1, "double", True))
    found.sort()
    return found


def first_word_refers(norm: str) -> bool:
    """Pronoun-like words that refer to people named nearby ("another said", "both said")."""
    return norm in ("another", "both", "each", "neither", "either", "one")


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")


def _bare(norm: str) -> str:
    return norm[:-2] if norm.endswith("'s") else norm
