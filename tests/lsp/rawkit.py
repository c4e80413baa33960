"""Drive ``rhetlint lsp`` with raw bytes on its standard input, for the framing cases a client library never
sends: wrong, huge, negative and non-numeric Content-Length headers, invalid JSON, messages after shutdown.

The answers are read on a thread into a queue, so a test can wait for one with a timeout instead of hanging
when the server has gone deaf.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lspkit import SERVER, SERVER_ENV

TIMEOUT = 20.0  # generous: these are correctness tests, not speed tests


def frame(message: dict[str, Any] | bytes, length: int | str | None = None) -> bytes:
    """A message with its Content-Length header (the true byte length unless ``length`` says otherwise)."""
    body = message if isinstance(message, bytes) else json.dumps(message).encode("utf-8")
    return f"Content-Length: {len(body) if length is None else length}\r\n\r\n".encode("ascii") + body


def request(msg_id: int, method: str, params: Any = None) -> dict[str, Any]:
    message: dict[str, Any] = {"jsonrpc": "2.0", "id": msg_id, "method": method}
    if params is not None:
        message["params"] = params
    return message


def notification(method: str, params: Any = None) -> dict[str, Any]:
    message: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        message["params"] = params
    return message


def initialize(msg_id: int, root: Path, options: dict[str, Any] | None = None) -> dict[str, Any]:
    return request(
        msg_id,
        "initialize",
        {
            "processId": None,
            "rootUri": root.resolve().as_uri(),
            "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
            "initializationOptions": options or {},
            "workspaceFolders": [{"uri": root.resolve().as_uri(), "name": root.name}],
        },
    )


def did_open(uri: str, text: str, version: int = 1) -> dict[str, Any]:
    return notification(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}},
    )


def hover(msg_id: int, uri: str, line: int, character: int) -> dict[str, Any]:
    return request(
        msg_id,
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
    )


class RawServer:
    """``rhetlint lsp`` in a subprocess, written to as bytes and read message by message."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            SERVER,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env={**SERVER_ENV, **(env or {})},
        )
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self.stderr = b""
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stdout(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                if line == b"\r\n":
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
            assert length is not None, "the server sent a message without Content-Length"
            self.messages.put(json.loads(stream.read(length)))

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        self.stderr = self.process.stderr.read()

    def send(self, data: bytes | dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data if isinstance(data, bytes) else frame(data))
        self.process.stdin.flush()

    def wait_for(
        self, predicate: Callable[[dict[str, Any]], bool], timeout: float = TIMEOUT
    ) -> dict[str, Any]:
        """The first message (seen before or arriving within ``timeout``) that satisfies ``predicate``."""
        for message in self.seen:
            if predicate(message):
                return message
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no such message from the server within {timeout} s; saw {self.seen}")
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError(f"the server closed its output; stderr: {self.stderr[-2000:]!r}")
            self.seen.append(message)
            if predicate(message):
                return message

    def reply_to(self, msg_id: int | str | None, timeout: float = TIMEOUT) -> dict[str, Any]:
        return self.wait_for(lambda m: "method" not in m and m.get("id") == msg_id, timeout)

    def published(self, uri: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        return self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri,
            timeout,
        )

    def exit_code(self, timeout: float = TIMEOUT) -> int:
        return self.process.wait(timeout)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
