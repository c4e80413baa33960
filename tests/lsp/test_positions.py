"""PositionMap and settings parsing, in process (the end-to-end tests cover the same through a client)."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pygls.workspace import PositionCodec

from rhetlint.lsp.positions import PositionMap
from rhetlint.lsp.settings import EditorSettings, settings_section

# “ (3 UTF-8 bytes, 1 UTF-16 unit), 🎉 (4 bytes, 2 units), CRLF and CR end lines, U+2028 does not.
TEXT = "“🎉b\r\nx\ry\u2028z"
#       0 1 2 3 4 5 6 7 8     9   (code-point offsets; len 10)


def pmap(encoding: str) -> PositionMap:
    return PositionMap(TEXT, PositionCodec(encoding))


@pytest.mark.parametrize(
    ("encoding", "at_b", "line_end", "at_z"),
    [
        ("utf-8", 7, 8, 4),  # b after 3+4 bytes; z after "y" (1) and U+2028 (3)
        ("utf-16", 3, 4, 2),  # b after 1+2 units
        ("utf-32", 2, 3, 2),
    ],
)
def test_offsets_to_positions(encoding, at_b, line_end, at_z):
    m = pmap(encoding)
    assert m.position(2) == types.Position(line=0, character=at_b)
    assert m.position(3) == types.Position(line=0, character=line_end)
    assert m.position(5) == types.Position(line=1, character=0)
    assert m.position(9) == types.Position(line=2, character=at_z)
    for offset in (0, 1, 2, 3, 5, 7, 8, 9, 10):
        assert m.offset(m.position(offset)) == offset


def test_client_positions_are_clamped_and_round_forward():
    m = pmap("utf-16")
    assert m.offset(types.Position(line=0, character=99)) == 3  # past the end: the end of the line
    assert m.offset(types.Position(line=0, character=2)) == 2  # inside the emoji's surrogate pair: after it
    assert m.offset(types.Position(line=7, character=0)) == 10  # past the last line: the end of the text


def test_settings_accept_editor_spellings_and_report_bad_values():
    settings, problems = EditorSettings.parse(
        {
            "rhetlint": {
                "select": ["L1"],
                "extendSelect": "L106, RL001",
                "allow-local-plugins": True,
                "debounceMs": 100,
                "ignore": [3],
                "colour": "red",
            }
        }
    )
    assert (settings.select, settings.extend_select, settings.ignore) == (("L1",), ("L106", "RL001"), ())
    assert (settings.allow_local_plugins, settings.debounce_ms) == (True, 100)
    assert [p.split(" must")[0].split(" (")[0] for p in problems] == [
        "setting rhetlint.ignore",
        "unknown setting rhetlint.colour",
    ]


def test_settings_section_ignores_other_servers_settings():
    assert settings_section({"rhetlint": {"ignore": ["L101"]}}) == {"ignore": ["L101"]}
    assert settings_section({"ignore": ["L101"], "allowLocalPlugins": False}) == {
        "ignore": ["L101"],
        "allowLocalPlugins": False,
    }
    assert settings_section({"pylsp": {"plugins": {}}}) == {}
    assert settings_section(None) == {}
