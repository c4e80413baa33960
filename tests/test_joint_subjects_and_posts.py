"""Joint subjects credit each speaker; a signed social-media post credits its account holder."""

from __future__ import annotations

from rhetlint import Document


def table(text: str) -> list[tuple[str, str, int, tuple[str, ...]]]:
    return [(s.name, s.type, len(s.attributions), s.roles) for s in Document.from_text(text, "s.md").sources]


def test_both_speakers_of_a_joint_subject_are_credited():
    text = "Sen. Ann Smith and Rep. Bo Jones urged the agency to act, saying the delay was costly.\n"
    assert [(n, t, k) for n, t, k, _ in table(text)] == [
        ("Ann Smith", "named-person", 2),
        ("Bo Jones", "named-person", 2),
    ]
    roles = {name: r for name, _, _, r in table(text)}
    assert "representative" not in roles["Ann Smith"]  # each keeps only the titles given with them


def test_a_joint_subject_of_surnames():
    assert [n for n, *_ in table("Smith and Jones said the delay was costly.\n")] == ["Smith", "Jones"]


def test_a_clause_word_before_and_is_no_speaker():
    assert [n for n, *_ in table("But Jones said the delay was costly.\n")] == ["Jones"]


def test_a_signed_post_is_the_account_holders_quotation():
    text = (
        "Senators clashed over the bill on Tuesday, officials said.\r\n\r\n"
        "The ruling is a disgrace and the court knows it 🙄\r\n\r\n"
        "— Zoë Roe (@zoeroe) March 3, 2019\r\n\r\n"
        "The bill now goes to the House.\r\n"
    )
    doc = Document.from_text(text, "s.md")
    posts = [a for a in doc.attributions if a.speaker == "Zoë Roe"]
    assert len(posts) == 1
    post = posts[0]
    assert post.kind == "quote" and post.source_type == "named-person"
    assert text[post.content.start : post.content.end] == "The ruling is a disgrace and the court knows it 🙄"
    assert text[post.source.start : post.source.end] == "Zoë Roe"
    # the reporting verb inside the post is the post's own words, not an attribution of the writer's
    assert not any(a.speaker is None and a.content and "court" in a.content.text for a in doc.attributions)


def test_a_dash_line_without_a_handle_is_no_signature():
    text = "The ruling is a disgrace, she said.\n\n— Edited by Ann Lee\n"
    assert not any(a.speaker == "Edited by Ann Lee" for a in Document.from_text(text, "s.md").attributions)
