"""The server against a broken or hostile client, in raw bytes: framing, invalid JSON and positions, the
shutdown/exit sequence, reversed ranges, oversized documents and a lint that never ends."""

from __future__ import annotations

import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rawkit import (
    RawServer,
    did_open,
    frame,
    hover,
    initialize,
    notification,
    request,
)

PARSE_ERROR, INVALID_REQUEST, INVALID_PARAMS = -32700, -32600, -32602
DRAFT = "The regime slammed it.\n"  # L102 at 0:4-0:10, L101 at 0:11-0:18


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    (root / "rhetlint.toml").write_text("", encoding="utf-8")
    return root


@pytest.fixture
def server(project: Path) -> Iterator[RawServer]:
    raw = RawServer(project)
    yield raw
    raw.close()


def start(raw: RawServer, root: Path, options: dict[str, object] | None = None) -> None:
    raw.send(initialize(1, root, options))
    assert "result" in raw.reply_to(1)
    raw.send(notification("initialized", {}))


def answered(raw: RawServer, msg_id: int) -> None:
    """The server still works: a request after the abuse gets its (successful) reply."""
    raw.send(request(msg_id, "textDocument/codeLens", {"textDocument": {"uri": "file:///nowhere.md"}}))
    assert raw.reply_to(msg_id).get("result") == []


def error_of(raw: RawServer, msg_id: int | None) -> dict[str, object]:
    reply = raw.reply_to(msg_id)
    assert "error" in reply, reply
    return dict(reply["error"])


# --- framing -----------------------------------------------------------------------------------------
def test_a_content_length_of_a_terabyte_is_refused_and_the_server_goes_on(server: RawServer, project):
    start(server, project)
    server.send(b"Content-Length: 1000000000000\r\n\r\n")
    error = error_of(server, None)
    assert error["code"] == INVALID_REQUEST
    assert "1000000000000" in str(error["message"]) and "limit" in str(error["message"])
    answered(server, 2)
    server.send(request(3, "shutdown"))
    server.reply_to(3)
    server.send(notification("exit"))
    assert server.exit_code() == 0


def test_a_real_message_over_the_cap_is_skipped_with_an_error_and_a_message(server: RawServer, project):
    start(server, project, {"maxDocumentSize": 0.01})  # the cap is 6 x 0.01 MB + 1 MiB
    big = did_open("file:///big.md", "slammed " * 400_000)  # 3.2 MB
    server.send(frame(big))
    error = error_of(server, None)
    assert error["code"] == INVALID_REQUEST and "limit" in str(error["message"])
    shown = server.wait_for(lambda m: m.get("method") == "window/showMessage")
    assert "not read" in shown["params"]["message"] and "maxDocumentSize" in shown["params"]["message"]
    server.send(frame(big))  # again, as a client sending the whole text on each change would
    answered(server, 2)
    errors = [m for m in server.seen if m.get("error") and m.get("id") is None]
    assert len(errors) == 2
    assert len([m for m in server.seen if m.get("method") == "window/showMessage"]) == 1


def test_an_oversized_request_gets_its_error_under_its_own_id(server: RawServer, project):
    start(server, project, {"maxDocumentSize": 0.01})
    big = request(41, "textDocument/hover", {"padding": "x" * 2_000_000})
    server.send(frame(big))
    assert error_of(server, 41)["code"] == INVALID_REQUEST
    answered(server, 2)


@pytest.mark.parametrize("length", ["-5", "abc", "", "12abc", "0x20", "+20", "1e3"])
def test_a_content_length_that_is_not_a_number_is_an_error_and_the_server_resyncs(
    server: RawServer, project, length: str
):
    start(server, project)
    body = frame(hover(7, "file:///nowhere.md", 0, 0)).split(b"\r\n\r\n", 1)[1]
    server.send(f"Content-Length: {length}\r\n\r\n".encode() + body)
    assert error_of(server, None)["code"] == PARSE_ERROR
    answered(server, 2)


def test_a_missing_content_length_is_an_error_and_the_server_resyncs(server: RawServer, project):
    start(server, project)
    server.send(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}")
    assert error_of(server, None)["code"] == PARSE_ERROR
    answered(server, 2)


def test_a_content_length_too_short_costs_one_message(server: RawServer, project):
    start(server, project)
    server.send(frame(hover(7, "file:///nowhere.md", 0, 0), length=20))
    assert error_of(server, None)["code"] == PARSE_ERROR
    answered(server, 2)
    assert not any(m.get("id") == 7 for m in server.seen)


def test_a_content_length_too_long_costs_the_messages_it_swallows(server: RawServer, project):
    start(server, project)
    server.send(frame(hover(7, "file:///nowhere.md", 0, 0), length=200))
    server.send(frame(request(8, "textDocument/codeLens", {"textDocument": {"uri": "file:///x.md"}})))
    # the 200 bytes end inside the request above; the server finds the next header in what it read
    server.send(frame(request(9, "textDocument/codeLens", {"textDocument": {"uri": "file:///x.md"}})))
    assert error_of(server, None)["code"] == PARSE_ERROR
    assert server.reply_to(9)["result"] == []
    answered(server, 2)


def test_junk_between_messages_is_skipped(server: RawServer, project):
    start(server, project)
    server.send(b"hello\r\nthis is not a header\r\n\r\n" + b"\x00\xff" * 5000)
    answered(server, 2)


def test_headers_are_case_insensitive_and_content_type_is_accepted(server: RawServer, project):
    start(server, project)
    body = b'{"jsonrpc": "2.0", "id": 5, "method": "textDocument/codeLens", "params": {"textDocument": {"uri": "file:///x.md"}}}'
    server.send(
        b"content-length: %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" % len(body)
        + body
    )
    assert server.reply_to(5)["result"] == []


# --- JSON and JSON-RPC -------------------------------------------------------------------------------
@pytest.mark.parametrize("body", [b"{not json", b'{"jsonrpc": "2.0", "id": 3', b"\xff\xfe{}", b"[" * 100_000])
def test_invalid_json_gets_a_parse_error(server: RawServer, project, body: bytes):
    start(server, project)
    server.send(frame(body))
    error = error_of(server, None)
    assert error["code"] == PARSE_ERROR
    answered(server, 2)


@pytest.mark.parametrize(
    "body",
    [b"[]", b"5", b'"text"', b'{"id": 3, "method": "shutdown"}', b'{"jsonrpc": "2.0", "id": 3, "method": 5}'],
)
def test_json_that_is_not_a_request_gets_invalid_request(server: RawServer, project, body: bytes):
    start(server, project)
    server.send(frame(body))
    error = error_of(server, 3 if b'"id": 3' in body else None)
    assert error["code"] == INVALID_REQUEST
    answered(server, 2)


# --- positions ---------------------------------------------------------------------------------------
def test_negative_and_out_of_range_positions_get_invalid_params(server: RawServer, project):
    start(server, project)
    uri = (project / "a.md").as_uri()
    server.send(did_open(uri, DRAFT))
    server.published(uri)
    for msg_id, (line, character) in enumerate([(-1, 0), (0, -3), (2**31, 0), (0, 2**40)], start=10):
        server.send(hover(msg_id, uri, line, character))
        assert error_of(server, msg_id)["code"] == INVALID_PARAMS


def test_positions_past_a_line_or_the_document_are_clamped(server: RawServer, project):
    """The specification: a character past the end of its line means the end of the line."""
    start(server, project)
    uri = (project / "a.md").as_uri()
    server.send(did_open(uri, "x\n" + DRAFT))
    server.published(uri)
    server.send(hover(10, uri, 0, 500))  # clamped to the end of "x": no finding there
    assert server.reply_to(10)["result"] is None
    server.send(hover(11, uri, 99, 0))  # past the last line
    assert server.reply_to(11)["result"] is None
    server.send(hover(12, uri, 1, 12))  # inside "slammed": the server is still sound
    assert "L101" in server.reply_to(12)["result"]["contents"]["value"]


def test_a_reversed_change_range_does_not_duplicate_text(server: RawServer, project):
    start(server, project)
    uri = (project / "a.md").as_uri()
    server.send(did_open(uri, DRAFT))
    server.published(uri)
    reversed_range = {"start": {"line": 0, "character": 10}, "end": {"line": 0, "character": 4}}
    server.send(
        notification(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{"range": reversed_range, "text": "government"}],
            },
        )
    )
    # read as 0:4-0:10 ("regime"): "The government slammed it." with "slammed" at 0:15
    published = server.wait_for(
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == 2
    )
    spans = {(d["code"], d["range"]["start"]["character"]) for d in published["params"]["diagnostics"]}
    assert spans == {("L101", 15)}


def test_a_reversed_code_action_range_is_the_same_range(server: RawServer, project):
    start(server, project)
    uri = (project / "a.md").as_uri()
    server.send(did_open(uri, DRAFT))
    server.published(uri)
    params = {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 22}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []},
    }
    server.send(request(5, "textDocument/codeAction", params))
    titles = [action["title"] for action in server.reply_to(5)["result"]]
    assert any("slammed" in title for title in titles), titles


# --- shutdown and exit -------------------------------------------------------------------------------
def test_requests_after_shutdown_get_invalid_request_and_exit_is_0(server: RawServer, project):
    start(server, project)
    server.send(request(2, "shutdown"))
    assert server.reply_to(2)["result"] is None
    server.send(hover(3, "file:///a.md", 0, 0))
    assert error_of(server, 3)["code"] == INVALID_REQUEST
    server.send(request(4, "shutdown"))
    assert error_of(server, 4)["code"] == INVALID_REQUEST
    server.send(notification("exit"))
    assert server.exit_code() == 0


def test_requests_before_initialize_get_server_not_initialized(server: RawServer, project):
    uri = (project / "a.md").as_uri()
    server.send(did_open(uri, DRAFT))  # dropped: the document is not open afterwards
    server.send(hover(2, uri, 0, 12))
    assert error_of(server, 2)["code"] == -32002
    start(server, project)
    server.send(hover(3, uri, 0, 12))
    assert server.reply_to(3)["result"] is None
    assert not any(m.get("method") == "textDocument/publishDiagnostics" for m in server.seen)


def test_exit_without_shutdown_is_1(server: RawServer, project):
    start(server, project)
    server.send(notification("exit"))
    assert server.exit_code() == 1


def test_end_of_input_without_exit_ends_the_server(server: RawServer, project):
    start(server, project)
    assert server.process.stdin is not None
    server.process.stdin.close()
    assert server.exit_code() == 1


# --- document size -----------------------------------------------------------------------------------
def test_a_document_over_the_size_limit_gets_one_diagnostic_and_others_are_linted(server: RawServer, project):
    start(server, project, {"maxDocumentSize": 0.001})  # 1,000 bytes
    big, small = (project / "big.md").as_uri(), (project / "small.md").as_uri()
    server.send(did_open(big, DRAFT * 100))  # 2,300 bytes
    server.send(did_open(small, DRAFT))
    diagnostics = server.published(big)["params"]["diagnostics"]
    assert len(diagnostics) == 1
    assert "not linted" in diagnostics[0]["message"] and "maxDocumentSize" in diagnostics[0]["message"]
    assert {d["code"] for d in server.published(small)["params"]["diagnostics"]} == {"L101", "L102"}
    # shrunk under the limit, it is linted again
    server.send(
        notification(
            "textDocument/didChange",
            {"textDocument": {"uri": big, "version": 2}, "contentChanges": [{"text": DRAFT}]},
        )
    )
    published = server.wait_for(
        lambda m: (
            m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == big
            and m["params"].get("version") == 2
        )
    )
    assert {d["code"] for d in published["params"]["diagnostics"]} == {"L101", "L102"}


def test_the_default_document_size_limit_is_1_mb(server: RawServer, project):
    start(server, project)
    uri = (project / "a.md").as_uri()
    server.send(did_open(uri, "x" * 1_000_001))
    (diagnostic,) = server.published(uri)["params"]["diagnostics"]
    assert "over the maxDocumentSize of 1 MB; not linted" in diagnostic["message"]


def test_the_document_size_limit_counts_utf8_bytes(server: RawServer, project):
    start(server, project, {"maxDocumentSize": 0.001})
    uri = (project / "a.md").as_uri()
    server.send(did_open(uri, "é" * 600))  # 600 characters, 1,200 bytes
    (diagnostic,) = server.published(uri)["params"]["diagnostics"]
    assert "not linted" in diagnostic["message"]


# --- a lint that never ends --------------------------------------------------------------------------
SLOW_PLUGIN = textwrap.dedent('''
    import time

    from rhetlint import Finding, hookimpl, rule


    @rule(code="T900", name="slow-rule", category="testing", severity="info", scope="document")
    def slow_rule(doc, options):
        """Sleeps on a document with the word slowpoke."""
        if "slowpoke" in doc.text:
            time.sleep(120)
        return iter(())


    @hookimpl
    def rhetlint_register_rules(register):
        register(slow_rule)
''')


@pytest.fixture
def slow_project(project: Path) -> Path:
    (project / "plugins").mkdir()
    (project / "plugins" / "slow.py").write_text(SLOW_PLUGIN, encoding="utf-8")
    (project / "rhetlint.toml").write_text('plugins-dir = "plugins"\n', encoding="utf-8")
    return project


@pytest.mark.parametrize("shutdown_first", [True, False])
def test_a_lint_that_never_ends_does_not_block_other_documents_shutdown_or_exit(
    slow_project: Path, shutdown_first: bool
):
    raw = RawServer(slow_project)
    try:
        start(raw, slow_project, {"allowLocalPlugins": True})
        fast = (slow_project / "fast.md").as_uri()
        raw.send(did_open((slow_project / "slow.md").as_uri(), "slowpoke\n"))
        time.sleep(0.5)  # the slow lint has started
        raw.send(did_open(fast, DRAFT))
        raw.send(hover(5, fast, 0, 12))  # answered well before the slow rule wakes up (120 s)
        assert "L101" in raw.reply_to(5)["result"]["contents"]["value"]
        assert {d["code"] for d in raw.published(fast)["params"]["diagnostics"]} == {"L101", "L102"}
        if shutdown_first:  # a request on the stuck document itself is answered too, after a wait
            raw.send(hover(7, (slow_project / "slow.md").as_uri(), 0, 0))
            assert raw.reply_to(7)["result"] is None
        began = time.monotonic()
        if shutdown_first:
            raw.send(request(6, "shutdown"))
            assert raw.reply_to(6)["result"] is None
        raw.send(notification("exit"))
        assert raw.exit_code() == (0 if shutdown_first else 1)
        assert time.monotonic() - began < 20
    finally:
        raw.close()
