"""Import the few nltk modules rhetlint needs without running ``nltk/__init__``.

``import nltk`` loads the whole toolkit (and scipy when installed): 0.4–0.9 s of start-up that a linter run
on one draft cannot afford. Punkt and the Porter stemmer only need a handful of small modules, so we import
them under placeholder parent packages and then remove the placeholders, leaving a later ``import nltk``
(by a user plugin, say) to initialise the real package normally.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from functools import cache
from typing import Any


def _import_bare(module: str) -> Any:
    if "nltk" in sys.modules and not getattr(sys.modules["nltk"], "_rhetlint_placeholder", False):
        return importlib.import_module(module)  # the real package is already loaded: use it
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("nltk is not installed")
    root = list(spec.submodule_search_locations)[0]
    placeholders = {}
    for name in ("nltk", "nltk.tokenize", "nltk.stem"):
        if name not in sys.modules:
            placeholder = types.ModuleType(name)
            placeholder.__path__ = [os.path.join(root, *name.split(".")[1:])]
            placeholder._rhetlint_placeholder = True  # type: ignore[attr-defined]
            placeholders[name] = placeholder
    sys.modules.update(placeholders)
    try:
        return importlib.import_module(module)
    finally:
        for name, placeholder in placeholders.items():
            if sys.modules.get(name) is placeholder:
                del sys.modules[name]


@cache
def punkt() -> Any:
    return _import_bare("nltk.tokenize.punkt")


@cache
def porter_stemmer() -> Any:
    return _import_bare("nltk.stem.porter").PorterStemmer(mode="NLTK_EXTENSIONS")
