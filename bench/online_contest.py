"""Benchmark: N participants sign in by phone, start, answer and hand in a timed set over HTTP.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/qijin_bench REDIS_URL=redis://127.0.0.1:6379/8 \
        .venv/bin/python bench/online_contest.py --participants 1000 --processes 1

It starts K daphne processes (the project's ASGI application, production-like: DEBUG off) and
one reference daphne serving the same settings and middleware with a single view that does one
INSERT (bench/online_contest_reference.py). Participants sign in through allauth's login by
code (the test SMS sender puts each code in the shared cache), join with a unit of the registry,
then, timed: POST start, GET the paper, think (--think seconds, uniform), POST the answers.
In the same run the reference receives the same number of requests (3 per attempt) at the same
concurrency. Printed: completed attempts/s, p50/p99 of start (POST + GET paper) and submit,
server CPU per attempt and per request, the ratio of our CPU per request to the reference's,
errors, attempts lost (handed in but not scored in the database), and as the last line one JSON
object. Everything runs on 127.0.0.1 with bounded waits; nothing here is part of the test suite.
"""
import argparse
import asyncio
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from last_line import print_last_line
from servers import daphne_command, wait_until_listening

ROOT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")
WAIT = 60
SECRET_KEY = "bench-only-" + "k" * 50
REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=60)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUESTION = re.compile(r'name="(q\d+)" value="([A-H])"')
START = re.compile(r'<form method="post" action="([^"]+)" class="contest-start">')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0), metavar=("MIN", "MAX"))
    parser.add_argument("--ramp", type=float, default=5.0, help="participants start within this many seconds")
    parser.add_argument("--port", type=int, default=8800)
    return parser.parse_args()


def percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


class Server:
    def __init__(self, port, env, log, application):
        self.port = port
        self.process = subprocess.Popen(daphne_command(port, application), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        wait_until_listening(port, self.process, log, WAIT)

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def setup_django(var_dir):
    os.environ["VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path[:0] = [str(ROOT / "site"), str(ROOT), str(ROOT / "bench")]
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not (ROOT / "static" / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)  # production mode reads the manifest
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_reference_insert")
        cursor.execute("CREATE TABLE bench_reference_insert (id SERIAL PRIMARY KEY, body TEXT)"
                       if connection.vendor == "postgresql" else
                       "CREATE TABLE bench_reference_insert (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT)")


def create_contest():
    from wagtail.models import Page

    from core.organisations import demo as registry_demo
    from core.organisations.models import Unit
    from onlinecontest.models import OnlineContestPage
    from quizzes import demo as bank_demo
    from quizzes.demo import DEMO_BANK
    from quizzes.models import QuestionBank

    registry_demo.load()
    bank_demo.load()
    page = OnlineContestPage(
        title="压测竞赛", slug=f"bench-{os.getpid()}-{int(time.time())}", bank=QuestionBank.objects.get(name=DEMO_BANK),
        question_count=5, time_limit=600, attempts_per_day=100, attempts_total=1000, draws_per_day=0,
    )
    Page.objects.get(depth=2).add_child(instance=page)
    page.save_revision().publish()
    return page, list(Unit.objects.values_list("pk", flat=True))


class Request:
    """session.request with the participant's cookies sent and kept (an async context manager)."""

    def __init__(self, person, method, url, kwargs):
        self.person, self.method, self.url, self.kwargs = person, method, url, kwargs

    async def __aenter__(self):
        # Redirects are followed here, not by aiohttp, so that every hop's cookies are kept.
        follow = self.kwargs.pop("allow_redirects", True)
        method, url = self.method, self.url
        for _hop in range(5):
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.person.cookies.items()),
                       "X-Forwarded-Proto": "https", "Referer": "https" + url.removeprefix("http")}
            self.response = await self.person.session.request(
                method, url, headers=headers, allow_redirects=False, **self.kwargs)
            for name, morsel in self.response.cookies.items():
                self.person.cookies[name] = morsel.value
            if not follow or self.response.status not in (301, 302, 303):
                break
            location = self.response.headers["Location"]
            self.response.release()
            method, url, self.kwargs = "GET", (location if location.startswith("http") else self.person.base + location), {}
        return self.response

    async def __aexit__(self, *exc):
        self.response.release()


async def form_token(person, url):
    async with person.request("GET", url) as response:
        text = await response.text()
    found = CSRF.search(text)
    return found.group(1) if found else "", text


class Participant:
    def __init__(self, index, base, contest_path, units):
        self.number = f"+86139{index:08d}"
        self.base, self.path, self.unit = base, contest_path, random.choice(units)
        # Production mode marks cookies Secure; on plain-HTTP loopback the client keeps them itself.
        self.cookies = {}
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar(), timeout=REQUEST_TIMEOUT)

    def request(self, method, url, **kwargs):
        return Request(self, method, url, kwargs)

    async def sign_in(self):
        from asgiref.sync import sync_to_async

        from core.accounts.sms import memory

        token, _ = await form_token(self, self.base + "/accounts/login/code/")
        async with self.request("POST", self.base + "/accounts/login/code/",
                                     data={"csrfmiddlewaretoken": token, "phone": self.number}) as response:
            text = await response.text()
        code = await sync_to_async(memory.last_code)(self.number)
        if not code:
            found = re.search(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', text, re.S)
            raise RuntimeError(f"no code sent: {re.sub(r'<[^>]+>', ' ', found.group(1)).strip() if found else response.status}")
        token = CSRF.search(text).group(1)
        async with self.request("POST", self.base + "/accounts/login/code/confirm/",
                                     data={"csrfmiddlewaretoken": token, "code": code}, allow_redirects=False) as response:
            if response.status != 302 or "/accounts/" in response.headers["Location"]:
                raise RuntimeError(f"code refused ({response.status} {response.headers.get('Location', '')})")
        token, _ = await form_token(self, self.base + self.path)
        async with self.request("POST", self.base + self.path + "join/", allow_redirects=False,
                                     data={"csrfmiddlewaretoken": token, "name": "压测", "unit": self.unit}) as response:
            if response.status != 302 or "/accounts/" in response.headers["Location"]:
                raise RuntimeError(f"join refused ({response.status} {response.headers.get('Location', '')})")
        self.token, page = await form_token(self, self.base + self.path)
        found = START.search(page)
        if not found:
            raise RuntimeError("no start form on the contest page after joining")
        self.start_url = found.group(1)

    async def attempt(self, think, figures):
        started = time.perf_counter()
        async with self.request("POST", self.base + self.start_url, allow_redirects=False,
                                     data={"csrfmiddlewaretoken": self.token, "mode": "contest"}) as response:
            paper_url = response.headers.get("Location", "")
            if response.status != 302 or paper_url.rstrip("/") == self.path.rstrip("/"):
                raise RuntimeError(f"start refused ({response.status} {paper_url})")
        async with self.request("GET", self.base + paper_url) as response:
            paper = await response.text()
        figures["start"].append((time.perf_counter() - started) * 1000)
        answers = {}
        for name, value in QUESTION.findall(paper):
            answers.setdefault(name, value)
        await asyncio.sleep(random.uniform(*think))
        sent = time.perf_counter()
        async with self.request("POST", self.base + paper_url, allow_redirects=False,
                                     data={"csrfmiddlewaretoken": CSRF.search(paper).group(1), **answers}) as response:
            if response.status != 302:
                body = re.sub(r"\s+", " ", await response.text())
                found = re.search(r'role="alert">([^<]*)<|<body class="([^"]*)"', body)
                raise RuntimeError(f"hand-in refused ({response.status}): {found.groups() if found else body[:120]}")
        figures["submit"].append((time.perf_counter() - sent) * 1000)
        figures["completed"] += 1


async def reference_request(session, url, latencies):
    sent = time.perf_counter()
    async with session.post(url, data={"answer": "A"}) as response:
        await response.read()
        if response.status != 200:
            raise RuntimeError(f"reference answered {response.status}")
    latencies.append((time.perf_counter() - sent) * 1000)


async def run(args, ours, reference, page, units):
    base = f"http://127.0.0.1:{ours[0].port}"
    bases = [f"http://127.0.0.1:{server.port}" for server in ours]
    people = [Participant(index, bases[index % len(bases)], page.url, units) for index in range(args.participants)]
    errors = []
    # Sign-in and join, before the timed part.
    semaphore = asyncio.Semaphore(50)

    async def sign_in(person):
        async with semaphore:
            try:
                await person.sign_in()
            except Exception as error:  # counted and reported; the run goes on
                errors.append(f"sign-in: {error}")
                person.failed = True

    await asyncio.wait_for(asyncio.gather(*(sign_in(person) for person in people)), timeout=WAIT * 10)
    ready = [person for person in people if not getattr(person, "failed", False)]
    figures = {"start": [], "submit": [], "completed": 0}

    async def play(person):
        await asyncio.sleep(random.uniform(0, args.ramp))
        try:
            await person.attempt(args.think, figures)
        except Exception as error:
            errors.append(f"attempt: {error}")

    cpu_before = sum(server.cpu_seconds() for server in ours)
    wall = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(play(person) for person in ready)), timeout=WAIT * 10)
    wall = time.perf_counter() - wall
    cpu_ours = sum(server.cpu_seconds() for server in ours) - cpu_before
    for person in people:
        await person.session.close()

    # The reference: the same number of requests at the same pacing.
    requests = 3 * len(ready)
    latencies = []
    url = f"http://127.0.0.1:{reference.port}/insert/"
    async with aiohttp.ClientSession(timeout=REQUEST_TIMEOUT) as session:
        async def client(count):
            await asyncio.sleep(random.uniform(0, args.ramp))
            for _ in range(count):
                try:
                    await reference_request(session, url, latencies)
                except Exception as error:
                    errors.append(f"reference: {error}")
                await asyncio.sleep(random.uniform(*args.think) / 3)

        for _ in range(50):  # warm up, as sign-in warmed up our processes
            await reference_request(session, url, [])
        ref_cpu_before = reference.cpu_seconds()
        await asyncio.wait_for(asyncio.gather(*(client(3) for _ in ready)), timeout=WAIT * 10)
        ref_cpu = reference.cpu_seconds() - ref_cpu_before
    return figures, errors, wall, cpu_ours, ref_cpu, requests, latencies, len(ready)


async def main(args):
    var_dir = Path(tempfile.mkdtemp(prefix="bench-online-"))
    os.environ.update(DEBUG="0", SECRET_KEY=SECRET_KEY, SMS_SENDER="core.accounts.sms.memory.MemorySender")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # this script's own ORM calls around the run
    setup_django(var_dir)
    from django.db import connection

    page, units = create_contest()
    env = {
        **os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT), str(ROOT / "bench")]),
        "VAR_DIR": str(var_dir), "DEBUG": "0", "SECRET_KEY": SECRET_KEY,
        "SECURE_PROXY": "1", "SECURE_SSL_REDIRECT": "0", "TRUSTED_PROXY_COUNT": "0",
        "SMS_SENDER": "core.accounts.sms.memory.MemorySender", "SMS_CODE_RATE_LIMITS": "1000000/m/ip,5/m/key",
        # Every simulated participant comes from 127.0.0.1: the per-address limits are lifted (the
        # code limit's per-address part is a lock-free counter, core/accounts/address_limits.py).
        "LOGIN_RATE_LIMITS": "1000000/m/ip", "LOGIN_FAILED_RATE_LIMITS": "1000000/m/ip,5/5m/key",
        "ALLOWED_HOSTS": "127.0.0.1,localhost", "MFA_REQUIRED": "0",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE")
    log = open(var_dir / "servers.log", "a")
    servers = []
    try:
        reference = Server(args.port - 1, {**env, "DJANGO_SETTINGS_MODULE": "online_contest_reference"}, log,
                           "config.asgi:application")
        servers.append(reference)
        ours = []
        for offset in range(args.processes):
            ours.append(Server(args.port + offset, env, log, "config.server:application"))
        servers += ours
        figures, errors, wall, cpu_ours, ref_cpu, requests, latencies, ready = await run(args, ours, reference, page, units)
    finally:
        for server in servers:
            server.stop()
    from onlinecontest.records import ContestAttempt

    scored = ContestAttempt.objects.filter(page=page, status=ContestAttempt.Status.SCORED).count()
    lost = max(figures["completed"] - scored, 0)
    completed = figures["completed"]
    per_request_ours = cpu_ours / (3 * completed) if completed else float("nan")
    per_request_ref = ref_cpu / requests if requests else float("nan")
    result = {
        "participants": args.participants,
        "processes": args.processes,
        "database": connection.vendor,
        "attempts_per_s": round(completed / wall, 1) if wall else 0,
        "start_p50_ms": round(percentile(figures["start"], 0.5), 1),
        "start_p99_ms": round(percentile(figures["start"], 0.99), 1),
        "submit_p50_ms": round(percentile(figures["submit"], 0.5), 1),
        "submit_p99_ms": round(percentile(figures["submit"], 0.99), 1),
        "cpu_ms_per_attempt": round(cpu_ours / completed * 1000, 2) if completed else None,
        "cpu_ms_per_request": round(per_request_ours * 1000, 2),
        "reference_cpu_ms_per_request": round(per_request_ref * 1000, 2),
        "reference_p99_ms": round(percentile(latencies, 0.99), 1),
        "cpu_ratio": round(per_request_ours / per_request_ref, 2) if per_request_ref else None,
        "errors": len(errors),
        "lost": lost,
    }
    print(f"{args.participants} participants ({ready} signed in), {args.processes} daphne process(es), {connection.vendor}")
    print(f"completed attempts: {completed} in {wall:.1f} s = {result['attempts_per_s']}/s (think {args.think[0]}-{args.think[1]} s)")
    print(f"start  p50 {result['start_p50_ms']} ms  p99 {result['start_p99_ms']} ms (POST start + GET paper)")
    print(f"submit p50 {result['submit_p50_ms']} ms  p99 {result['submit_p99_ms']} ms")
    print(f"server CPU: {result['cpu_ms_per_attempt']} ms per attempt, {result['cpu_ms_per_request']} ms per request; "
          f"reference (one INSERT): {result['reference_cpu_ms_per_request']} ms per request; ratio {result['cpu_ratio']}")
    print(f"errors {len(errors)}{': ' + '; '.join(sorted(set(errors))[:5]) if errors else ''}; lost {lost}")
    print_last_line(result)


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
