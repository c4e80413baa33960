"""The sourcing rules' count of distinct sources: names inside names and people speaking for an organisation
fold together, found through an index of names by first word and length."""

from __future__ import annotations

from rhetlint import Document
from rhetlint_plugins.sourcing.table import _NameIndex, merged_source_count


def count(text: str) -> int:
    doc = Document.from_text(text, "story.md")
    return merged_source_count(doc, doc.sources)


def test_a_name_found_anywhere_in_the_words_and_only_whole():
    index = _NameIndex()
    index.add(("port", "authority"), 0)
    index.add(("port",), 1)
    index.add(("marta", "kovic"), 2)
    index.add(("marta", "kovic"), 3)
    words = ("the", "port", "authority", "and", "marta", "kovic")
    assert sorted(index.found_in(words)) == [0, 1, 2, 3]
    assert list(index.found_in(("marta",))) == []  # a run shorter than the name is not the name
    assert list(index.found_in(("authority", "port"))) == [1]
    assert list(index.found_in(())) == [] and not _NameIndex() and index


def test_a_person_speaking_for_a_named_organisation_is_one_source():
    text = (
        "Ana Ruiz, a spokeswoman for the Port Authority, said the pier would reopen. "
        "The Port Authority said repairs would cost $2 million.\n"
    )
    assert count(text) == 1


def test_two_people_are_two_sources_and_curly_quotes_do_not_matter():
    text = "Ana Ruiz said the pier would reopen. “It will not,” said Tom Léger, a fisherman. 😀\r\n"
    assert count(text) == 2
