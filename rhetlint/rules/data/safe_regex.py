"""Regex words of rule files, run by a matcher that cannot backtrack, so no pattern can hang a run.

A regex word of a pattern (``/mega\\w+/``) is tried with ``fullmatch`` against a single token. Rule files
come from whoever writes to the checked repository, so the pattern is compiled by RE2 (``google-re2``),
whose matching time grows linearly with the word whatever the pattern: ``(a+)+$`` or ``(\\w+){,}x`` cost
no more than ``a+``. Patterns are written as in Python; where RE2 reads the same text differently, it is
translated so it means what Python means: ``\\w \\d \\s`` and their negations are Unicode classes (RE2's
are ASCII), ``{,n}`` is ``{0,n}`` and ``{,}`` is ``*`` (RE2 takes both as text), ``\\u00e9`` is ``\\x{e9}``.
What RE2 cannot do at all, backreferences and lookarounds, is refused with a one-line reason.
"""

from __future__ import annotations

import re
import string
from typing import Protocol

MAX_REGEX_LENGTH = 200  # a regex word is one word: longer is a mistake, and bounds compile time and memory
MAX_TOKEN_LENGTH = 40  # longer tokens never match a regex word (English words are far shorter)

# Python's classes, written as RE2 Unicode properties (the same sets of characters): \w is what
# str.isalnum() accepts plus "_", \d the decimal digits, \s str.isspace().
_WORD = r"\pL\pN_"
_DIGIT = r"\p{Nd}"
_SPACE = r"\t-\r\x{1c}-\x{1f}\x{85}\p{Z}"
# Outside a character class, each escape becomes a class; inside one, the set's members are spliced in.
_OUTSIDE = {
    "w": f"[{_WORD}]",
    "W": f"[^{_WORD}]",
    "d": _DIGIT,
    "D": r"\P{Nd}",
    "s": f"[{_SPACE}]",
    "S": f"[^{_SPACE}]",
}
_INSIDE = {"w": _WORD, "d": _DIGIT, "D": r"\P{Nd}", "s": _SPACE}
# {,n} and {,}: Python reads them as {0,n} and *, RE2 as literal text
_OPEN_COUNT = re.compile(r"\{,(\d*)\}")
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
# RE2's error messages, as the one-line reasons rule files have always been given
_RE2_REASONS = (
    ("missing )", "has an unclosed '('"),
    ("unexpected )", "has an unbalanced ')'"),
    ("missing ]", "has an unclosed character class"),
    ("no argument for repetition operator", "has a quantifier with nothing to repeat"),
    ("bad repetition operator", "stacks two quantifiers"),
    ("invalid escape sequence", "uses an escape the pattern engine does not know"),
    ("invalid repetition size", "repeats more than 1000 times"),
    ("pattern too large", "is too large for the pattern engine (lower its counts)"),
)


class RegexNotAllowed(ValueError):
    """A regex word the pattern engine cannot run: invalid, or a backreference or lookaround."""


class RegexWord(Protocol):
    """A compiled regex word: only ``fullmatch`` against one token is ever asked of it (and a hash, to
    cache the answer per word)."""

    def __hash__(self) -> int: ...

    def fullmatch(self, text: str) -> object | None: ...


def translate(source: str) -> str:
    """``source`` (Python syntax) as RE2 syntax with the same meaning; raise RegexNotAllowed for what RE2
    cannot express."""
    if len(source) > MAX_REGEX_LENGTH:
        raise RegexNotAllowed(f"is longer than {MAX_REGEX_LENGTH} characters")
    out: list[str] = []
    in_class = False
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            if i + 1 >= n:
                raise RegexNotAllowed("ends with a lone backslash")
            e = source[i + 1]
            if e.isdigit() and e != "0":
                raise RegexNotAllowed(
                    f"uses a backreference (\\{e}), which the linear-time pattern engine cannot run"
                )
            if e in "bB" and not in_class:
                if e == "b" and (i == 0 or i + 2 == n):
                    i += 2  # a regex word always matches a whole word: a boundary at its ends always holds
                    continue
                raise RegexNotAllowed(
                    f"uses \\{e} inside the word; a regex word matches one whole word, so only a \\b at "
                    "its start or end makes sense"
                )
            if in_class and e in "WS":
                raise RegexNotAllowed(f"uses \\{e} inside a character class; write the class without it")
            if e in _OUTSIDE:
                out.append(_INSIDE[e] if in_class else _OUTSIDE[e])
            elif e == "Z":
                out.append(r"\z")  # Python's end of text; RE2 spells it \z
            elif e in "uU":  # Python's \u00e9 and \U0001f600; RE2 spells them \x{e9}
                digits = 4 if e == "u" else 8
                code = source[i + 2 : i + 2 + digits]
                if len(code) != digits or any(ch not in string.hexdigits for ch in code):
                    raise RegexNotAllowed(f"has an incomplete \\{e} escape (\\{e} takes {digits} hex digits)")
                out.append(f"\\x{{{code}}}")
                i += 2 + digits
                continue
            else:
                out.append(source[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            j = i + 1
            if source.startswith("^", j):
                j += 1
            if source.startswith("]", j):
                j += 1  # a "]" first in a class is a member
            out.append(source[i:j])
            in_class, i = True, j
            continue
        if c == "(":
            if source.startswith(_LOOKAROUNDS, i):
                raise RegexNotAllowed(
                    "uses a lookaround ((?=…), (?!…), (?<=…) or (?<!…)), which the linear-time pattern "
                    "engine cannot run"
                )
            if source.startswith("(?P=", i):
                raise RegexNotAllowed(
                    "uses a backreference ((?P=…)), which the linear-time pattern engine cannot run"
                )
        if c == "{":
            counted = _OPEN_COUNT.match(source, i)
            if counted:
                out.append(f"{{0,{counted[1]}}}" if counted[1] else "*")
                i = counted.end()
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _engine_reason(exc: Exception) -> str:
    raw = exc.args[0] if exc.args else ""
    message = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    for needle, reason in _RE2_REASONS:
        if needle in message:
            return reason
    return f"is not a valid regular expression: {message}"


def compile_regex(source: str, ignore_case: bool) -> RegexWord:
    """Translate and compile a regex word for RE2; raise RegexNotAllowed with the reason."""
    translated = translate(source)
    try:
        import re2
    except ImportError:  # pragma: no cover - google-re2 is a dependency; a broken install still gets a line
        raise RegexNotAllowed(
            "needs the google-re2 package, which is missing: reinstall rhetlint (pip install rhetlint)"
        ) from None
    options = re2.Options()
    options.log_errors = False  # the reason goes into our one-line error, not to stderr
    try:
        return re2.compile(("(?i)" if ignore_case else "") + translated, options)
    except re2.error as exc:
        raise RegexNotAllowed(_engine_reason(exc)) from None


def check_regex(source: str) -> None:
    """Raise RegexNotAllowed unless ``source`` is a regex word the pattern engine can run."""
    compile_regex(source, ignore_case=False)
