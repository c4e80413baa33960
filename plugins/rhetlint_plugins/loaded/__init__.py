"""Built-in loaded-language rules: wording in the writer's own voice that takes sides.

Most rules are lexicons (``lexicon/*.toml``: ``[[term]]`` tables, whose schema docs/plugins/data-rules.md
describes) found by the phrase matcher of ``rhetlint.rules.data``, in one pass shared by all of them; scare
quotes are found from the document's quotations. Words inside a direct quotation are the speaker's and are
skipped unless ``quote-aware = false``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rhetlint import Document, Finding, Fix, hookimpl, rule
from rhetlint.rules import Options, Rule
from rhetlint.rules.data import Hit
from rhetlint.text import inflect_like, normalise
from rhetlint_plugins.loaded.guards import attributed
from rhetlint_plugins.loaded.lexicon import Entry, combined_lexicon
from rhetlint_plugins.loaded.scare_quotes import scare_quotes
from rhetlint_plugins.loaded.terms import hits_for_rule, lexicon_hits, quoted_terms

__version__ = "0.1.0"

# Options every lexicon rule takes.
LEXICON_OPTIONS = {
    "quote_aware": True,  # skip words inside direct quotations (the speaker's, not the writer's)
    "allow": [],  # words or phrases this project accepts (any inflection of a listed base form)
    "lexicon": [],  # extra TOML lexicon files (paths relative to the configuration file)
}


# Rules whose replacements may change what the sentence asserts: the plain word a euphemism hides ("die",
# "fired", "torture") is a claim the writer must check, so --fix applies it only with --unsafe-fixes.
MEANING_CHANGING_FIXES = frozenset({"euphemism"})


# Lexicon files named on any loaded-language rule, per configuration folder: a newsroom lexicon holds
# entries for several rules, so naming it once is enough.
_CONFIGURED_LEXICONS: dict[Path, tuple[Path, ...]] = {}
# Each configuration folder's max-file-size, which bounds the lexicon files it names as it bounds drafts.
_MAX_MEGABYTES: dict[Path, float] = {}


def _user_files(options: Options) -> tuple[Path, ...]:
    if not options.lexicon and not any(_CONFIGURED_LEXICONS.values()):
        return ()  # no user lexicon anywhere: skip resolving paths, once per rule and document
    base = Path(options.base_dir).resolve()
    own = tuple((base / p).resolve() for p in options.lexicon)
    shared = _CONFIGURED_LEXICONS.get(base, ())
    return tuple(dict.fromkeys(shared + own))


@hookimpl
def rhetlint_configure(config):
    names = {r.name for r in LEXICON_RULES} | {r.code for r in LEXICON_RULES}
    files: list[Path] = []
    for key, options in config.rules.items():
        if key in names and isinstance(options.get("lexicon"), list):
            files.extend((config.root / p).resolve() for p in options["lexicon"])
    _CONFIGURED_LEXICONS[Path(config.root).resolve()] = tuple(dict.fromkeys(files))
    _MAX_MEGABYTES[Path(config.root).resolve()] = config.max_file_size


def _allowed(hit: Hit[Entry], allow: frozenset[str], text: str) -> bool:
    if not allow:
        return False
    matched = normalise(" ".join(text.split()))
    return matched in allow or any(m in allow for m in hit.pattern.meaning.match)


def _replacement(hit: Hit[Entry], matched: str) -> str | None:
    entry = hit.pattern.meaning
    if not entry.instead or not entry.fix or hit.pattern.form == "adverb":
        return None  # an adjective's alternatives do not always make adverbs
    replacement = inflect_like(entry.instead[0], entry.pos, hit.pattern.form)
    if matched[:1].isupper():
        replacement = replacement[:1].upper() + replacement[1:]
    return replacement


def _alternatives(hit: Hit[Entry], matched: str) -> list[str]:
    """Every neutral alternative the entry lists, inflected like the match (none for an adverb made from an
    adjective: its alternatives do not all make adverbs)."""
    entry = hit.pattern.meaning
    if hit.pattern.form == "adverb":
        return []
    forms = [inflect_like(i, entry.pos, hit.pattern.form) for i in entry.instead]
    if matched[:1].isupper():
        forms = [f[:1].upper() + f[1:] for f in forms]
    return list(dict.fromkeys(forms))


def _data(hit: Hit[Entry], matched: str) -> dict[str, object]:
    """What editor integrations and the HTML report read: the lexicon term, the form matched and the
    alternatives."""
    entry = hit.pattern.meaning
    data: dict[str, object] = {"term": entry.match[0], "form": hit.pattern.form, "class": entry.kind}
    alternatives = _alternatives(hit, matched)
    if alternatives:
        data["instead"] = alternatives
    return data


def _message(hit: Hit[Entry], matched: str) -> str:
    entry = hit.pattern.meaning
    if hit.pattern.form == "adverb":
        # an adjective's alternatives do not all make adverbs ("staggering" -> "large", not "largely")
        advice = "drop the adverb or state plainly what happened"
    elif entry.instead:
        options = [f"'{inflect_like(i, entry.pos, hit.pattern.form)}'" for i in entry.instead[:3]]
        advice = "consider " + (
            ", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else options[0]
        )
    elif entry.rule == "contentious-label":
        advice = "describe what the person or group did, or attribute the label to a source"
    else:
        advice = "state the fact or attribute the judgement to a source"
    return f"'{matched}' {entry.why}; {advice}"


def lexicon_findings(doc: Document, options: Options, rule_name: str) -> Iterator[Finding]:
    user_files = _user_files(options)
    if user_files:
        lexicon = combined_lexicon(user_files, _MAX_MEGABYTES.get(Path(options.base_dir).resolve()))
    else:
        lexicon = combined_lexicon(())
    allow = frozenset(normalise(a) for a in options.allow)
    hits = hits_for_rule(lexicon_hits(doc, lexicon), rule_name)
    quoted = quoted_terms(doc, lexicon) if options.quote_aware and hits else {}
    for hit in hits:
        entry = hit.pattern.meaning
        if options.quote_aware and (
            doc.in_quote(hit.start)
            or quoted.get((entry.key, doc.block_index(hit.start)), hit.end) <= hit.start
        ):
            continue  # the speaker's words, or a term the paragraph has quoted as someone's
        matched = doc.source[hit.start : hit.end]
        if _allowed(hit, allow, matched):
            continue
        if entry.unattributed_only and attributed(doc, hit.start, hit.end):
            continue  # reported speech: the clause credits the wording to a speaker
        replacement = _replacement(hit, matched)
        fixes: tuple[Fix, ...] = ()
        if replacement:
            safe = rule_name not in MEANING_CHANGING_FIXES
            fixes = (Fix(f"Replace '{matched}' with '{replacement}'", replacement, safe=safe),)
        yield Finding(
            hit.start,
            hit.end,
            _message(hit, matched),
            fixes=fixes,
            severity=entry.severity,
            data=_data(hit, matched),
        )


def lexicon_rule(code: str, name: str, doc: str, severity: str = "warning") -> Rule:
    def check(document: Document, options: Options) -> Iterator[Finding]:
        return lexicon_findings(document, options, name)

    check.__doc__ = doc
    check.__name__ = name.replace("-", "_")
    return rule(
        code=code,
        name=name,
        category="loaded-language",
        severity=severity,
        options=LEXICON_OPTIONS,
        scope="sentence",
    )(check)


emotive_language = lexicon_rule(
    "L101",
    "emotive-language",
    """Emotive or dramatising wording in the writer's voice.

## What it flags
Verbs, adjectives and adverbs that dramatise a conflict or judge a motive: "slammed", "blasted", "lashed
out", "blatant", "desperate", "sweeping", "ironclad", "flatly rejected", "danced around", "claw back", and
the adverbs of the adjectives ("furiously", "brazenly"). Words inside a direct quotation are the speaker's
and are not flagged.

Phrases and figures, each one entry in every tense and with every filler of its slot:

- figures of collapse, conflict and ruin for ordinary events: talks "on life support", a plan that "went
  up in flames", "torpedoed the deal", "hit a dead end", "a minefield", "blew up in its face";
- minimisers and maximisers that size up a figure: "a paltry raise", "a token gesture", "a mere $5,000",
  "not the slightest interest", "categorically refused";
- sensational verbs for ordinary acts: "unmasks" for names, "sidesteps" or "ducks the question" for does
  not answer, "caved in to" for agreed;
- loaded nouns for the other side's positions: "diktat" for an order, "scheme" for a plan, "stunt" for an
  action, "edict" for a rule, "wish list" for proposals.

Evaluative adjectives that pass the writer's verdict ("a needless delay", "a simplistic and clumsy plan",
"a naive amendment", "a depressing sight"), and their -ly adverbs, chosen from a published subjectivity
lexicon (pattern's English adjective scores, PDDL) by a score threshold and reviewed by hand: words whose
everyday news sense is neutral were left out ("happy", "dangerous", "controversial", "the worst flooding"),
and the kept ones are quiet in their neutral uses ("grievous bodily harm", "twisted metal", "shallow
water"). Praise words from the same lexicon ("impressive", "remarkable") were measured and left out: in
news they mostly describe what someone achieved, and annotators rarely count them as slant.

A figure used in its literal sense stays quiet: "the patient is on life support", "the barn went up in
flames", "a submarine torpedoed the freighter", "a token at the turnstile", "the convoy came under fire".
A figure, a sensational verb or a loaded noun in a clause that credits a speaker ("the talks are on life
support, the mediator said"; "critics say the minister sidestepped the question") is the speaker's, but a
participle of saying after the words ("the minister backtracked, saying ...") credits what follows, not
them; a term the story quotes as someone's word (the union called it a "diktat") is theirs from there on.
Multiword entries match their plurals and hyphenated forms ("power grabs", "a deep-state plot").

Second look at frequent false positives: "outrage" among or from a named group reports a reaction and is
left alone, while "an outrage" in the writer's voice is flagged; "massacre" beside the words of a mass
killing is the factual term (AP) and is left alone, while a "massacre" at the polls is flagged.

## Why it matters
A reporter who writes that a senator "slammed" a bill has told readers how to feel about the exchange
before telling them what was said. Newsroom guides (AP, Reuters, BBC) ask for the plain verb and leave the
drama to the facts and to the people quoted.

## Example
    The governor slammed the proposal as a blatant giveaway.

## Instead
    The governor criticized the proposal, calling it "a giveaway."

Use the neutral verb the message suggests, or quote the person whose judgement it is.
""",
)

contentious_label = lexicon_rule(
    "L102",
    "contentious-label",
    """A value-laden label for a person, group or government.

## What it flags
Labels such as "regime", "terrorist", "extremist", "thug", "radical" or "militant" used in the writer's own
voice. Some labels are flagged only when no one in the same clause is credited with them.

Second look at frequent false positives: "radical" before a word for a change ("a radical overhaul of the
tax code") measures how far-reaching the change is and is left alone, while "radical" for people, groups or
ideas is flagged; "racist" before "slur", "epithet", "graffiti" or "abuse" is the plain word AP asks for
(2019) and is left alone, while the label for a person or a policy is flagged unless the clause credits it
("critics called the policy racist"); the Nazi, Vichy, apartheid, Khmer Rouge and Soviet "regimes" are
settled historical usage and are left alone, while a living government called a regime is flagged.

## Why it matters
A label states an opinion about the people it names. Wire services keep words like "terrorist" inside
attributed quotations and describe the act instead (Reuters, AP; Wikipedia's guidance on contentious
labels says the same), so that readers can see whose judgement it is.

## Example
    The regime's thugs broke up the protest.

## Instead
    Security forces broke up the protest, witnesses said.

Describe what the people did, use their own name for themselves or their office, or attribute the label.
""",
)

loaded_saying_verb = lexicon_rule(
    "L103",
    "loaded-saying-verb",
    """A verb of saying that implies admission, exposure, doubt or triumph.

## What it flags
"claimed", "admitted", "conceded", "insisted", "revealed", "trumpeted", "boasted", "confessed" and their
kin where a neutral verb would do. "Alleged" and "accused" are not flagged: they are the right words for
undecided wrongdoing when the accuser is named.

## Why it matters
"Said" is neutral. "Claimed" tells readers to doubt the statement, "admitted" that it was a confession,
"revealed" that it was a secret. The verb carries a judgement the reporter has not shown.

## Example
    The company claimed the spill was contained. The mayor admitted the budget was late.

## Instead
    The company said the spill was contained. The mayor said the budget was late.

The quick fix replaces the verb with the neutral one in the same tense.
""",
)

editorializing = lexicon_rule(
    "L104",
    "editorializing",
    """Certainty or comment markers the writer adds without a source.

## What it flags
"clearly", "obviously", "of course", "unmistakably", "undeniably", "it is no secret", "the clearest sign
yet", "unfortunately" and similar words that present the writer's judgement as the reader's. Also:

- mind-reading, motives and inner states asserted without a source: "secretly hopes", "is terrified of",
  "itching to", "bent on revenge", "only cares about", "knows full well";
- speculative fatalism in the writer's voice: "doomed from the start", "spelled the end of", "the point of
  no return", "the writing is on the wall", "days are numbered", "dead on arrival".

A clause that credits a speaker ("aides say the senator secretly hopes ...") keeps these off the writer; a
speaker in another clause of the sentence ("he said nothing, but the plan is doomed") does not. People in
danger being "terrified" (residents, passengers, hostages) is a fact to report and is left alone.

Second look at a frequent false positive: "of course" stays flagged as the writer's discourse marker; the
literal "change of course" and "a matter of course", and "of course" in a clause crediting a speaker, are
left alone.

## Why it matters
Such words tell readers what to conclude instead of giving them the facts to conclude it. If something is
clear, the facts show it; if it is a judgement, someone should be quoted making it.

## Example
    The plan is clearly a bid for votes, and of course it will fail.

## Instead
    Opposition leader Ana Ruiz called the plan "a bid for votes" and predicted it would fail.
""",
)

doubt_marker = lexicon_rule(
    "L105",
    "doubt-marker",
    """Words that signal the writer doubts what they describe.

## What it flags
"so-called", "purported", "supposed", "self-styled", "self-proclaimed" and similar markers of doubt in the
writer's voice. "Would-be" is not one: in news it names an intended or thwarted role ("would-be buyers",
"the would-be attacker").

## Why it matters
These words tell readers to disbelieve a name or a claim without saying who disputes it or why. Wikipedia's
guidance on words to watch and newsroom guides ask writers to attribute the dispute instead.

## Example
    The so-called reform passed on Tuesday.

## Instead
    The reform, which opponents call a tax increase, passed on Tuesday.
""",
)

contested_framing = lexicon_rule(
    "L107",
    "contested-framing",
    """A term one side of a dispute prefers, where a neutral term exists.

## What it flags
Paired terms where each side has its own word: "pro-life" / "pro-choice" (neutral: "anti-abortion" /
"abortion-rights"), "death tax" ("estate tax"), "illegal alien" ("undocumented immigrant"), "liberated"
("captured", "took control of") and others; and partisan vocabulary one side's outlets use for the other
("leftist", "Democrat-controlled", "unelected bureaucrats", "woke" as a label), reviewed from AllSides
log-odds (`python -m benchmarks.partisan_candidates`), each with its neutral alternative.

Second look at frequent false positives: "pro-life" stays flagged (AP: "anti-abortion"), but a group's name
("Pro-Life Action League") and a self-description the story marks ("self-described pro-life") are left
alone; "mainstream media" stays flagged as a bloc label except in a clause crediting a speaker ("Trump said
the mainstream media ...").

## Why it matters
Choosing one side's word adopts that side's framing. Style guides such as AP's name the neutral terms so
that the story does not take a side in its vocabulary.

## Example
    The bill would repeal the death tax and deport illegal aliens.

## Instead
    The bill would repeal the estate tax and deport undocumented immigrants.

The message names the neutral choice; quote a side's own term when the term itself is the news.
""",
    severity="warning",
)

puffery = lexicon_rule(
    "L108",
    "puffery",
    """Promotional wording that praises without a checkable fact.

## What it flags
"legendary", "iconic", "world-class", "renowned", "visionary", "groundbreaking" and similar puffery in
the writer's voice. Praise in a clause that credits a speaker ("the coach said the team was world-class")
is the speaker's and is left alone.

## Why it matters
Praise words add no fact a reader can check, and in news they read as promotion. Show why the subject
matters with a fact, or attribute the praise.

## Example
    The legendary coach unveiled a world-class training centre.

## Instead
    The coach, who won four national titles, opened a training centre with an indoor track.
""",
    severity="info",
)

euphemism = lexicon_rule(
    "L109",
    "euphemism",
    """Softening wording that hides what happened.

## What it flags
Euphemisms such as "collateral damage", "enhanced interrogation", "passed away" (in hard news) or "let go"
(for dismissed workers).

## Why it matters
A euphemism adopts the framing of whoever coined it and leaves readers unsure what actually happened.
Plain words are both clearer and more neutral.

## Example
    Several civilians were killed in what the army called collateral damage; 200 workers were let go.

## Instead
    Several civilians were killed in the strike; 200 workers were dismissed.
""",
    severity="info",
)


@rule(
    code="L106",
    name="scare-quotes",
    category="loaded-language",
    severity="warning",
    options={"quote_aware": True, "max_words": 3},
    scope="sentence",
)
def scare_quotes_rule(doc: Document, options: Options) -> Iterator[Finding]:
    """A word or short phrase put in quotation marks that no one is quoted as saying.

    ## What it flags
    A quotation of one to three words (`max-words`) with no speaker in the sentence: the "report", an
    "election". Quiet when someone in the paragraph said or called it so, or the paragraph names what was
    said or written (a statement, an interview, a speech, testimony, a letter, a ruling or opinion, a memo),
    when the words are a title or a name, or when the word is mentioned as a word ("the term 'liberal'").

    ## Why it matters
    Quotation marks with no speaker are a sneer in punctuation: they tell readers the writer doubts the
    word without saying who disputes it or why.

    ## Example
        The ministry published its "report" on Friday.

    ## Instead
        The ministry published its report on Friday; opposition lawmakers said it left out the audit.
    """
    for quote, inner in scare_quotes(doc, options.max_words):
        yield Finding(
            quote.start,
            quote.end,
            f"'{inner}' in quotation marks with no speaker reads as doubt; drop the quotation "
            f"marks or say who used the word",
        )


LEXICON_RULES = (
    emotive_language,
    contentious_label,
    loaded_saying_verb,
    editorializing,
    doubt_marker,
    contested_framing,
    puffery,
    euphemism,
)


@hookimpl
def rhetlint_register_rules(register):
    for lexicon_based in LEXICON_RULES:
        register(lexicon_based)
    register(scare_quotes_rule)
