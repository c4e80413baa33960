"""Which family a finding belongs to, and how the report marks it besides colour (a letter, a line style).

The report colours loaded language, attribution and sourcing differently, and gives each a letter and an
underline style of its own so that the families stay apart for readers who do not see the colours and on
a black-and-white printout.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    key: str  # CSS class suffix
    letter: str  # shown in each finding's marker
    label: str  # shown in the legend and the index
    line: str  # the underline style, named in the legend


LOADED = Family("loaded", "L", "Loaded language", "solid underline")
ATTRIBUTION = Family("attribution", "A", "Attribution", "dashed underline")
SOURCING = Family("sourcing", "S", "Sourcing", "dotted underline")
OTHER = Family("other", "O", "Other", "double underline")

FAMILIES = (LOADED, ATTRIBUTION, SOURCING, OTHER)

_BY_CATEGORY = {"loaded-language": LOADED, "attribution": ATTRIBUTION, "sourcing": SOURCING}


def family_of(category: str) -> Family:
    """The family of a rule category; a plugin's own category (and rhetlint's ``meta``) is ``Other``."""
    return _BY_CATEGORY.get(category, OTHER)
