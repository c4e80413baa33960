"""The connection to the editor: frames in, JSON-RPC checked, pygls dispatches; and the end of the session.

pygls reads standard input itself, but its loop trusts the client: it allocates whatever Content-Length
says, goes deaf after a header it cannot parse and answers invalid JSON and requests after ``shutdown``
with silence. The server therefore reads with ``FrameReader`` and hands pygls only well-formed messages;
everything else gets the error the JSON-RPC and LSP specifications name:

- a body that is not JSON: ParseError (-32700), id null; a header block without a usable length too;
- JSON that is not a request, notification or response: InvalidRequest (-32600), with its id if it has one;
- a message over the size cap: InvalidRequest, with the request's id when it can be read from the start of
  the body (else null), and a window/showMessage telling the user, since a notification cannot be answered;
- parameters of the wrong shape (a negative line): InvalidParams (-32602), from pygls;
- any request before ``initialize``: ServerNotInitialized (-32002); notifications then are dropped;
- any request after ``shutdown``: InvalidRequest; notifications then are dropped, ``exit`` is obeyed.

``exit`` ends the loop at once with 0 after ``shutdown`` and 1 otherwise; so does the end of the input.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Callable
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.io_ import StdoutWriter
from pygls.protocol import LanguageServerProtocol

from rhetlint.lsp.framing import BadFrame, Frame, FrameReader, Message, Oversized, leading_request_id

logger = logging.getLogger("rhetlint.lsp.connection")

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
SERVER_NOT_INITIALIZED = -32002


class RhetlintProtocol(LanguageServerProtocol):
    """pygls's protocol, with the checks above before dispatch and ``exit`` handled here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.exit_code: int | None = None
        self.on_exit: Callable[[int], None] = lambda code: None
        self.max_body: Callable[[], int] = lambda: 0  # set by the server: the cap, for messages
        self._told_oversized = False
        self.initialize_received = False

    @property
    def shut_down(self) -> bool:
        return bool(self._shutdown)

    # --- frames to messages --------------------------------------------------------------------------
    def receive(self, frame: Frame, reader: FrameReader) -> None:
        """Answer one frame: an error for a bad one, else dispatch its message."""
        if isinstance(frame, BadFrame):
            logger.warning("bad message header: %s", frame.problem)
            self.reply_error(None, PARSE_ERROR, f"bad message header: {frame.problem}")
            return
        if isinstance(frame, Oversized):
            self._refuse_oversized(frame)
            return
        self._receive_message(frame, reader)

    def _refuse_oversized(self, frame: Oversized) -> None:
        msg_id = leading_request_id(frame.head)
        limit = self.max_body()
        logger.warning("refused a message of %s bytes (limit %d)", frame.declared, limit)
        self.reply_error(
            msg_id,
            INVALID_REQUEST,
            f"message of {frame.declared} bytes is over the server's limit of {limit} bytes; not read",
        )
        if msg_id is None and not self._told_oversized:  # once: a client may resend it on every keystroke
            self._told_oversized = True
            self.notify(
                types.WINDOW_SHOW_MESSAGE,
                types.ShowMessageParams(
                    type=types.MessageType.Warning,
                    message=(
                        f"rhetlint: the editor sent a message of {frame.declared} bytes, over the server's "
                        f"limit of {limit} bytes; it was not read (a document this big is not linted: see "
                        f"the maxDocumentSize setting)"
                    ),
                ),
            )

    def _receive_message(self, frame: Message, reader: FrameReader) -> None:
        try:
            data = json.loads(frame.body)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            reader.resync_after(frame.body)
            logger.warning("a message is not JSON: %s", exc)
            self.reply_error(None, PARSE_ERROR, f"the message is not JSON: {_first_line(exc)}")
            return
        problem = _not_json_rpc(data)
        msg_id = _id_of(data)
        if problem:
            logger.warning("invalid message: %s", problem)
            self.reply_error(msg_id, INVALID_REQUEST, problem)
            return
        try:
            message = self.structure_message(data)
        except JsonRpcException as exc:
            if "method" in data and msg_id is not None:
                self.reply_error(msg_id, exc.code, f"invalid parameters for {data['method']}")
            else:
                logger.warning("ignored a %s message with invalid parameters", data.get("method", "response"))
            return
        self.handle_message(message)

    # --- after shutdown, and exit --------------------------------------------------------------------
    def handle_message(self, message: Any) -> None:
        method = getattr(message, "method", None)
        if method == types.EXIT:
            self.exit_code = 0 if self.shut_down else 1
            self.on_exit(self.exit_code)
            return
        if self.shut_down and method is not None:
            msg_id = getattr(message, "id", None)
            if msg_id is not None:
                self.reply_error(msg_id, INVALID_REQUEST, f"the server is shut down; {method} not handled")
            else:
                logger.info("ignored %s after shutdown", method)
            return
        if method is not None and not self.initialize_received:
            if method != types.INITIALIZE:
                msg_id = getattr(message, "id", None)
                if msg_id is not None:
                    self.reply_error(msg_id, SERVER_NOT_INITIALIZED, f"{method} before initialize")
                else:
                    logger.info("ignored %s before initialize", method)
                return
            self.initialize_received = True
        super().handle_message(message)

    def reply_error(self, msg_id: int | str | None, code: int, message: str) -> None:
        """An error response, with ``"id": null`` when the request's id is unknown (the converter would
        leave the member out, which JSON-RPC forbids)."""
        self._send_data({"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}})


def _not_json_rpc(data: Any) -> str:
    """Why ``data`` is not a JSON-RPC 2.0 request, notification or response; "" when it is one."""
    if not isinstance(data, dict):
        return "a message must be a JSON object (JSON-RPC batches are not part of the protocol)"
    if data.get("jsonrpc") != "2.0":
        return 'a message must have "jsonrpc": "2.0"'
    if "method" in data:
        if not isinstance(data["method"], str):
            return "the method must be a string"
        if "id" in data and _id_of(data) is None:
            return "a request id must be a number or a string"
        if "params" in data and not isinstance(data["params"], (dict, list)):
            return "params must be an object or an array"
        return ""
    if "id" not in data or ("result" not in data and "error" not in data):
        return "a message must have a method, or be a response with a result or an error"
    return ""


def _id_of(data: Any) -> int | str | None:
    msg_id = data.get("id") if isinstance(data, dict) else None
    return msg_id if isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool) else None


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


# --- the loop ----------------------------------------------------------------------------------------
def run(protocol: RhetlintProtocol, stdin: BinaryIO, stdout: BinaryIO) -> int:
    """Serve until ``exit`` or the end of the input; the exit code the specification asks for."""
    protocol.set_writer(StdoutWriter(stdout))
    read = getattr(stdin, "read1", stdin.read)
    reader = FrameReader(read, protocol.max_body)
    return asyncio.run(_serve(protocol, reader))


async def _serve(protocol: RhetlintProtocol, reader: FrameReader) -> int:
    """Frames are read on a thread of their own (a daemon: a blocked read never delays the exit) and
    handled on the event loop one at a time, so a flood of input waits for the server instead of piling up."""
    loop = asyncio.get_running_loop()
    finished: asyncio.Future[int] = loop.create_future()

    def finish(code: int) -> None:
        if not finished.done():
            finished.set_result(code)

    protocol.on_exit = finish

    def pump() -> None:
        try:
            while not finished.done():
                frame = reader.next()
                if frame is None:
                    break
                handled = threading.Event()

                def deliver(frame: Frame = frame, handled: threading.Event = handled) -> None:
                    try:
                        protocol.receive(frame, reader)
                    except Exception:  # noqa: BLE001 - one bad message must not end the server
                        logger.exception("handling a message failed")
                    finally:
                        handled.set()

                loop.call_soon_threadsafe(deliver)
                handled.wait()
        except Exception:  # noqa: BLE001 - reading failed (a closed stream): the session is over
            logger.exception("reading the editor's messages failed")
        finally:
            try:
                loop.call_soon_threadsafe(finish, 0 if protocol.shut_down else 1)
            except RuntimeError:  # the loop is already closed: exit came first
                pass

    threading.Thread(target=pump, name="rhetlint-lsp-reader", daemon=True).start()
    return await finished
