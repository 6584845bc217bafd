"""docs/protocol.md stays exact: each role's message names and fields are the declared schema's
(contests/live/schema.py, each game's messages.py), and every error and close code the server
can send is listed."""
import re
from pathlib import Path

from contests.games.messages import PROTOCOL as GAME
from contests.interunit.messages import PROTOCOL as CONTEST
from contests.live import consumer, watchdog
from contests.rules.phases import COMMANDS, Phase, Role, allowed

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "protocol.md").read_text()
SOURCES = [path for part in ("contests", "site", "core") for path in (ROOT / part).rglob("*.py") if "migrations" not in path.parts]
RAISED = re.compile(r"""(?:Refusal|error_frame)\(\s*["']([a-z_]+)["']""")


def describe(field):
    text = field.describe() + ("" if field.required else ", optional")
    return text + ("" if field.code == "bad_message" else f"; else `{field.code}`")


def schema_rows(protocol):
    rows = []
    for role, messages in protocol.roles.items():
        for name, message in messages.items():
            fields = "; ".join(f"`{field}`: {describe(spec)}" for field, spec in message.fields.items()) or "–"
            rows.append(f"| {role} | `{name}` | {fields} |")
    return rows


def section(title):
    start = DOC.index(title)
    end = DOC.find("\n#", start + len(title))
    return DOC[start:end if end > 0 else None]


def test_each_role_and_message_is_documented_exactly_as_declared():
    for title, protocol in (("#### Schema of the contest's messages", CONTEST), ("#### Schema of the game's messages", GAME)):
        documented = [line for line in section(title).splitlines() if line.startswith("| ") and "`" in line]
        assert documented == schema_rows(protocol), title


def server_codes():
    codes = {code for path in SOURCES for code in RAISED.findall(path.read_text())}
    codes |= {allowed(command, role, phase) for command in COMMANDS for role in Role for phase in Phase} - {None}
    for protocol in (CONTEST, GAME):
        codes |= {spec.code for messages in protocol.roles.values() for m in messages.values() for spec in m.fields.values()}
        codes |= {code for refusals in protocol.refusals.values() for code in refusals.values()}
    return codes | {"forbidden", "unknown_type", "bad_message"}


def test_every_error_code_the_server_can_send_is_documented():
    codes = server_codes()
    assert {"bad_draw", "too_late", "not_found", "no_seat", "unknown_game", "wrong_phase"} <= codes  # the scan works
    documented = set(re.findall(r"`([a-z_]+)`", DOC))
    assert codes - documented == set()


def test_every_close_code_is_documented():
    closes = {value for module in (consumer, watchdog) for name, value in vars(module).items() if name.startswith("CLOSE_")}
    assert closes == {int(code) for code in re.findall(r"^\| (4\d\d\d) \|", DOC, re.M)}
