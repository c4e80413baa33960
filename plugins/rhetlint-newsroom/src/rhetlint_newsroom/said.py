"""NE201 said-after-quote: after a direct quotation, the house verb of attribution is "said"."""

from __future__ import annotations

from collections.abc import Iterator

from rhetlint import Document, Finding, Fix, Options, rule
from rhetlint.text.inflect import verb_forms

# Verbs of saying the house style replaces with "said" when they attribute a quotation.
COLOURED = (
    "state",
    "exclaim",
    "declare",
    "remark",
    "note",
    "explain",
    "assert",
    "claim",
    "insist",
    "proclaim",
    "opine",
    "retort",
    "quip",
    "laugh",
    "smile",
    "chuckle",
    "sigh",
    "gush",
    "admit",
    "concede",
    "reveal",
)
# Verbs that attribute plainly; when one follows the quotation the rule has nothing to say.
PLAIN = frozenset({"said", "says", "told", "tells", "asked", "asks", "added", "adds", "wrote", "writes"})
# Marks that end the attribution: past them, a verb belongs to another clause.
STOPS = frozenset('.!?;:"“”‘’')
# How many words after the quotation the verb may come ('" the city's deputy mayor stated').
WINDOW = 6


def past_forms(verbs: tuple[str, ...]) -> dict[str, str]:
    """Map each past-tense surface ("stated") to its base ("state")."""
    return {
        surface: verb
        for verb in verbs
        for surface, form in verb_forms(verb).items()
        if form in ("past", "pp")
    }


PAST = past_forms(COLOURED)


@rule(
    code="NE201",
    name="said-after-quote",
    category="attribution",
    severity="warning",
    options={"allow": []},
    scope="paragraph",
)
def said_after_quote(doc: Document, options: Options) -> Iterator[Finding]:
    """A coloured verb of saying attributing a direct quotation.

    ## What it flags
    "Stated", "exclaimed", "insisted", "quipped" and similar past-tense verbs within a few words after a
    quotation that runs into its attribution (the quotation ends with a comma, question or exclamation
    mark). `allow = ["insist"]` accepts verbs by their base form.

    ## Why it matters
    "Said" is invisible; the coloured verbs are not. "Insisted" hints that the speaker is wrong, "admitted"
    that they confessed, "quipped" that they were not serious. The house style keeps the reporter's
    judgement out of the attribution.

    ## Example
        "We will rebuild," the mayor insisted.

    ## Instead
        "We will rebuild," the mayor said.
    """
    allowed = frozenset(options.allow)
    for quote in doc.quotes:
        if quote.level != 1 or quote.kind == "block" or not quote.closed:
            continue
        before_mark, after_mark = doc.text[quote.end - 2], doc.text[quote.end : quote.end + 1]
        if before_mark not in ",?!" and after_mark != ",":
            continue  # the quotation ends its sentence; no attribution follows
        block = doc.block_at(quote.start)
        position, seen = quote.end, []
        for token in doc.tokens[doc.token_index(quote.end) :]:
            if len(seen) == WINDOW or doc.block_at(token.start) != block:
                break
            if STOPS & set(doc.text[position : token.start]):
                break
            seen.append(token)
            position = token.end
        if any(token.norm in PLAIN for token in seen):
            continue
        for token in seen:
            base = PAST.get(token.norm)
            if base and base not in allowed:
                message = f"'{token.text}' colours the quotation; the house verb of attribution is 'said'"
                yield Finding(
                    token.start,
                    token.end,
                    message,
                    fixes=(Fix(f"Replace '{token.text}' with 'said'", "said"),),
                )
                break
