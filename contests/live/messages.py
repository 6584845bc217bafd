"""Decoding of incoming frames and the typed error frame every socket answers bad input with."""
import json

from contests.rules.refusal import Refusal

PROTOCOL_VERSION = 1
MAX_FRAME_BYTES = 8 * 1024


def decode(text_data):
    """Parse one text frame into a dict with a string `type`, or raise Refusal."""
    if text_data is None:
        raise Refusal("binary_frame", "only JSON text frames are accepted")
    if len(text_data.encode("utf-8")) > MAX_FRAME_BYTES:
        raise Refusal("frame_too_large", f"frames are limited to {MAX_FRAME_BYTES} bytes")
    try:
        message = json.loads(text_data)
    except (ValueError, RecursionError):
        raise Refusal("bad_json", "the frame is not valid JSON") from None
    if not isinstance(message, dict):
        raise Refusal("bad_message", "a message must be a JSON object")
    if not isinstance(message.get("type"), str):
        raise Refusal("bad_message", "a message needs a string field 'type'")
    return message


def error_frame(code, message, *, ref=None):
    frame = {"type": "error", "v": PROTOCOL_VERSION, "code": code, "message": message}
    if ref is not None:
        frame["ref"] = ref
    return frame


def refusal_frame(refusal, *, ref=None):
    """The error frame answering a Refusal: where every socket turns one into a frame."""
    return error_frame(refusal.code, refusal.message, ref=ref)
