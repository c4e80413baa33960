"""What the attribution analysis reports, and the typed source noun phrase its stages pass to each other.

Kept apart from the stages so that readers of ``doc.attributions`` (rules, the sources table, the model's
type hints) depend on these few types and not on how they are found.
"""

from __future__ import annotations

from typing import NamedTuple

from rhetlint.model.document import Span

# How a source is described; "none" means the attribution names no source at all.
SOURCE_TYPES = ("named-person", "named-organisation", "anonymous", "vague", "place-for-government", "none")
# Kinds of attribution: direct quotation, paraphrase with a reporting verb, "according to X", an agentless
# report ("it is believed"), and an impression in the writer's voice ("appears to").
ATTRIBUTION_KINDS = ("quote", "paraphrase", "according-to", "sourceless", "impression")


class Attribution(NamedTuple):
    """One attribution: a cue, who it credits (``source``) and with what (``content``)."""

    kind: str  # one of ATTRIBUTION_KINDS
    cue: Span | None  # the reporting verb or phrase; None for a quotation continued from an earlier cue
    source: Span | None  # the words naming the speaker as written (None when sourceless)
    content: Span | None  # the words attributed
    source_type: str  # one of SOURCE_TYPES
    speaker: str | None  # canonical name of a named or resolved source ("Ana Ruiz", "Selwyn Port Authority")
    cue_class: str = ""  # say, speech, clause, belief, as, stance, evidence, refusal, quote, according, ...
    head: str = ""  # the source's head word, lowercase ("officials", "critics", "ruiz", "he")
    roles: tuple[str, ...] = ()  # title and role words given with the source ("spokesman", "director")
    resolved: bool = False  # the source is a pronoun or bare role resolved from earlier text


class SpeakerGuess(NamedTuple):
    """Who a source noun phrase probably is: its type, head word and, when known, the speaker's name."""

    type: str  # one of SOURCE_TYPES
    head: str
    speaker: str | None
    roles: tuple[str, ...]
    resolved: bool = False
    plural: bool = False
