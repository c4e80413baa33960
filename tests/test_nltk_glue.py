"""Punkt is imported as a private copy without the modules it needs only to load, save or train models."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import sys
from rhetlint.text import sentences
text = 'Mr. Smith went to Washington. He said "no." Then J. R. Doe left! Why? U.S. officials said so.'
mine = list(sentences.tokenizer().span_tokenize(text))
print(sorted(m for m in ("http.client", "ssl", "urllib.request", "xml.sax.saxutils") if m in sys.modules))
print([m for m in sys.modules if m == "nltk" or m.startswith("nltk.")])
import nltk.tokenize.punkt as real
params = real.PunktParameters()
params.abbrev_types = set(sentences.abbreviations())
print(mine == list(real.PunktSentenceTokenizer(params).span_tokenize(text)))
print(type(sys.modules["nltk.pathsec"]).__name__, real.PunktTrainer.__module__)
"""


def test_punkt_loads_without_the_network_modules_and_splits_as_the_real_one():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    unneeded, left_behind, same, real_module = result.stdout.splitlines()
    assert unneeded == "[]"
    assert left_behind == "[]"  # a later import of nltk starts from nothing
    assert same == "True"
    assert real_module == "module nltk.tokenize.punkt"  # and gets the real modules, not the stand-ins


def test_a_stand_in_says_what_is_missing():
    from rhetlint.text import nltk_glue

    punkt = nltk_glue.punkt()
    with pytest.raises(RuntimeError, match="not loaded with rhetlint's sentence splitter"):
        punkt.validate_path("english")  # checking a model path is among what the stand-ins leave out
