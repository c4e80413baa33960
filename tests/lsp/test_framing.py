"""FrameReader in process: the same framing cases as the raw-protocol tests, with reads cut anywhere, the
memory a flood of junk may take, and the request id of a message too big to read."""

from __future__ import annotations

import io
import json

import pytest

from rhetlint.lsp.framing import (
    CHUNK,
    MAX_HEADER_BYTES,
    BadFrame,
    Frame,
    FrameReader,
    Message,
    Oversized,
    leading_request_id,
)

CAP = 1000


def framed(body: bytes, length: object = None) -> bytes:
    return b"Content-Length: %s\r\n\r\n" % str(len(body) if length is None else length).encode() + body


def frames(data: bytes, step: int = CHUNK, cap: int = CAP) -> list[Frame]:
    """Every frame of ``data``, read ``step`` bytes at a time (a pipe may hand over any amount)."""
    stream = io.BytesIO(data)
    reader = FrameReader(lambda n: stream.read(min(n, step)), lambda: cap)
    out: list[Frame] = []
    while (frame := reader.next()) is not None:
        out.append(frame)
        if isinstance(frame, Message):
            try:
                json.loads(frame.body)
            except ValueError:
                reader.resync_after(frame.body)
    return out


A, B = b'{"id": 1}', b'{"id": 2}'


@pytest.mark.parametrize("step", [1, 3, 7, CHUNK])
def test_messages_come_out_whole_however_the_input_is_cut(step: int):
    data = framed(A) + b"\r\n" + framed(B) + b"content-length: 2\r\nContent-Type: x\r\n\r\n{}"
    assert frames(data, step) == [Message(A), Message(B), Message(b"{}")]


@pytest.mark.parametrize("length", [b"-5", b"abc", b"", b"+9", b"9 9", b"\xd9\xa3"])
def test_a_length_that_is_not_a_number_is_a_bad_frame_then_the_next_message(length: bytes):
    data = b"Content-Length: " + length + b"\r\n\r\n" + A + framed(B)
    out = frames(data, 5)
    assert isinstance(out[0], BadFrame) and out[1:] == [Message(B)]


def test_no_length_and_conflicting_lengths_are_bad_frames():
    data = b"Content-Type: x\r\n\r\n" + A + b"Content-Length: 9\r\nContent-Length: 8\r\n\r\n" + A + framed(B)
    out = frames(data)
    assert [type(f) for f in out] == [BadFrame, BadFrame, Message] and out[2] == Message(B)
    assert "no Content-Length" in out[0].problem and "conflicting" in out[1].problem  # type: ignore[union-attr]


def test_a_length_over_the_cap_is_not_read_and_the_reader_resyncs():
    body = b'{"jsonrpc": "2.0", "id": 42, "method": "x", "params": "' + b"y" * 50_000 + b'"}'
    out = frames(framed(body) + framed(A) + b"Content-Length: 99999999999999999999999\r\n\r\n" + framed(B))
    assert isinstance(out[0], Oversized) and out[0].declared == str(len(body))
    assert leading_request_id(out[0].head) == 42
    assert out[1] == Message(A)
    assert isinstance(out[2], Oversized) and out[2].declared == "99999999999999999999999"
    assert out[3] == Message(B)


def test_lengths_too_short_and_too_long_cost_only_their_own_message():
    short = framed(b'{"id": 1, "more": true}', 5)
    long = framed(b'{"id": 3}', 40)
    out = frames(short + framed(A) + long + framed(B) + framed(A))
    assert Message(A) in out and Message(B) in out
    assert out[-1] == Message(A)


def test_junk_is_dropped_with_bounded_memory():
    largest = 0
    stream = io.BytesIO(b"\x00junk\r\n" * 1_500_000 + framed(A))  # 10 MB with no blank line
    reader = FrameReader(stream.read, lambda: CAP)

    def read(n: int) -> bytes:
        nonlocal largest
        largest = max(largest, len(reader._buffer))
        return stream.read(n)

    reader._read = read
    assert reader.next() == Message(A)
    assert largest <= MAX_HEADER_BYTES + CHUNK


def test_the_end_of_input_inside_a_message_ends_the_frames():
    assert frames(framed(A) + framed(B)[:-3]) == [Message(A)]
    assert frames(b"Content-Length: 5\r\n") == []


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {"x', 7),
        (b' {"id" : "a-b", "jsonrpc": "2.0"', "a-b"),
        (
            b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"text": "id',
            None,
        ),
        (b'{"params": {"id": 3}, "method": "x"', None),  # an id inside params is not the message's
        (b'{"jsonrpc": "2.0", "id": true', None),
        (b"", None),
        (b"[1, 2]", None),
    ],
)
def test_the_request_id_of_an_oversized_message(head: bytes, expected: object):
    assert leading_request_id(head) == expected
