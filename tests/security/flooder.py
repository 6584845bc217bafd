"""A hostile phone for test_flood_latency.py, run as its own process so that its sending does not
share an event loop (or a core's time slice) with the players being measured.

    python flooder.py <socket url> <origin> <stop file> [messages per second]

It connects, sends frames as fast as the rate says, reads what comes back, and when the server
closes the connection it reconnects and floods again (an attacker does not stop at one close),
until the stop file exists or 60 s have passed. It prints "ready" once the first connection is
open, and at the end one JSON line: frames sent, seconds, and per connection the frames sent and
seconds flooded until the close, the number of `rate_limited` errors received and the close code.
"""
import asyncio
import json
import os
import sys
import time

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

FRAMES = [
    json.dumps({"type": "clock.ping", "client_time": 1}),
    json.dumps({"type": "snapshot.request"}),
    json.dumps({"type": "player.answer", "index": 0, "choice": "A"}),
]
LIMIT_SECONDS = 60


async def flood_one_connection(url, origin, rate, stop_file, stats):
    connection = {"sent": 0, "seconds": 0.0, "rate_limited": 0, "rate_limited_before_close": False, "close_code": None}
    stats["connections"].append(connection)
    async with connect(url, origin=origin, open_timeout=10, close_timeout=2, max_queue=None) as socket:
        opened = time.monotonic()
        if len(stats["connections"]) == 1:
            print("ready", flush=True)

        async def read():
            async for text in socket:
                frame = json.loads(text)
                if frame.get("code") == "rate_limited":
                    connection["rate_limited"] += 1

        reader = asyncio.create_task(read())
        batch, pause = 10, 10 / rate
        try:
            while not os.path.exists(stop_file):
                started = time.monotonic()
                for _ in range(batch):
                    await socket.send(FRAMES[stats["sent"] % len(FRAMES)])
                    stats["sent"] += 1
                    connection["sent"] += 1
                await asyncio.sleep(max(0.0, pause - (time.monotonic() - started)))
        except ConnectionClosed:
            pass
        connection["seconds"] = time.monotonic() - opened
        try:
            await asyncio.wait_for(reader, timeout=5)
        except (ConnectionClosed, asyncio.TimeoutError):
            reader.cancel()
        connection["rate_limited_before_close"] = connection["rate_limited"] > 0
        connection["close_code"] = socket.close_code


async def main(url, origin, stop_file, rate):
    stats = {"sent": 0, "connections": []}
    started = time.monotonic()
    while not os.path.exists(stop_file) and time.monotonic() - started < LIMIT_SECONDS:
        await flood_one_connection(url, origin, rate, stop_file, stats)
    stats["seconds"] = time.monotonic() - started
    print(json.dumps(stats), flush=True)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    asyncio.run(main(arguments[0], arguments[1], arguments[2], float(arguments[3]) if len(arguments) > 3 else 500))
