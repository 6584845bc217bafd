"""Joining a public game in batches (group commit), the way answers are stored (answers.py).

When two thousand phones scan the QR code at once, a join per trip to the database thread (a
connection opened per trip, the join limit read and written in the cache, the player inserted,
the players counted, then the new player's snapshot built by half a dozen queries) capped joins
near 60-90 per second (docs/performance.md). Here the joins of all the sockets of a process
are queued and stored together on the writer thread, which keeps its connection while joins
keep coming: per batch and game one locked read of the game, one read of the join-limit
counters, one multi-row `INSERT ... ON CONFLICT DO NOTHING RETURNING`, one count of the
players and one snapshot part shared by every new player. A phone hears `player.joined` only
after the batch committed: a join it was told of is stored.

The unique constraint (game, nickname key) still decides between two phones taking one name,
even on two processes at once: a row the database skipped is a name already taken.
"""
from collections import Counter, defaultdict
from dataclasses import dataclass

from channels.db import database_sync_to_async
from django.db import connection, transaction
from django.utils import timezone

from contests.live.batching import BatchWriter
from contests.live.clock import server_time_ms
from contests.rules import public_game as rules
from contests.rules.refusal import Refusal

from . import frames, join_limit
from .models import Player, PublicGame, new_token
from .runner import clean_phone, forget_player
from .state import game_config, game_state

COLUMNS = ("game", "nickname", "nickname_key", "token", "kicked", "phone", "score", "streak", "correct_count",
           "total_ms", "joined_at")


@dataclass(frozen=True)
class Join:
    game_id: int
    nickname: str
    phone: str
    address: str
    passed: bool  # the browser holds the game's pass (join_limit's higher limit)


@dataclass(frozen=True)
class Joined:
    player_id: int
    token: str
    frame: dict  # `game.joined` for the screen and the host
    snapshot: dict  # the new player's snapshot, taken in the join's transaction


def nickname_taken():
    return Refusal("nickname_taken", "this nickname is already taken in this game")


def too_many_joins():
    return Refusal("too_many_joins", "too many players joined this game from this address")


def store_joins(joins):
    """Store a batch of joins: per join a Joined (stored and committed) or the Refusal refusing it."""
    results = [None] * len(joins)
    by_game = defaultdict(list)
    for position, join in enumerate(joins):
        by_game[join.game_id].append(position)
    with transaction.atomic():
        for game_id, positions in by_game.items():
            _join_game(game_id, [(position, joins[position]) for position in positions], results)
    return results, None


def _join_game(game_id, joins, results):
    try:
        game = PublicGame.objects.select_for_update().get(pk=game_id)
    except PublicGame.DoesNotExist:
        for position, _ in joins:
            results[position] = Refusal("unknown_game", "no game with this PIN")
        return
    state, config = game_state(game), game_config(game)
    now = server_time_ms()
    joined_by_address = join_limit.counts(game_id, {join.address for _, join in joins})
    added = Counter()
    rows = {}  # nickname key -> (position, address, row values); a second one in the batch is refused
    for position, join in joins:
        try:
            if joined_by_address[join.address] + added[join.address] >= join_limit.limit(join.passed):
                raise too_many_joins()
            outcome = rules.apply(state, config, rules.Role.PLAYER, "join", {"nickname": join.nickname}, now)
            phone = clean_phone(join.phone)
        except Refusal as refusal:
            results[position] = refusal
            continue
        key = rules.nickname_key(outcome.nickname)
        if key in rows:
            results[position] = nickname_taken()
            continue
        added[join.address] += 1
        rows[key] = position, join.address, (game_id, outcome.nickname, key, new_token(), False, phone, 0, 0, 0, 0)
    if not rows:
        return
    stored = _insert(rows)
    new_players = []
    for key, (position, address, values) in rows.items():
        if key in stored:
            new_players.append((position, stored[key], values[1], values[3]))
        else:
            results[position] = nickname_taken()
            added[address] -= 1
    join_limit.record_joins(game_id, +added)
    if not new_players:
        return
    new_players.sort()  # in the order the joins came
    players, snapshots = frames.joined_snapshots(game, [(player_id, nickname) for _, player_id, nickname, _ in new_players])
    first = players - len(new_players) + 1
    for number, (position, player_id, nickname, token) in enumerate(new_players):
        frame = {"type": "game.joined", "version": game.version, "nickname": nickname, "players": first + number}
        results[position] = Joined(player_id, token, frame, snapshots[player_id])


def _column(name):
    return connection.ops.quote_name(Player._meta.get_field(name).column)


def _insert(rows):
    """Insert the rows; {nickname key: player id} of those the database stored."""
    table = connection.ops.quote_name(Player._meta.db_table)
    joined_at = connection.ops.adapt_datetimefield_value(timezone.now())
    columns = ", ".join(_column(name) for name in COLUMNS)
    values = ", ".join(["(" + ", ".join(["%s"] * len(COLUMNS)) + ")"] * len(rows))
    sql = (f"INSERT INTO {table} ({columns}) VALUES {values} "
           f"ON CONFLICT ({_column('game')}, {_column('nickname_key')}) DO NOTHING "
           f"RETURNING {_column('nickname_key')}, {_column('id')}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for _, _, row in rows.values() for value in (*row, joined_at)])
        return dict(cursor.fetchall())


writer = BatchWriter(store_joins)


async def join(item):
    """Queue a join and wait for its batch: the Joined, once committed, or raises the Refusal."""
    return await writer.call(item, undo=_undo)


async def _undo(result):
    if isinstance(result, Joined):  # the phone left while its join was being stored
        await database_sync_to_async(forget_player)(result.player_id)
