"""Punkt is imported as a private copy without the modules it needs only to load, save or train models, its
regular expressions on the standard library's engine."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import sys
from rhetlint.text import sentences
from rhetlint.text.nltk_glue import porter_stemmer
text = (
    'Mr. Smith went to Washington. He said "no." Then J. R. Doe left! Why? U.S. officials said so. '
    "« Non. » Café owners—é—said: “Stop.” 😀 Dr. Roe… agreed.\\r\\nThe end."
)
mine = list(sentences.tokenizer().span_tokenize(text))
porter_stemmer().stem("running")
print(sorted(m for m in ("http.client", "ssl", "urllib.request", "xml.sax.saxutils", "regex") if m in sys.modules))
print(type(sentences._punkt().PunktLanguageVars.re_boundary_realignment).__module__)
print([m for m in sys.modules if m == "nltk" or m.startswith("nltk.")])
import nltk.tokenize.punkt as real
params = real.PunktParameters()
params.abbrev_types = set(sentences.abbreviations())
print(mine == list(real.PunktSentenceTokenizer(params).span_tokenize(text)))
print(type(sys.modules["nltk.pathsec"]).__name__, real.PunktTrainer.__module__)
"""


def test_punkt_loads_without_the_network_modules_and_splits_as_the_real_one():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    unneeded, engine, left_behind, same, real_module = result.stdout.splitlines()
    assert unneeded == "[]"  # nor the third-party regex engine: Punkt's patterns run on the standard re
    assert engine == "re"
    assert left_behind == "[]"  # a later import of nltk starts from nothing
    assert same == "True"
    assert real_module == "module nltk.tokenize.punkt"  # and gets the real modules, not the stand-ins


def test_a_stand_in_says_what_is_missing():
    from rhetlint.text import nltk_glue

    punkt = nltk_glue.punkt()
    with pytest.raises(RuntimeError, match="not loaded with rhetlint's sentence splitter"):
        punkt.validate_path("english")  # checking a model path is among what the stand-ins leave out
