"""Benchmark: a public game with N simulated phones against the real ASGI application (README).

    .venv/bin/python bench/public_game.py --players 2000
    REDIS_URL=redis://127.0.0.1:6379/4 DATABASE_URL=postgres://... \
        .venv/bin/python bench/public_game.py --players 5000 --processes 2

It starts K daphne processes on 127.0.0.1 (a listen backlog of 1024), creates a game with ten
questions, connects N phones over real WebSockets and joins them (all at once, the harshest
storm, or arriving evenly over `--join-seconds`, as a crowd scanning the QR code does), and
plays: per question the host starts it, every phone must receive it (fan-out latency: from the
server instant the question started, which the frame carries, to the phone's receipt, same
clock), then all phones answer within `--answer-window` seconds (ack latency: send to
`answer.accepted`, which the server sends only after the row is committed), then the host
reveals and every phone must get its result. Stored answers are counted in the database.

In the same run, right after each of our questions, the same fan-out goes through a minimal
plain-`websockets` broadcast server (one `broadcast()` of a frame of the same size to N other
sockets of the same client): the reference. Both share the machine, its load, the client and
the clock.

The phones are aiohttp WebSocket clients on a uvloop event loop, the lightest client we found
(C frame reader and loop), in `--client-processes` processes (default 1): each holds its share of
the phones and of the reference's listeners and obeys this process's commands (one JSON line on
its stdin, one reply on its stdout: join, wait for a question, answer, ...), while this process
holds the host's socket, the reference's control socket and the figures. With 5000 phones and
5000 reference listeners in one process, the client's own per-frame work is most of what a slow
client would add to every latency; spread over processes it is not what is measured. After the
joins each client's heap is frozen out of the garbage collector, whose full passes over
thousands of sockets would otherwise pause it in the middle of a fan-out. Figures per run, the
ratios, and as the last line one JSON object. Everything runs on loopback with bounded waits; nothing here is part of the test suite.
"""
import argparse
import asyncio
import gc
import json
import math
import os
import random
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import uvloop

from last_line import print_last_line
from servers import wait_until_listening

ROOT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")
WAIT = 60  # seconds: the longest any single step may take before the run is declared failed
PING_SECONDS = 30  # live-client.js pings this often
RETRIES = 8  # handshakes a phone retries (daphne drops one not accepted within 5 s), then gives up


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--players", type=int, default=200)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--answer-window", type=float, default=1.0, help="phones answer within this many seconds")
    parser.add_argument(
        "--sweep", type=int, default=5, metavar="STEPS",
        help="after the game's questions, up to STEPS more, each answered in half the window of the one "
             "before, until the ack p99 passes 500 ms: the answers/s the server can take",
    )
    parser.add_argument(
        "--join-concurrency", type=int, default=1000,
        help="phones connecting and joining at once (the QR storm); the reference's listeners connect alike",
    )
    parser.add_argument(
        "--join-seconds", type=float, default=0.0,
        help="the phones arrive evenly over this many seconds (2000 phones scanning the QR code within 5 s: 5) "
             "instead of all at once (0); the reference's listeners arrive alike",
    )
    parser.add_argument(
        "--client-processes", type=int, default=1,
        help="processes the phones (and the reference's listeners) are spread over, so the client is not what is measured",
    )
    parser.add_argument("--port", type=int, default=8700, help="first daphne port; the reference uses port - 1")
    parser.add_argument("--reference-server", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--client-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.processes > 1 and not os.environ.get("REDIS_URL"):
        parser.error("--processes above 1 needs REDIS_URL (processes share the game through Redis)")
    return args


def percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def now_ms():
    return time.time() * 1000


# Server processes --------------------------------------------------------------------------
class Server:
    def __init__(self, command, port, env, log):
        self.port = port
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        wait_until_listening(port, self.process, log, WAIT)

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def rss_kb(self):
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def cpu(servers):
    return sum(server.cpu_seconds() for server in servers)


def rss(servers):
    return sum(server.rss_kb() for server in servers)


# The game in the database ------------------------------------------------------------------
def setup_django(var_dir):
    os.environ["VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # this script's own ORM calls, between rounds
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def create_game(questions):
    from django.test import Client

    from core.accounts.models import User
    from contests.games import demo
    from contests.games.models import PublicGame
    from quizzes.models import Option, Question, QuestionBank

    # The demo's questions, repeated with a number as often as the game and its sweep need.
    bank, _ = QuestionBank.objects.get_or_create(name="bench", defaults={"description": "bench/public_game.py"})
    for number in range(bank.questions.count(), questions):
        stem, options, correct, explanation = demo.QUESTIONS[number % len(demo.QUESTIONS)]
        kind = Question.Kind.TRUE_FALSE if len(options) == 2 else Question.Kind.SINGLE
        question = Question.objects.create(bank=bank, stem=f"{number + 1}. {stem}", explanation=explanation, kind=kind)
        Option.objects.bulk_create(
            Option(question=question, text=text, is_correct="ABCD"[n] == correct, sort_order=n)
            for n, text in enumerate(options)
        )
    game = PublicGame.objects.create(
        title=f"bench {time.strftime('%H:%M:%S')}", bank=bank, reading_seconds=0, answer_seconds=60
    )
    game.fill_from_bank(questions)
    # A superuser may host without being in the Hosts group (the bench lifts the TOTP rule in main).
    user, _ = User.objects.update_or_create(username="bench-admin", defaults={"is_superuser": True})
    client = Client()
    client.force_login(user)
    return game, client.cookies["sessionid"].value


def game_pass(pin):
    """The cookie the game's pages give a browser that scanned its QR code."""
    from django.http import HttpResponse

    from contests.games import pin_guard

    response = HttpResponse()
    pin_guard.grant(response, {}, pin)
    return f"{pin_guard.PASS_COOKIE}={response.cookies[pin_guard.PASS_COOKIE].value}"


def stored_answers(game_id, index):
    from contests.games.models import PlayerAnswer

    return PlayerAnswer.objects.filter(game_id=game_id, question_index=index).count()


# Phones (in the client processes) ----------------------------------------------------------
class Run:
    """Counters shared by the simulated phones (or the reference's listeners) of one client process."""

    def __init__(self):
        self.fanout_ms = []  # drained by each report to the orchestrator
        self.start_ms = []  # from the question's start (before its commit) to the phone
        self.ack_ms = []
        self.join_ms = []  # from the handshake's start to the player's snapshot (the reference: to the open socket)
        self.received = 0
        self.results = 0
        self.acked = 0
        self.refused = {}
        self.first_sent = None
        self.last_ack = None
        self.sample_frame = None
        self.pass_cookie = ""
        self.retries = 0
        self.closed = {}  # close code: phones whose socket the server closed before the game ended
        self.ended = 0  # phones that heard the game end (or were closed), before their closing handshake
        # Questions received, answered only after the fan-out and the reference's: no answer task
        # is created while a fan-out is measured (the reference's listeners create none either).
        self.to_answer = []
        self.changed = asyncio.Event()

    def bump(self):
        self.changed.set()

    async def until(self, condition, what, wait=WAIT):
        deadline = time.monotonic() + wait
        while not condition():
            self.changed.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"timed out waiting for {what} (received {self.received}, "
                                   f"acknowledged {self.acked}, closed by the server {self.closed})")
            try:
                await asyncio.wait_for(self.changed.wait(), timeout=min(left, 1))
            except asyncio.TimeoutError:
                pass


def client_session():
    # No connection limit: every phone holds its socket for the whole game.
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))


async def connect(session, url, **options):
    # autoping answers daphne's pings (every 20 s; a socket that misses them is closed); the
    # phones send no pings of their own.
    return await session.ws_connect(
        url, autoping=True, heartbeat=None, max_msg_size=2**23, timeout=aiohttp.ClientWSTimeout(ws_receive=None),
        **options,
    )


def origin_of(url):
    """The site's own origin for a socket URL: sockets accept nothing else (scheme and port too)."""
    return "http" + url.removeprefix("ws").split("/ws/", 1)[0]


async def open_socket(run, session, url, **options):
    """Connect like a phone does: a refused handshake is retried with backoff (counted)."""
    for attempt in range(RETRIES):
        try:
            return await asyncio.wait_for(connect(session, url, **options), WAIT)
        except (OSError, aiohttp.ClientError, asyncio.TimeoutError):
            run.retries += 1
            await asyncio.sleep(min(0.5 * 2**attempt, 8) + random.random() / 2)
    return await asyncio.wait_for(connect(session, url, **options), WAIT)


async def texts(socket_):
    """The socket's text frames until it closes."""
    async for message in socket_:
        if message.type == aiohttp.WSMsgType.TEXT:
            yield message.data


async def phone(run, session, url, number, ready):
    started = time.perf_counter()
    # A phone that scanned the QR code holds the game's pass cookie (contests/games/pin_guard.py).
    socket_ = await open_socket(run, session, url, origin=origin_of(url), headers={"Cookie": run.pass_cookie})
    await socket_.receive_str()  # the visitor snapshot
    await socket_.send_str(json.dumps({"type": "player.join", "nickname": f"p{number}"}))
    while json.loads(await socket_.receive_str())["type"] != "snapshot":
        pass
    run.join_ms.append((time.perf_counter() - started) * 1000)
    ready()
    sent_at = {}
    keepalive = asyncio.create_task(clock_pings(socket_))
    async for raw in texts(socket_):
        frame = json.loads(raw)
        kind = frame["type"]
        if kind == "game.question":
            received_at = now_ms()
            run.fanout_ms.append(received_at - frame["sent_at"])
            run.start_ms.append(received_at - frame["game"]["opens_at"])
            run.received += 1
            if run.sample_frame is None:
                run.sample_frame = raw
            run.to_answer.append((socket_, frame, sent_at))
        elif kind == "answer.accepted":
            run.ack_ms.append((time.perf_counter() - sent_at.pop(frame["ref"])) * 1000)
            run.acked += 1
            run.last_ack = time.time()
        elif kind == "error":
            run.refused[frame["code"]] = run.refused.get(frame["code"], 0) + 1
        elif kind == "player.result":
            run.results += 1
        elif kind == "game.finished":
            break
        else:
            continue
        run.bump()
    else:
        run.closed[socket_.close_code] = run.closed.get(socket_.close_code, 0) + 1
    run.ended += 1
    run.bump()
    keepalive.cancel()
    await socket_.close()


async def listener(run, session, url, number, ready):
    """A listener of the reference server: connects, then records every broadcast's latency."""
    started = time.perf_counter()
    socket_ = await open_socket(run, session, url)
    run.join_ms.append((time.perf_counter() - started) * 1000)
    ready()
    async for raw in texts(socket_):
        run.fanout_ms.append(now_ms() - json.loads(raw)["sent_at"])
        run.received += 1
        run.bump()
    await socket_.close()


async def clock_pings(socket_):
    """A clock ping every 30 s, as the page's client sends: the server closes a socket silent for
    90 s (4408), which a phone that joined early would be while thousands of others join."""
    while True:
        await asyncio.sleep(PING_SECONDS * (0.5 + random.random()))
        try:
            await socket_.send_str(json.dumps({"type": "clock.ping", "client_time": int(now_ms())}))
        except aiohttp.ClientError:  # the socket is closing: its phone counts the close
            return


async def answer(run, socket_, frame, window, sent_at):
    await asyncio.sleep(random.uniform(0, window))
    index = frame["game"]["index"]
    label = random.choice(frame["question"]["options"])["label"]
    ref = f"{index}"
    sent_at[ref] = time.perf_counter()
    run.first_sent = min(run.first_sent or time.time(), time.time())
    await socket_.send_str(json.dumps({"type": "player.answer", "index": index, "choice": label, "ref": ref}))


async def connect_all(run, session, urls, factory, first, count, concurrency, spread=0.0):
    """Connect (and join) phones number `first` to `first + count - 1`, at most `concurrency` in
    flight, arriving evenly over `spread` seconds (all at once when 0); returns their tasks."""
    joined = 0
    gate = asyncio.Semaphore(concurrency)

    def ready():
        nonlocal joined
        joined += 1
        gate.release()
        run.bump()

    async def start(number):
        await asyncio.sleep(spread * (number - first) / count)
        await gate.acquire()
        await factory(run, session, urls[number % len(urls)], number, ready)

    tasks = [asyncio.create_task(start(number)) for number in range(first, first + count)]
    await run.until(
        lambda: joined == count or any(t.done() and t.exception() for t in tasks), "phones to join",
        wait=max(WAIT, count / 5),  # joining may be slow on a loaded machine
    )
    failed = [t.exception() for t in tasks if t.done() and t.exception()]
    if failed:
        raise RuntimeError(f"{len(failed)} phones failed, first: {failed[0]!r}")
    return tasks


def drained(values):
    taken = values[:]
    values.clear()
    return taken


class Phones:
    """One client process's share of the phones and of the reference's listeners. It obeys the
    orchestrator's commands (one JSON line each on stdin, one JSON reply each on stdout): the
    orchestrator holds the host's socket, the reference's control socket and the figures."""

    def __init__(self, session):
        self.session = session
        self.ours = Run()
        self.reference = Run()
        self.tasks = []

    async def ready(self):
        return {}

    async def listen(self, url, first, count, concurrency, spread):
        self.tasks += await connect_all(self.reference, self.session, [url], listener, first, count, concurrency, spread)
        return {"join_ms": self.reference.join_ms}

    async def join(self, urls, first, count, concurrency, spread, pass_cookie):
        self.count = count
        self.ours.pass_cookie = pass_cookie
        self.phones = await connect_all(self.ours, self.session, urls, phone, first, count, concurrency, spread)
        # The heap of thousands of sockets is frozen out of the collector, whose full passes
        # would otherwise pause this client in the middle of a fan-out.
        gc.collect()
        gc.freeze()
        return {"join_ms": self.ours.join_ms}

    async def questions(self, target):
        run = self.ours
        await run.until(lambda: run.received >= target, f"question frames ({target} per phone process)")
        return {"fanout_ms": drained(run.fanout_ms), "start_ms": drained(run.start_ms), "sample_frame": run.sample_frame}

    async def reference_frames(self, target):
        run = self.reference
        await run.until(lambda: run.received >= target, "a reference broadcast")
        return {"fanout_ms": drained(run.fanout_ms)}

    async def answer(self, window):
        run = self.ours
        acked, refused = run.acked, dict(run.refused)
        run.first_sent = None
        for socket_, frame, sent_at in run.to_answer:
            self.tasks.append(asyncio.create_task(answer(run, socket_, frame, window, sent_at)))
        run.to_answer.clear()
        await run.until(lambda: run.acked - acked + sum(run.refused.values()) - sum(refused.values()) == self.count,
                        "answers")
        return {
            "acked": run.acked - acked,
            "refused": {code: n - refused.get(code, 0) for code, n in run.refused.items() if n > refused.get(code, 0)},
            "ack_ms": drained(run.ack_ms),
            "first_sent": run.first_sent,
            "last_ack": run.last_ack,
        }

    async def results(self, target):
        run = self.ours
        await run.until(lambda: run.results >= target, "results")
        return {}

    async def finish(self):
        # Every phone heard the end (or was closed); the closing handshakes of thousands of
        # sockets are not waited for.
        await self.ours.until(lambda: self.ours.ended == self.count, "the game's end on every phone")
        for task in [*self.tasks, *self.phones]:
            task.cancel()
        return {
            "received": self.ours.received, "reference_received": self.reference.received,
            "closed": self.ours.closed, "retries": self.ours.retries + self.reference.retries,
        }


async def client_process():
    """The loop of a client process (`--client-process`): commands in, replies out."""
    loop = asyncio.get_running_loop()
    commands = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(commands), sys.stdin)
    async with client_session() as session:
        phones = Phones(session)
        while line := await commands.readline():
            command = json.loads(line)
            try:
                reply = await getattr(phones, command.pop("command"))(**command)
            except Exception as error:
                reply = {"error": repr(error)}
            sys.stdout.write(json.dumps(reply) + "\n")
            sys.stdout.flush()


# The orchestrator's side -------------------------------------------------------------------
class Clients:
    """The client processes: the phones (and the reference's listeners) spread over them, so that
    the client's own work per frame is not what is measured."""

    def __init__(self, processes, players, concurrency):
        self.shares = [players // processes + (n < players % processes) for n in range(processes)]
        self.firsts = [sum(self.shares[:n]) for n in range(processes)]
        self.concurrency = [max(1, concurrency * share // players) for share in self.shares]
        self.processes = []

    async def start(self, env):
        for _ in self.shares:
            self.processes.append(await asyncio.create_subprocess_exec(
                sys.executable, __file__, "--client-process", cwd=ROOT, env=env,
                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, limit=2**26,
            ))
        await self.call("ready")  # started and imported: no start-up in the first timed step

    async def call(self, command, wait=WAIT, **arguments):
        """Send `command` to every client process, with per-process arguments from `arguments`
        given as functions of (index, share, first); the replies in process order."""

        async def one(index, process):
            share, first = self.shares[index], self.firsts[index]
            values = {name: value(index, share, first) if callable(value) else value for name, value in arguments.items()}
            process.stdin.write((json.dumps({"command": command, **values}) + "\n").encode())
            await process.stdin.drain()
            line = await process.stdout.readline()
            if not line:
                raise RuntimeError(f"client process {index} exited during {command}")
            reply = json.loads(line)
            if "error" in reply:
                raise RuntimeError(f"client process {index}, {command}: {reply['error']}")
            return reply

        # Longer than the client processes' own waits, so that their report of what was missing arrives.
        return await asyncio.wait_for(
            asyncio.gather(*(one(index, process) for index, process in enumerate(self.processes))), wait + 30
        )

    async def stop(self):
        for process in self.processes:
            if process.returncode is None:
                process.stdin.close()
                try:
                    await asyncio.wait_for(process.wait(), 10)
                except asyncio.TimeoutError:
                    process.kill()


def joined(replies):
    return [value for reply in replies for value in reply["join_ms"]]


async def play(args, session, clients, servers, game, cookie, reference):
    base = [f"ws://127.0.0.1:{server.port}/ws/games/{game.pin}" for server in servers]
    players = args.players
    rss_before = rss(servers)
    cpu_before = cpu(servers)
    started = time.perf_counter()
    replies = await clients.call(
        "join", wait=max(WAIT, players / 5), urls=[url + "/play/" for url in base], pass_cookie=game_pass(game.pin),
        first=lambda index, share, first: first, count=lambda index, share, first: share,
        concurrency=lambda index, share, first: clients.concurrency[index], spread=args.join_seconds,
    )
    join_rate = players / (time.perf_counter() - started)
    cpu_us_per_join = (cpu(servers) - cpu_before) * 1e6 / players
    join_ms = joined(replies)
    memory_kb = (rss(servers) - rss_before) / players
    host = await connect(session, base[0] + "/host/", origin=origin_of(base[0]), headers={"Cookie": f"sessionid={cookie}"})
    drain = asyncio.create_task(drain_host(host))
    totals = {"cpu_fanout": 0.0, "cpu_answers": 0.0, "lost": 0, "stored": 0, "sent": 0, "acked": 0, "acked_all": 0,
              "burst": 0.0}
    figures = {"fanout": [], "start": [], "ack": [], "question_max": [], "refused": {}}
    asked = 0  # questions sent so far: every phone process waits for its share times this
    sample = []

    async def question(index, window, measured):
        """One question: fan-out (and the reference's), answers within `window` s, reveal.
        Returns (answers acknowledged per second, ack p99 ms) of this question."""
        nonlocal asked
        asked += 1
        before = cpu(servers)
        await host.send_str(json.dumps({"type": "host.next"}))
        replies = await clients.call("questions", target=lambda index_, share, first: share * asked)
        fanout_cpu = cpu(servers) - before
        if measured:
            totals["cpu_fanout"] += fanout_cpu
            fanout = [value for reply in replies for value in reply["fanout_ms"]]
            figures["fanout"] += fanout
            figures["start"] += [value for reply in replies for value in reply["start_ms"]]
            figures["question_max"].append(round(max(fanout), 1))
            sample[:] = sample or [replies[0]["sample_frame"]]
            await reference.broadcast(sample[0])
        before = cpu(servers)
        replies = await clients.call("answer", window=window)
        acked_now = sum(reply["acked"] for reply in replies)  # acknowledged in this question (refusals are not)
        for reply in replies:
            for code, count in reply["refused"].items():
                figures["refused"][code] = figures["refused"].get(code, 0) + count
        sent_times = [reply["first_sent"] for reply in replies if reply["first_sent"]]
        ack_times = [reply["last_ack"] for reply in replies if reply["acked"]]
        burst = max(ack_times) - min(sent_times) if acked_now else float("nan")
        acks = [value for reply in replies for value in reply["ack_ms"]]
        totals["sent"] += players
        totals["acked_all"] += acked_now
        if measured:
            totals["cpu_answers"] += cpu(servers) - before
            totals["burst"] += burst
            totals["acked"] += acked_now
            figures["ack"] += acks
        await host.send_str(json.dumps({"type": "host.reveal"}))
        await clients.call("results", target=lambda index_, share, first: share * asked)
        stored = await asyncio.to_thread(stored_answers, game.pk, index)
        totals["stored"] += stored
        totals["lost"] += max(0, acked_now - stored)
        return acked_now / burst if acked_now else 0.0, percentile(acks, 0.99)

    for index in range(args.questions):
        await question(index, args.answer_window, measured=True)
    sent_measured = totals["sent"]
    # The sweep: the same phones answer ever faster until the acknowledgements fall behind.
    sweep = []
    window = args.answer_window
    for step in range(args.sweep):
        window /= 2
        rate, p99 = await question(args.questions + step, window, measured=False)
        sweep.append({"offered_per_s": round(players / window), "acked_per_s": round(rate, 1),
                      "ack_p99_ms": round(p99, 1)})
        if p99 > 500:
            break
    await host.send_str(json.dumps({"type": "host.finish"}))
    ends = await clients.call("finish")
    drain.cancel()
    await host.close()
    held = [step["acked_per_s"] for step in sweep if step["ack_p99_ms"] <= 500]
    closed = {}
    for end in ends:
        for code, count in end["closed"].items():
            closed[code] = closed.get(code, 0) + count
    reference.received = sum(end["reference_received"] for end in ends)
    return {
        "connections_per_s": join_rate,
        "join": join_ms,
        "cpu_us_per_join": cpu_us_per_join,
        "fanout": figures["fanout"],
        "start": figures["start"],
        "cpu_ms_per_broadcast": totals["cpu_fanout"] * 1000 / args.questions,
        "ack": figures["ack"],
        "cpu_us_per_answer": totals["cpu_answers"] * 1e6 / max(sent_measured, 1),
        "answers_sent": totals["sent"],
        "answers_acked": totals["acked_all"],
        "answers_refused": figures["refused"],
        "answers_stored": totals["stored"],
        "answers_per_s": totals["acked"] / totals["burst"] if totals["burst"] else float("nan"),
        "answers_capacity_per_s": max(held, default=float("nan")),
        "sweep": sweep,
        "fanout_max_per_question_ms": figures["question_max"],
        "lost": totals["lost"],
        "frames_lost": players * (args.questions + len(sweep)) - sum(end["received"] for end in ends),
        "memory_kb_per_player": memory_kb,
        "sample_frame": sample[0],
        "handshake_retries": sum(end["retries"] for end in ends),
        "closed_by_server": closed,
    }


async def drain_host(host):
    async for _ in texts(host):  # the host's own frames are not measured
        pass


# The reference: a minimal plain-websockets broadcast server -------------------------------
SENT_AT = re.compile(r'"sent_at":(\d+)')


async def reference_server(port):
    from websockets.asyncio.server import broadcast, serve

    phones = set()

    async def handler(socket_):
        if socket_.request.path == "/control":
            async for payload in socket_:
                # Our frame, byte for byte, but for its `sent_at`: this server's instant, as many digits.
                stamp = str(int(now_ms()))
                frame = SENT_AT.sub(lambda match: f'"sent_at":{stamp.rjust(len(match[1]), "0")}', payload, count=1)
                broadcast(phones, frame)
            return
        phones.add(socket_)
        try:
            await socket_.wait_closed()
        finally:
            phones.discard(socket_)

    async with serve(handler, "127.0.0.1", port, backlog=1024, ping_interval=None, max_size=2**23):
        await asyncio.Future()


class Reference:
    """N listeners on the reference server, spread over the client processes like the phones; one
    broadcast right after each of ours, so both are measured under the same load of a shared machine."""

    def __init__(self, args, server, clients):
        self.args = args
        self.server = server
        self.clients = clients
        self.cpu_seconds = 0.0
        self.fanout_ms = []
        self.broadcasts = 0
        self.received = 0

    async def connect(self, session):
        cpu_before = self.server.cpu_seconds()
        started = time.perf_counter()
        replies = await self.clients.call(
            "listen", wait=max(WAIT, self.args.players / 5), url=f"ws://127.0.0.1:{self.server.port}/phone",
            first=lambda index, share, first: first, count=lambda index, share, first: share,
            concurrency=lambda index, share, first: self.clients.concurrency[index], spread=self.args.join_seconds,
        )
        self.join_rate = self.args.players / (time.perf_counter() - started)
        self.cpu_us_per_accept = (self.server.cpu_seconds() - cpu_before) * 1e6 / self.args.players
        self.join_ms = joined(replies)
        self.control = await connect(session, f"ws://127.0.0.1:{self.server.port}/control")

    async def broadcast(self, payload):
        self.frame_bytes = len(payload.encode())
        self.broadcasts += 1
        before = self.server.cpu_seconds()
        await self.control.send_str(payload)
        replies = await self.clients.call("reference_frames", target=lambda index, share, first: share * self.broadcasts)
        self.cpu_seconds += self.server.cpu_seconds() - before
        self.fanout_ms += [value for reply in replies for value in reply["fanout_ms"]]

    def figures(self, broadcasts):
        return {
            "connections_per_s": self.join_rate,
            "join": self.join_ms,
            "cpu_us_per_join": self.cpu_us_per_accept,
            "frame_bytes": self.frame_bytes,
            "fanout": self.fanout_ms,
            "cpu_ms_per_broadcast": self.cpu_seconds * 1000 / broadcasts,
            "frames_lost": self.args.players * broadcasts - self.received,
        }


# Report ------------------------------------------------------------------------------------
def report(args, ours, ref):
    def ms(values, share):
        return round(percentile(values, share), 1)

    figures = {
        "players": args.players,
        "processes": args.processes,
        "client_processes": args.client_processes,
        "join_seconds": args.join_seconds,
        "database": "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite",
        "layer": "redis-pubsub" if os.environ.get("REDIS_URL") else "in-memory",
        "connections_per_s": round(ours["connections_per_s"], 1),
        "join_p50_ms": ms(ours["join"], 0.5),
        "join_p99_ms": ms(ours["join"], 0.99),
        "cpu_us_per_join": round(ours["cpu_us_per_join"]),
        "frame_bytes": len(ours["sample_frame"].encode()),
        "fanout_p50_ms": ms(ours["fanout"], 0.5),
        "fanout_p99_ms": ms(ours["fanout"], 0.99),
        "fanout_max_ms": ms(ours["fanout"], 1),
        "start_to_phone_p99_ms": ms(ours["start"], 0.99),
        "cpu_ms_per_broadcast": round(ours["cpu_ms_per_broadcast"], 1),
        "ack_p50_ms": ms(ours["ack"], 0.5),
        "ack_p99_ms": ms(ours["ack"], 0.99),
        "answers_per_s": round(ours["answers_per_s"], 1),
        "answers_capacity_per_s": ours["answers_capacity_per_s"],
        "answer_sweep": ours["sweep"],
        "cpu_us_per_answer": round(ours["cpu_us_per_answer"]),
        "answers_sent": ours["answers_sent"],
        "answers_acked": ours["answers_acked"],
        "answers_refused": ours["answers_refused"],
        "answers_stored": ours["answers_stored"],
        "lost": ours["lost"],
        "frames_lost": ours["frames_lost"],
        "memory_kb_per_player": round(ours["memory_kb_per_player"], 1),
        "handshake_retries": ours["handshake_retries"],
        "closed_by_server": ours["closed_by_server"],
        "fanout_max_per_question_ms": ours["fanout_max_per_question_ms"],
        "debug": os.environ["DEBUG"] not in ("", "0"),
        "load_average": ours["load_average"],
        "ref_connections_per_s": round(ref["connections_per_s"], 1),
        "ref_join_p99_ms": ms(ref["join"], 0.99),
        "ref_cpu_us_per_accept": round(ref["cpu_us_per_join"]),
        "ref_frame_bytes": ref["frame_bytes"],
        "ref_fanout_p50_ms": ms(ref["fanout"], 0.5),
        "ref_fanout_p99_ms": ms(ref["fanout"], 0.99),
        "ref_fanout_max_ms": ms(ref["fanout"], 1),
        "ref_cpu_ms_per_broadcast": round(ref["cpu_ms_per_broadcast"], 1),
        "ref_frames_lost": ref["frames_lost"],
    }
    figures["fanout_ratio"] = round(figures["fanout_p99_ms"] / max(figures["ref_fanout_p99_ms"], 0.1), 2)
    figures["cpu_ratio"] = round(figures["cpu_ms_per_broadcast"] / max(figures["ref_cpu_ms_per_broadcast"], 0.1), 2)
    rows = [
        ("joins/s (reference: accepts/s)", figures["connections_per_s"], figures["ref_connections_per_s"]),
        ("join p99 ms (reference: accept)", figures["join_p99_ms"], figures["ref_join_p99_ms"]),
        ("server CPU µs per join (accept)", figures["cpu_us_per_join"], figures["ref_cpu_us_per_accept"]),
        ("question frame bytes", figures["frame_bytes"], figures["ref_frame_bytes"]),
        ("fan-out p50 ms", figures["fanout_p50_ms"], figures["ref_fanout_p50_ms"]),
        ("fan-out p99 ms", figures["fanout_p99_ms"], figures["ref_fanout_p99_ms"]),
        ("fan-out max ms", figures["fanout_max_ms"], figures["ref_fanout_max_ms"]),
        ("server CPU ms per broadcast", figures["cpu_ms_per_broadcast"], figures["ref_cpu_ms_per_broadcast"]),
        ("frames lost", figures["frames_lost"], figures["ref_frames_lost"]),
    ]
    print(f"\n{args.players} phones, {args.processes} daphne process(es), {figures['database']}, {figures['layer']} layer, "
          f"{args.client_processes} client process(es)")
    print(f"handshakes retried by phones: {figures['handshake_retries']}; load average (1, 5, 15 min) "
          f"before {figures['load_average'][:3]}, after {figures['load_average'][3:]}; DEBUG {figures['debug']}")
    print(f"{'':32}{'ours':>12}{'reference':>12}{'ratio':>8}")
    for name, mine, theirs in rows:
        ratio = f"{mine / theirs:.2f}" if isinstance(theirs, (int, float)) and theirs else "-"
        print(f"{name:32}{mine:>12}{theirs:>12}{ratio:>8}")
    print(f"answers: {figures['answers_sent']} sent, {figures['answers_acked']} acknowledged, "
          f"{figures['answers_stored']} stored, refused {figures['answers_refused']}, lost {figures['lost']}")
    print(f"fan-out max per question (ms): {figures['fanout_max_per_question_ms']}; "
          f"question start (before its commit) to phone p99 {figures['start_to_phone_p99_ms']} ms")
    print(f"acknowledged {figures['answers_per_s']}/s, ack p50 {figures['ack_p50_ms']} ms, p99 {figures['ack_p99_ms']} ms; "
          f"server CPU {figures['cpu_us_per_answer']} µs per answer; "
          f"server memory {figures['memory_kb_per_player']} KiB per player")
    print(f"answers/s the server takes with ack p99 <= 500 ms: {figures['answers_capacity_per_s']} "
          f"(sweep: {figures['answer_sweep']})")
    print_last_line(figures)


async def main(args):
    var_dir = ROOT / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    # Production mode unless told otherwise: DEBUG would log every SQL query of the servers.
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    # The simulated host has no authenticator app: the TOTP rule is lifted for the bench alone.
    os.environ.setdefault("MFA_REQUIRED", "0")
    # Every simulated phone joins from 127.0.0.1: lift the joins-per-address limit for the run.
    os.environ.setdefault("GAME_JOINS_PER_ADDRESS", "1000000")
    os.environ.setdefault("GAME_JOINS_PER_ADDRESS_WITH_PASS", "1000000")
    load_before = os.getloadavg()
    setup_django(var_dir)
    game, cookie = create_game(args.questions + args.sweep)
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}", "VAR_DIR": str(var_dir)}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE")
    log = open(var_dir / "servers.log", "a")
    reference_port = args.port - 1
    servers = [Server([sys.executable, __file__, "--reference-server", str(reference_port)], reference_port, env, log)]
    try:
        for offset in range(args.processes):
            port = args.port + offset
            servers.append(Server(
                [sys.executable, "-m", "daphne", "-v", "0", "-e", f"tcp:port={port}:interface=127.0.0.1:backlog=1024",
                 "config.server:application"], port, env, log,
            ))
        clients = Clients(args.client_processes, args.players, args.join_concurrency)
        await clients.start(env)
        try:
            async with client_session() as session:
                reference = Reference(args, servers[0], clients)
                await reference.connect(session)
                ours = await play(args, session, clients, servers[1:], game, cookie, reference)
                await reference.control.close()
        finally:
            await clients.stop()
    finally:
        for server in servers:
            server.stop()
    ref = reference.figures(args.questions)
    ours["load_average"] = [round(value, 2) for value in (*load_before, *os.getloadavg())]
    report(args, ours, ref)


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.reference_server:
        asyncio.run(reference_server(arguments.reference_server))
    elif arguments.client_process:
        uvloop.run(client_process())
    else:
        uvloop.run(main(arguments))
