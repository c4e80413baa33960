"""Restricted regular expressions: the one place a data rule may use a regex, bounded so it cannot hang.

A regex word of a pattern (``/mega\\w+/``) is tried with ``fullmatch`` against a single token. Python's
matcher backtracks, and a careless expression can take exponential time, so only shapes whose work per token
stays a small polynomial are accepted (``check_regex``), and long tokens are never tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# These bounds keep Python's backtracking matcher to a small polynomial amount of work per token (measured in
# tests/test_datarules.py).
MAX_REGEX_LENGTH = 80
MAX_VARIABLE_QUANTIFIERS = 3  # quantifiers whose count may vary: * + ? {m,} {m,n}
MAX_REPEAT = 32  # the largest count a {m,n} may name
MAX_TOKEN_LENGTH = 40  # longer tokens never match a regex word (English words are far shorter)
# Escapes a regex word may use: character classes and word boundaries (letters), plus any escaped symbol.
ALLOWED_ESCAPES = frozenset("wWdDsSbB")
# A counted repetition: {m}, {m,}, {,n} or {m,n}.
BRACE_QUANTIFIER = re.compile(r"\{(\d*)(,?)(\d*)\}")


class RegexNotAllowed(ValueError):
    """A regex word that could backtrack without bound, or uses syntax the restriction excludes."""


@dataclass
class _Group:
    repeats_inside: bool = False  # holds a quantifier (directly or in a nested group)
    alternatives: bool = False  # holds a |


def check_regex(source: str) -> None:
    """Raise RegexNotAllowed unless ``source`` is a regex whose backtracking is bounded.

    Rejected: backreferences, lookarounds and every other ``(?…)`` but ``(?:…)``; escapes other than
    ``\\w \\W \\d \\D \\s \\S \\b \\B`` and escaped symbols; a quantifier on a group that contains a
    quantifier or an alternative (``(a+)+``, ``(a|ab)*``: the shapes that backtrack exponentially); more than
    ``MAX_VARIABLE_QUANTIFIERS`` variable quantifiers; counts above ``MAX_REPEAT``; long patterns.
    """
    if len(source) > MAX_REGEX_LENGTH:
        raise RegexNotAllowed(f"is longer than {MAX_REGEX_LENGTH} characters")
    stack: list[_Group] = [_Group()]
    last: _Group | str | None = None  # the atom a quantifier would repeat: a closed group or "atom"
    variable = 0
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            if i + 1 >= n:
                raise RegexNotAllowed("ends with a lone backslash")
            e = source[i + 1]
            if e.isdigit():
                raise RegexNotAllowed("uses a backreference")
            if e.isalnum() and e not in ALLOWED_ESCAPES:
                raise RegexNotAllowed(
                    f"uses the escape \\{e} (allowed: \\w \\W \\d \\D \\s \\S \\b \\B, "
                    "and a backslash before a symbol)"
                )
            last, i = "atom", i + 2
            continue
        if c == "[":
            j = i + 1
            if j < n and source[j] == "^":
                j += 1
            if j < n and source[j] == "]":
                j += 1
            while j < n and source[j] != "]":
                if source[j] == "\\":
                    e = source[j + 1] if j + 1 < n else ""
                    if e.isalnum() and e not in ALLOWED_ESCAPES:
                        raise RegexNotAllowed(f"uses the escape \\{e} in a character class")
                    j += 1
                elif source[j] == "[":
                    raise RegexNotAllowed("nests '[' inside a character class")
                j += 1
            if j >= n:
                raise RegexNotAllowed("has an unclosed character class")
            last, i = "atom", j + 1
            continue
        if c == "(":
            if source.startswith("(?", i):
                if not source.startswith("(?:", i):
                    raise RegexNotAllowed(
                        "uses a (?…) construct; only plain (…) and (?:…) groups are allowed"
                    )
                i += 1
            stack.append(_Group())
            last, i = None, i + 1
            continue
        if c == ")":
            if len(stack) == 1:
                raise RegexNotAllowed("has an unbalanced ')'")
            group = stack.pop()
            stack[-1].repeats_inside |= group.repeats_inside
            stack[-1].alternatives |= group.alternatives
            last, i = group, i + 1
            continue
        if c == "|":
            stack[-1].alternatives = True
            last, i = None, i + 1
            continue
        counted = BRACE_QUANTIFIER.match(source, i) if c == "{" else None
        # "{,}" is a quantifier to Python (0 or more), not literal text; only "{}" and "{x}" are literal
        if c in "*+?" or (counted and (counted[1] or counted[2] or counted[3])):
            if last is None:
                raise RegexNotAllowed("has a quantifier with nothing to repeat")
            if isinstance(last, _Group) and (last.repeats_inside or last.alternatives):
                raise RegexNotAllowed(
                    "repeats a group that itself repeats or has alternatives (such as "
                    "(a+)+ or (a|ab)*), which can backtrack without end"
                )
            if counted:
                low = int(counted[1] or 0)
                high = int(counted[3]) if counted[3] else None
                if max(low, high or 0) > MAX_REPEAT:
                    raise RegexNotAllowed(f"repeats more than {MAX_REPEAT} times")
                variable += bool(counted[2]) and high != low
                i = counted.end()
            else:
                variable += 1
                i += 1
            if i < n and source[i] == "?":
                i += 1  # lazy: same work bound
            if i < n and source[i] in "*+":
                raise RegexNotAllowed("stacks two quantifiers")
            stack[-1].repeats_inside = True
            last = None
            continue
        last, i = "atom", i + 1
    if len(stack) != 1:
        raise RegexNotAllowed("has an unclosed '('")
    if variable > MAX_VARIABLE_QUANTIFIERS:
        raise RegexNotAllowed(f"has {variable} variable quantifiers (at most {MAX_VARIABLE_QUANTIFIERS})")


def compile_regex(source: str, ignore_case: bool) -> re.Pattern[str]:
    """Check and compile a regex word; raise RegexNotAllowed with the reason."""
    check_regex(source)
    try:
        return re.compile(source, re.IGNORECASE if ignore_case else 0)
    except re.error as exc:
        raise RegexNotAllowed(f"is not a valid regular expression: {exc}") from None
