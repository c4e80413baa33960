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
import re
import sys
import types
from functools import cache
from typing import Any

# Modules Punkt imports only to load, save, train or print models, or for tokenizers rhetlint does not use.
# Their own imports (http.client, ssl, urllib.request, xml, subprocess) cost 30-50 ms of every run, so Punkt is
# imported with stand-ins for them, as a private copy that a later ``import nltk`` does not see.
PUNKT_UNUSED = (
    "nltk.pathsec",
    "nltk.picklesec",
    "nltk.tabdata",
    "nltk.termsec",
    "nltk.probability",
    "nltk.internals",  # for TokenizerI.tokenize, which Punkt overrides
    "nltk.tokenize.util",  # for StringTokenizer
)


class _StdlibRegex(types.ModuleType):
    """A stand-in for ``nltk.redos``, through which Punkt compiles its regular expressions: the same patterns on
    the standard library's ``re``. nltk's module compiles with the third-party ``regex`` engine (a 10-20 ms
    import) and wraps every match in a Python method that arms a timeout, which doubled the time Punkt spends
    splitting. Punkt's patterns are fixed (nltk's and our abbreviation list, never a user's) and run per
    paragraph in time linear in its length on either engine; the sentences are the same on every corpus text
    (docs/benchmarks.md)."""

    def __init__(self) -> None:
        super().__init__("nltk.redos")

    @staticmethod
    def compile(pattern: Any, flags: int = 0, timeout: Any = None) -> re.Pattern[str]:
        return re.compile(getattr(pattern, "pattern", pattern), flags)


class _Unavailable(types.ModuleType):
    """A stand-in module: every name in it is a function that says it is not available."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)

        def unavailable(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError(f"{self.__name__}.{name} is not loaded with rhetlint's sentence splitter")

        return unavailable


def _import_bare(module: str, stand_ins: tuple[str, ...] = (), regex_on_re: bool = False) -> Any:
    if "nltk" in sys.modules and not getattr(sys.modules["nltk"], "_rhetlint_placeholder", False):
        return importlib.import_module(module)  # the real package is already loaded: use it
    if stand_ins or regex_on_re:
        before = set(sys.modules)
        sys.modules.update({name: _Unavailable(name) for name in stand_ins if name not in sys.modules})
        if regex_on_re and "nltk.redos" not in sys.modules:
            sys.modules["nltk.redos"] = _StdlibRegex()
        try:
            return _import_bare(module)
        finally:  # forget every nltk module this import added: a later import of nltk gets real ones
            for name in set(sys.modules) - before:
                if name == "nltk" or name.startswith("nltk."):
                    del sys.modules[name]
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
    return _import_bare("nltk.tokenize.punkt", PUNKT_UNUSED, regex_on_re=True)


@cache
def porter_stemmer() -> Any:
    return _import_bare("nltk.stem.porter", regex_on_re=True).PorterStemmer(mode="NLTK_EXTENSIONS")
