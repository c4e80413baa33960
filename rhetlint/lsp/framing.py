"""Cutting the server's input into messages: headers, a size cap, and finding the next message after a bad one.

The base protocol frames every JSON body with header lines (``Content-Length: N`` and optionally
``Content-Type``), each ending in CRLF, and a blank line. A client that sends a wrong length, a length that
is not a number, or bytes that are no message at all must not leave the server deaf, and a length of a
terabyte must not make it allocate one. So:

- a length over the cap is not read: the frame is reported as ``Oversized`` and the reader looks for the
  next header instead of skipping the declared number of bytes (a client that lied would otherwise never be
  heard again);
- a header block without a usable ``Content-Length`` is reported as ``BadFrame`` and skipped;
- whatever precedes a ``Content-Length`` header that is not a header line (the rest of a body whose length
  was given too short, junk) is dropped: the reader resynchronises on the last ``Content-Length:`` before
  the blank line.

A real body cannot fake a header: JSON has no raw line breaks inside strings, so a CRLF blank line after
``Content-Length: N`` occurs only between messages.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger("rhetlint.lsp.framing")

CHUNK = 65536
MAX_HEADER_BYTES = 8192  # a header block longer than this is junk (real ones are under 100 bytes)
END_OF_HEADERS = b"\r\n\r\n"
LENGTH_NAME = b"content-length:"
HEADER_LINE = re.compile(rb"([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*")
DIGITS = re.compile(rb"[0-9]{1,18}")  # more digits than this is over any cap anyway


@dataclass(frozen=True)
class Message:
    """One framed body, not yet parsed."""

    body: bytes


@dataclass(frozen=True)
class Oversized:
    """A message whose declared length is over the cap: not read. ``head`` is what had arrived of its body
    when the header was read (to find a request id in), at most one chunk."""

    declared: str
    head: bytes


@dataclass(frozen=True)
class BadFrame:
    """A header block with no usable Content-Length; ``problem`` says why, for the error reply."""

    problem: str


Frame = Message | Oversized | BadFrame


class FrameReader:
    """Reads frames from ``read`` (a function returning up to n available bytes, b"" at end of input).

    ``max_body`` is asked for the cap before each message, so a changed setting applies to the next one.
    """

    def __init__(self, read: Callable[[int], bytes], max_body: Callable[[], int]) -> None:
        self._read = read
        self._max_body = max_body
        self._buffer = bytearray()
        self._at_end = False

    def _fill(self) -> bool:
        if self._at_end:
            return False
        chunk = self._read(CHUNK)
        if not chunk:
            self._at_end = True
            return False
        self._buffer += chunk
        return True

    def next(self) -> Frame | None:
        """The next frame, or None at the end of the input."""
        while True:
            block = self._header_block()
            if block is None:
                return None
            frame = self._frame_for(block)
            if frame is not None:
                return frame

    def _header_block(self) -> bytes | None:
        """Bytes up to the next blank line (taken off the buffer); junk too long to be headers is dropped,
        keeping a ``Content-Length:`` it may end with."""
        searched = 0
        while True:
            end = self._buffer.find(END_OF_HEADERS, max(0, searched - 3))
            if end >= 0:
                block = bytes(self._buffer[:end])
                del self._buffer[: end + len(END_OF_HEADERS)]
                return block
            if len(self._buffer) > MAX_HEADER_BYTES:
                keep = _last_length_header(self._buffer)
                if keep <= 0:  # no header, or one already too long: keep only a name cut in two
                    keep = len(self._buffer) - len(LENGTH_NAME) + 1
                logger.warning("skipped %d bytes that are not a message", keep)
                del self._buffer[:keep]
            searched = len(self._buffer)
            if not self._fill():
                if self._buffer.strip():
                    logger.warning("the input ended inside a header: %d bytes dropped", len(self._buffer))
                return None

    def _frame_for(self, block: bytes) -> Frame | None:
        """The frame a header block starts, reading its body; None for a block to skip silently."""
        lines = [line for line in block.split(b"\r\n") if line]
        if not lines:
            return None  # stray blank lines between messages
        headers: list[bytes] = []
        for line in lines:
            if HEADER_LINE.fullmatch(line):
                headers.append(line)
                continue
            # junk: what came before it belongs to no message; a header may follow it on the same line
            start = _last_length_header(line)
            resumed = line[start:] if start >= 0 else b""
            logger.warning("skipped %d bytes that are not a header", len(line) - len(resumed))
            headers = [resumed] if resumed and HEADER_LINE.fullmatch(resumed) else []
        if not headers:
            return None
        lengths = []
        for line in headers:
            match = HEADER_LINE.fullmatch(line)
            assert match is not None
            if match.group(1).lower() == b"content-length":
                lengths.append(match.group(2))
        if not lengths:
            return BadFrame("no Content-Length header")
        if len(set(lengths)) > 1:
            return BadFrame("conflicting Content-Length headers")
        value = lengths[0]
        text = value.decode("ascii", "replace")
        if not value.isdigit():
            return BadFrame(f"Content-Length {text!r} is not a number of bytes")
        cap = self._max_body()
        if not DIGITS.fullmatch(value) or int(value) > cap:
            head = bytes(self._buffer[:CHUNK])
            return Oversized(text, head)
        length = int(value)
        while len(self._buffer) < length:
            if not self._fill():
                logger.warning("the input ended inside a message of %d bytes", length)
                return None
        body = bytes(self._buffer[:length])
        del self._buffer[:length]
        return Message(body)

    def resync_after(self, body: bytes) -> None:
        """A body that did not parse may have swallowed the start of later messages (a length given too
        long): put back what follows its last ``Content-Length`` header, so the next frame starts there."""
        start = _last_length_header(body)
        if start > 0:
            self._buffer[:0] = body[start:]


def _last_length_header(data: bytes | bytearray) -> int:
    """Where the last ``Content-Length:`` (any case) in ``data`` starts, or -1."""
    return bytes(data).lower().rfind(LENGTH_NAME)


def leading_request_id(head: bytes) -> int | str | None:
    """The ``id`` of a JSON-RPC message from the start of its body, when it comes before any member too
    long to have arrived (``{"jsonrpc": "2.0", "id": 7, "method": …`` as clients write it); else None."""
    text = head.decode("utf-8", "ignore")
    decoder = json.JSONDecoder()
    at = _skip_space(text, 0)
    if not text.startswith("{", at):
        return None
    at += 1
    try:
        while True:
            at = _skip_space(text, at)
            key, at = decoder.raw_decode(text, at)
            at = _skip_space(text, at)
            if not isinstance(key, str) or not text.startswith(":", at):
                return None
            value, at = decoder.raw_decode(text, _skip_space(text, at + 1))
            if key == "id":
                return value if isinstance(value, (int, str)) and not isinstance(value, bool) else None
            at = _skip_space(text, at)
            if not text.startswith(",", at):
                return None
            at += 1
    except ValueError:
        return None


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at
