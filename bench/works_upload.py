"""Benchmark: a daphne process's peak memory while it takes a culture works video (docs/uploads.md).

    .venv/bin/python bench/works_upload.py --sizes 1 50 150

Migrates its own SQLite database (var/bench-works-upload), makes a call for works and a verified
member of a unit, starts one daphne process on 127.0.0.1 as in production (`DEBUG=0`,
`config.server`), and streams to the works upload URL one multipart entry per size in `--sizes`
(megabytes; the first is the reference), each after resetting the process's peak RSS
(/proc/<pid>/clear_refs). Prints per upload the status, the seconds taken and the peak RSS above
the resident size before it; as the last line one JSON object. The videos are deleted at the end.
Loopback only, bounded; Linux only.
"""
import argparse
import http.client
import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import servers

ROOT = Path(__file__).resolve().parents[1]
WAIT = 60
MB = 1024 * 1024
MP4_HEAD = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"

SETUP = """
import json, django
django.setup()
from datetime import timedelta
from django.contrib.sessions.backends.cached_db import SessionStore
from django.utils import timezone
from base.models import HomePage
from core.accounts.models import User
from core.organisations.models import Membership, Region, Town, Unit
from works.models import Criterion, WorksCallPage

call = WorksCallPage.objects.filter(slug="bench-works").first()
if call is None:
    call = WorksCallPage(title="bench", slug="bench-works", deadline=timezone.now() + timedelta(days=3650),
                         entries_per_unit=10000)
    HomePage.objects.get(depth=2).add_child(instance=call)
    Criterion.objects.create(call=call, name="theme", maximum=100)
    call.save_revision().publish()
town, _ = Town.objects.get_or_create(region=Region.objects.get_or_create(name="bench")[0], name="bench")
unit, _ = Unit.objects.get_or_create(town=town, name="bench unit")
user, _ = User.objects.get_or_create(username="bench-sender", defaults={"phone": "+8613800000001", "phone_verified": True})
Membership.objects.get_or_create(user=user, unit=unit, defaults={"status": "verified"})
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
print(json.dumps({"call": call.pk, "unit": unit.pk, "session": session.session_key}))
"""
# The uploaded videos land in the site's MEDIA_ROOT: removed with their entries after the run.
CLEANUP = """
import django
django.setup()
from works.entries import Entry, EntryFile
for item in EntryFile.objects.filter(entry__call__slug="bench-works"):
    item.file.delete(save=False)
Entry.objects.filter(call__slug="bench-works").delete()
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 50, 150], help="video sizes in MB")
    parser.add_argument("--port", type=int, default=8651)
    parser.add_argument("--app", default="config.server:application",
                        help="config.asgi:application: without config.server's changes (garbage-collector "
                             "tuning, daphne requests that leave form bodies unparsed)")
    return parser.parse_args()


def memory_kb(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")


def upload(port, setup, size):
    token = secrets.token_hex(16)
    boundary = secrets.token_hex(16)
    fields = {"csrfmiddlewaretoken": token, "unit": setup["unit"], "title": f"bench {size} MB",
              "category": "short_video", "authors": "bench", "description": "bench", "original": "on"}
    head = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                    for name, value in fields.items())
    head += (f'--{boundary}\r\nContent-Disposition: form-data; name="video"; filename="film.mp4"\r\n'
             "Content-Type: video/mp4\r\n\r\n").encode() + MP4_HEAD
    tail = f"\r\n--{boundary}--\r\n".encode()
    padding = size * MB - len(MP4_HEAD)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    started = time.perf_counter()
    connection.putrequest("POST", f"/upload/works/{setup['call']}/")
    connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
    connection.putheader("Content-Length", str(len(head) + padding + len(tail)))
    connection.putheader("Cookie", f"sessionid={setup['session']}; csrftoken={token}")
    connection.endheaders()
    connection.send(head)
    block = b"\x00" * MB
    left = padding
    while left > 0:
        connection.send(block[:min(MB, left)])
        left -= MB
    connection.send(tail)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, time.perf_counter() - started


def main(args):
    var_dir = ROOT / "var" / "bench-works-upload"
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ, "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}", "VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "0", "SECURE_SSL_REDIRECT": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", secrets.token_urlsafe(50)),
        "WORKS_VIDEO_MAX_MB": str(max(args.sizes) + 1),
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env,
                   check=True)
    out = subprocess.run([sys.executable, "-c", SETUP], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    setup = json.loads(out.stdout.strip().splitlines()[-1])
    log = open(var_dir / "server.log", "a")
    server = servers.start(servers.daphne_command(args.port, args.app), args.port, env, log, WAIT)
    rows = []
    try:
        upload(args.port, setup, 1)  # warm up: imports, first queries
        for size in args.sizes:
            before = memory_kb(server.pid, "VmRSS")
            Path(f"/proc/{server.pid}/clear_refs").write_text("5")  # reset the peak to the current size
            status, seconds = upload(args.port, setup, size)
            peak = memory_kb(server.pid, "VmHWM")
            rows.append({"size_mb": size, "status": status, "seconds": round(seconds, 2),
                         "rss_before_mb": round(before / 1024, 1), "peak_above_mb": round((peak - before) / 1024, 1)})
    finally:
        server.terminate()
        server.wait(timeout=10)
        subprocess.run([sys.executable, "-c", CLEANUP], cwd=ROOT, env=env, check=True)
    reference = rows[0]
    print(f"\none daphne process ({args.app}), DEBUG 0; reference: a {reference['size_mb']} MB video")
    print(f"{'video MB':>9}{'status':>8}{'seconds':>9}{'RSS before MB':>15}{'peak above MB':>15}{'peak / size':>13}")
    for row in rows:
        print(f"{row['size_mb']:>9}{row['status']:>8}{row['seconds']:>9}{row['rss_before_mb']:>15}"
              f"{row['peak_above_mb']:>15}{row['peak_above_mb'] / row['size_mb']:>13.2f}")
    print(json.dumps({"app": args.app, "uploads": rows}))


if __name__ == "__main__":
    main(parse_args())
