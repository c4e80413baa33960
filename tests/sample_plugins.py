"""Plugin sources the tests write into projects and fake distributions, written once here."""

from __future__ import annotations

import textwrap

# T101 marker-word (category "testing", warning) flags the word "zork" outside quotations;
# T202 other-word (category "misc", info) flags "blorp" everywhere.
MARKER_PLUGIN = textwrap.dedent('''
    from rhetlint import Finding, hookimpl, rule

    __version__ = "2.3.4"


    @rule(code="T101", name="marker-word", category="testing", severity="warning",
          options={"word": "zork", "quote_aware": True}, scope="sentence")
    def marker_word(doc, options):
        """Flags the marker word.

        ## What it flags
        The marker word, outside quotations.
        """
        for t in doc.tokens:
            if t.norm == options.word and not (options.quote_aware and doc.in_quote(t.start)):
                yield Finding(t.start, t.end, f"marker '{t.text}' found")


    @rule(code="T202", name="other-word", category="misc", severity="info")
    def other_word(doc, options):
        """Flags the other word."""
        for t in doc.tokens:
            if t.norm == "blorp":
                yield Finding(t.start, t.end, f"other '{t.text}' found")


    @hookimpl
    def rhetlint_register_rules(register):
        register(marker_word)
        register(other_word)
''')


def word_plugin(code: str, name: str, category: str, word: str, severity: str = "warning") -> str:
    """Source of a plugin with one rule flagging ``word`` (as "<first part of name> '<Word>' found")."""
    label = name.split("-")[0]
    return textwrap.dedent(f'''
        from rhetlint import Finding, hookimpl, rule


        @rule(code="{code}", name="{name}", category="{category}", severity="{severity}")
        def flag_word(doc, options):
            """Flags the {label} word."""
            for t in doc.tokens:
                if t.norm == "{word}":
                    yield Finding(t.start, t.end, f"{label} '{{t.text}}' found")


        @hookimpl
        def rhetlint_register_rules(register):
            register(flag_word)
    ''')


# T803 killer-rule ends its process (os._exit, as a crash or the OOM killer would) on the word "boom".
KILLER_PLUGIN = """
import os

from rhetlint import hookimpl, rule


@rule(code="T803", name="killer-rule", category="testing")
def killer_rule(doc, options):
    '''Kills its process on the word "boom".'''
    if any(t.norm == "boom" for t in doc.tokens):
        os._exit(9)
    return ()


@hookimpl
def rhetlint_register_rules(register):
    register(killer_rule)
"""
