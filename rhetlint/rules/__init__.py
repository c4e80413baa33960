"""Rules: the rule model and registry, selection, the core rules and rules written as data.

``rhetlint.rules`` re-exports the rule model so ``from rhetlint.rules import Rule, Options`` keeps working.
"""

from __future__ import annotations

from rhetlint.rules.model import *  # noqa: F403
from rhetlint.rules.model import __all__ as _model_all

__all__ = list(_model_all)
