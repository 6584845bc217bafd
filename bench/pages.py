"""Benchmark: anonymous public pages against a static file of the same server (README).

    .venv/bin/python bench/pages.py --seconds 10 --concurrency 20

It loads the demo content into its own database (var/bench-pages), collects the static files,
starts one daphne process on 127.0.0.1 as in production (`DEBUG=0`, `config.server`), and
requests, as new anonymous visitors (no cookie kept), in turn: a static file (the site's
stylesheet, served by WhiteNoise), the public pages (home, news and case listings, an article, a
case, round robin, each viewed once before), the same pages once more with a cookie that keeps them out of the anonymous
page cache (what rendering costs), each for `--seconds` with `--concurrency` requests in flight,
then all three again. Figures per phase, the page rate as a share of the static rate, and as
the last line one JSON object. Loopback only, bounded; nothing here is part of the test suite.
"""
import argparse
import asyncio
import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import uvloop

import servers
from last_line import print_last_line

ROOT = Path(__file__).resolve().parents[1]
WAIT = 60
PAGE_MODELS = ("homepage", "articleindexpage", "articlepage", "caseindexpage", "violationcasepage")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each phase")
    parser.add_argument("--concurrency", type=int, default=20, help="requests in flight")
    parser.add_argument("--port", type=int, default=8650)
    return parser.parse_args()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(share * len(ordered) + 0.999999) - 1))] if ordered else float("nan")


def prepare(env):
    """Migrate, load the demo content and collect the static files; the URLs to request."""
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["createcachetable"], ["load_demo_content"],
                    ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    script = (
        "import json, django; django.setup()\n"
        "from wagtail.models import Page\n"
        "from django.templatetags.static import static\n"
        f"models = {PAGE_MODELS!r}\n"
        "urls = []\n"
        "for model in models:\n"
        "    page = Page.objects.live().filter(content_type__model=model).order_by('path').first()\n"
        "    if page is None: raise SystemExit(f'no live {model} in the demo content')\n"
        "    urls.append(page.specific.get_url(None))\n"
        "print(json.dumps({'pages': urls, 'static': static('base/css/site.css')}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


async def phase(base, paths, seconds, concurrency, cookies=None):
    """Requests per second over `paths` (round robin) for `seconds`; latencies; page-cache hits."""
    latencies, hits, failures = [], 0, {}
    stop = time.perf_counter() + seconds
    counter = 0
    headers = {"Cookie": cookies} if cookies else {}

    async def worker(session):
        nonlocal hits, counter
        while time.perf_counter() < stop:
            path = paths[counter % len(paths)]
            counter += 1
            started = time.perf_counter()
            async with session.get(base + path, headers=headers, allow_redirects=False) as response:
                await response.read()
                if response.status != 200:
                    failures[f"{path} {response.status}"] = failures.get(f"{path} {response.status}", 0) + 1
                hits += response.headers.get("X-Page-Cache") == "hit"
            latencies.append((time.perf_counter() - started) * 1000)

    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar()) as session:
        began = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(worker(session) for _ in range(concurrency))), seconds + WAIT)
        elapsed = time.perf_counter() - began
    return {
        "per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.5), 1),
        "p99_ms": round(percentile(latencies, 0.99), 1),
        "requests": len(latencies),
        "cache_hits": hits,
        "failures": failures,
    }


async def measure(args, base, urls):
    # Each page once first: its first view makes the image renditions, once for the site's life.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as session:
        for path in urls["pages"]:
            async with session.get(base + path, allow_redirects=False) as response:
                await response.read()
    rounds = []
    for _ in range(2):  # interleaved, so both rates see the same drift of a shared machine
        rounds.append({
            "static": await phase(base, [urls["static"]], args.seconds, args.concurrency),
            "pages": await phase(base, urls["pages"], args.seconds, args.concurrency),
            # Any cookie but the language and CSRF ones keeps a request out of the page cache.
            "uncached": await phase(base, urls["pages"], args.seconds, args.concurrency, cookies="bench=uncached"),
        })
    return rounds


def main(args):
    var_dir = ROOT / "var" / "bench-pages"
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ, "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}", "VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": os.environ.get("DEBUG", "0"),
        "SECRET_KEY": os.environ.get("SECRET_KEY", secrets.token_urlsafe(50)),
        "SECURE_SSL_REDIRECT": "0",  # plain http on loopback; no proxy in front
    }
    load_before = os.getloadavg()
    urls = prepare(env)
    log = open(var_dir / "server.log", "a")
    server = servers.start(servers.daphne_command(args.port), args.port, env, log, WAIT)
    try:
        rounds = uvloop.run(measure(args, f"http://127.0.0.1:{args.port}", urls))
    finally:
        server.terminate()
        server.wait(timeout=10)
    load_after = os.getloadavg()

    def total(kind):
        requests = sum(one[kind]["requests"] for one in rounds)
        per_s = sum(one[kind]["per_s"] for one in rounds) / len(rounds)
        return requests, round(per_s, 1)

    figures = {
        "pages": urls["pages"],
        "static": urls["static"],
        "concurrency": args.concurrency,
        "seconds_per_phase": args.seconds,
        "debug": env["DEBUG"] not in ("", "0"),
        "static_per_s": total("static")[1],
        "pages_per_s": total("pages")[1],
        "uncached_pages_per_s": total("uncached")[1],
        "pages_p99_ms": max(one["pages"]["p99_ms"] for one in rounds),
        "static_p99_ms": max(one["static"]["p99_ms"] for one in rounds),
        "uncached_p99_ms": max(one["uncached"]["p99_ms"] for one in rounds),
        "page_cache_hit_share": round(sum(one["pages"]["cache_hits"] for one in rounds) / max(total("pages")[0], 1), 3),
        "failures": [one[kind]["failures"] for one in rounds for kind in ("static", "pages", "uncached") if one[kind]["failures"]],
        "rounds": rounds,
        "load_average": [round(value, 2) for value in (*load_before, *load_after)],
    }
    figures["pages_to_static"] = round(figures["pages_per_s"] / max(figures["static_per_s"], 0.1), 2)
    figures["uncached_to_static"] = round(figures["uncached_pages_per_s"] / max(figures["static_per_s"], 0.1), 2)
    print(f"\none daphne process, DEBUG {figures['debug']}, {args.concurrency} requests in flight, "
          f"{args.seconds:g} s per phase, two rounds; load average before {figures['load_average'][:3]}, "
          f"after {figures['load_average'][3:]}")
    print(f"{'':34}{'per s':>10}{'p99 ms':>10}{'to static':>11}")
    print(f"{'static file ' + urls['static'][-24:]:34}{figures['static_per_s']:>10}{figures['static_p99_ms']:>10}{1:>11.2f}")
    print(f"{'pages, anonymous (page cache)':34}{figures['pages_per_s']:>10}{figures['pages_p99_ms']:>10}"
          f"{figures['pages_to_static']:>11.2f}")
    print(f"{'pages, rendered (cache bypassed)':34}{figures['uncached_pages_per_s']:>10}{figures['uncached_p99_ms']:>10}"
          f"{figures['uncached_to_static']:>11.2f}")
    print(f"page-cache hits {figures['page_cache_hit_share']:.1%} of anonymous page requests; failures {figures['failures']}")
    print_last_line(figures)


if __name__ == "__main__":
    main(parse_args())
