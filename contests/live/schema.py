"""The declared shape of every client message, per role: one table per game, checked at decode.

A game lists, for each role, the message types it accepts and each type's fields
(`Message("team.answer", choice=Text(8, code="bad_value"))`). `Protocol.check(role, message)`
refuses a type the role may not send and any field of the wrong type or out of its bounds,
before a handler runs. A wrongly typed or missing field is `bad_message`; a field of the right
type outside its bounds gets the field's own `code` (e.g. `bad_draw`). Fields a message does not
declare are ignored (`type`, `ref` and `v` are common to all).
"""
from dataclasses import dataclass, field

from contests.rules.refusal import Refusal

from .messages import PROTOCOL_VERSION

INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # what every integer column and the rules can hold


@dataclass(frozen=True)
class Integer:
    """A whole JSON number (not a boolean, not 1.0) within [low, high]."""

    low: int = INT_MIN
    high: int = INT_MAX
    required: bool = True
    code: str = "bad_message"

    def check(self, name, value):
        if isinstance(value, bool) or not isinstance(value, int):
            raise Refusal("bad_message", f"field {name!r} must be an integer")
        if not self.low <= value <= self.high:
            raise Refusal(self.code, f"field {name!r} must be from {self.low} to {self.high}")

    def describe(self):
        return f"integer {self.low}..{self.high}"


@dataclass(frozen=True)
class Text:
    """A string of at most `max_length` characters."""

    max_length: int
    required: bool = True
    code: str = "bad_message"

    def check(self, name, value):
        if not isinstance(value, str):
            raise Refusal("bad_message", f"field {name!r} must be a string")
        if len(value) > self.max_length:
            raise Refusal(self.code, f"field {name!r} is limited to {self.max_length} characters")

    def describe(self):
        return f"string, at most {self.max_length} characters"


@dataclass(frozen=True)
class Mapping:
    """An object of at most `max_items` entries, each a string key to a value of `values`."""

    max_items: int
    key: Text
    values: Integer
    required: bool = True
    code: str = "bad_message"

    def check(self, name, value):
        if not isinstance(value, dict):
            raise Refusal("bad_message", f"field {name!r} must be an object")
        if len(value) > self.max_items:
            raise Refusal(self.code, f"field {name!r} has at most {self.max_items} entries")
        for key, item in value.items():
            self.key.check(f"{name} key", key)
            self.values.check(f"{name}.{key}", item)

    def describe(self):
        return f"object of at most {self.max_items} string keys to integers {self.values.low}..{self.values.high}"


@dataclass(frozen=True)
class Message:
    type: str
    fields: dict = field(default_factory=dict)

    def __init__(self, type, **fields):
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "fields", fields)

    def check(self, message):
        for name, spec in self.fields.items():
            if name in message:
                spec.check(name, message[name])
            elif spec.required:
                raise Refusal("bad_message", f"field {name!r} is required")

    def arguments(self, message):
        """The declared fields the message carries: what the handler may read."""
        return {name: message[name] for name in self.fields if name in message}


# Every role of every game accepts these. `client_time` is the sender's clock (Date.now()).
CLOCK_PING = Message("clock.ping", client_time=Integer(0, 2**53 - 1))
COMMON = (CLOCK_PING, Message("snapshot.request"))
ENVELOPE = {"v": Integer(PROTOCOL_VERSION, PROTOCOL_VERSION, required=False)}


class Protocol:
    """A game's messages by role. `refusals` names the code for a type that belongs to another
    role of the game (`{"visitor": {"player.answer": "not_joined"}}`); otherwise `forbidden`."""

    def __init__(self, roles, refusals=None, common=COMMON):
        self.roles = {role: {m.type: m for m in (*common, *messages)} for role, messages in roles.items()}
        self.refusals = refusals or {}
        self.known = {name for messages in self.roles.values() for name in messages}

    def check(self, role, message):
        """The declared Message for this role's `message`, or Refusal."""
        kind = message["type"]
        declared = self.roles.get(role, {}).get(kind)
        if declared is None:
            if kind in self.known:
                code = self.refusals.get(role, {}).get(kind, "forbidden")
                raise Refusal(code, f"a {role} may not send {kind!r}")
            raise Refusal("unknown_type", f"unknown message type {kind!r}")
        for name, spec in ENVELOPE.items():
            if name in message:
                spec.check(name, message[name])
        declared.check(message)
        return declared

    def names(self, role):
        return sorted(self.roles[role])
