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

The stages, one module each: ``extractor`` (the pass over the sentences), ``verbs``, ``passives`` and
``cues`` (reading each kind of cue), ``mentions`` (where a source's noun phrase is), ``speakers`` (what kind
of source it is), ``coreference`` (who a pronoun, role or surname means), ``content`` (what is credited),
``quotes`` (quotations near a cue, and quotations continued without one); ``lexicon`` and ``grammar`` hold the
words they read, ``gaps`` the punctuation between words, ``reading`` the state they share, ``model`` what
they report.
"""

from __future__ import annotations

from rhetlint.analysis.attribution.extractor import find_attributions
from rhetlint.analysis.attribution.grammar import NOUN_MARKERS
from rhetlint.analysis.attribution.lexicon import Cue, CueLexicon, lexicon
from rhetlint.analysis.attribution.model import ATTRIBUTION_KINDS, SOURCE_TYPES, Attribution

__all__ = [
    "ATTRIBUTION_KINDS",
    "NOUN_MARKERS",
    "SOURCE_TYPES",
    "Attribution",
    "Cue",
    "CueLexicon",
    "find_attributions",
    "lexicon",
]
