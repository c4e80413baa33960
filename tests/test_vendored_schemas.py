"""The schemas the output tests validate against are vendored, complete and exactly as published."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

SCHEMAS = Path(__file__).resolve().parent / "schemas"

# SHA-256 of each file as published (tests/schemas/README.md names the source commit of each).
PUBLISHED = {
    "sarif-schema-2.1.0.json": "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e",
    "reviewdog-rdf-DiagnosticResult.json": "89b09042bc3f833f76c502ab793ee4fceba4bb75919498563b17f2be68569970",
    "reviewdog-rdf-Diagnostic.json": "5b0d267e0e1a3636ef12c9267418e72bfb251f22c67b837a582a0a9a1172b677",
}


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_vendored_schema_is_the_published_file(name):
    path = SCHEMAS / name
    assert path.is_file(), f"{path} is missing: the output tests need it (see tests/schemas/README.md)"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == PUBLISHED[name]
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)


def test_every_vendored_schema_is_documented():
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    vendored = {path.name for path in SCHEMAS.glob("*.json")}
    assert vendored == set(PUBLISHED)
    for name, digest in PUBLISHED.items():
        assert f"`{name}`" in readme and digest in readme
