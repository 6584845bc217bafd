"""Decoding of incoming frames and the typed error frame every socket answers bad input with."""
import json

PROTOCOL_VERSION = 1
MAX_FRAME_BYTES = 8 * 1024


class ProtocolError(Exception):
    """Bad input from a client; `code` is machine-readable, `message` is for people."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def decode(text_data):
    """Parse one text frame into a dict with a string `type`, or raise ProtocolError."""
    if text_data is None:
        raise ProtocolError("binary_frame", "only JSON text frames are accepted")
    if len(text_data.encode("utf-8")) > MAX_FRAME_BYTES:
        raise ProtocolError("frame_too_large", f"frames are limited to {MAX_FRAME_BYTES} bytes")
    try:
        message = json.loads(text_data)
    except (ValueError, RecursionError):
        raise ProtocolError("bad_json", "the frame is not valid JSON") from None
    if not isinstance(message, dict):
        raise ProtocolError("bad_message", "a message must be a JSON object")
    if not isinstance(message.get("type"), str):
        raise ProtocolError("bad_message", "a message needs a string field 'type'")
    return message


def error_frame(code, message, *, ref=None):
    frame = {"type": "error", "v": PROTOCOL_VERSION, "code": code, "message": message}
    if ref is not None:
        frame["ref"] = ref
    return frame
