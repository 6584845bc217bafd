"""Server processes for the benchmarks: daphne on 127.0.0.1, started and waited for (bounded)."""
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def daphne_command(port, application="config.server:application"):
    return [sys.executable, "-m", "daphne", "-v", "0", "-e", f"tcp:port={port}:interface=127.0.0.1:backlog=1024",
            application]


def wait_until_listening(port, process, log, wait):
    """Return once 127.0.0.1:port accepts; kill the process and raise if it exits or `wait` s pass."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"server on port {port} exited; see {log.name}")
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"server on port {port} did not start")


def start(command, port, env, log, wait=60):
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    wait_until_listening(port, process, log, wait)
    return process
