"""Decoding of incoming frames and the typed error frame every socket answers bad input with.

Decoding is strict: only standard JSON (no NaN or Infinity), finite numbers, well-formed text (no
lone UTF-16 surrogates, which no database or encoder can store; no NUL character, which PostgreSQL
can neither store nor compare) and at most MAX_DEPTH levels of nesting. `parse` reads the frame
into an object (whose `ref` the error then echoes), `check` refuses what it holds with
`bad_message`.
"""
import json
import math

from contests.rules.refusal import Refusal

PROTOCOL_VERSION = 1
MAX_FRAME_BYTES = 8 * 1024
MAX_DEPTH = 8  # the message object is level 1; a judge's score sheet is level 2
MAX_REF_LENGTH = 64
MAX_REF = 2**53 - 1


class _NotJson(float):
    """What `NaN`, `Infinity` and `-Infinity` parse to, so that the refusal can echo the ref."""


def _not_json(name):
    return _NotJson("nan")


def _well_formed(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


BAD_TEXT = "text must be valid Unicode without NUL characters (no lone surrogates)"


def message_ref(message):
    """The client's `ref` (a string of at most 64 characters or an integer), else None."""
    ref = message.get("ref")
    if isinstance(ref, str) and len(ref) <= MAX_REF_LENGTH and _well_formed(ref):
        return ref
    if isinstance(ref, int) and not isinstance(ref, bool) and -MAX_REF <= ref <= MAX_REF:
        return ref
    return None


def parse(text_data):
    """One text frame as a JSON object, or Refusal."""
    if text_data is None:
        raise Refusal("binary_frame", "only JSON text frames are accepted")
    if len(text_data.encode("utf-8", "surrogatepass")) > MAX_FRAME_BYTES:
        raise Refusal("frame_too_large", f"frames are limited to {MAX_FRAME_BYTES} bytes")
    try:
        message = json.loads(text_data, parse_constant=_not_json)
    except RecursionError:  # too deep for the parser itself
        raise Refusal("bad_message", f"messages are nested at most {MAX_DEPTH} levels deep") from None
    except ValueError:
        raise Refusal("bad_json", "the frame is not valid JSON") from None
    if not isinstance(message, dict):
        raise Refusal("bad_message", "a message must be a JSON object")
    return message


def check(message):
    """Refuse a parsed message with deep nesting, NaN, Infinity, overflowed numbers, lone
    surrogates, NUL characters or no string `type`; walks without recursion."""
    pending = [(message, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise Refusal("bad_message", f"messages are nested at most {MAX_DEPTH} levels deep")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str) and not _well_formed(key):
                    raise Refusal("bad_message", BAD_TEXT)
                pending.append((item, depth + 1))
        elif isinstance(value, str):
            if not _well_formed(value):
                raise Refusal("bad_message", BAD_TEXT)
        elif isinstance(value, _NotJson):
            raise Refusal("bad_message", "NaN and Infinity are not JSON numbers")
        elif isinstance(value, float) and not math.isfinite(value):
            raise Refusal("bad_message", "a number is out of range")
    if not isinstance(message.get("type"), str):
        raise Refusal("bad_message", "a message needs a string field 'type'")
    return message


def encode(frame):
    """Strict JSON text: NaN or Infinity anywhere is a server bug, not something to send."""
    return json.dumps(frame, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def error_frame(code, message, *, ref=None):
    frame = {"type": "error", "v": PROTOCOL_VERSION, "code": code, "message": message}
    if ref is not None:
        frame["ref"] = ref
    return frame


def refusal_frame(refusal, *, ref=None):
    """The error frame answering a Refusal: where every socket turns one into a frame."""
    return error_frame(refusal.code, refusal.message, ref=ref)
