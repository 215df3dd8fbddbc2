#!/usr/bin/env python3
"""Sends N POST /users requests with distinct e-mails all at once: N connections are opened first, then
every request is sent, so all N are in flight together. Prints how many answered each status code
and the seconds from the first request sent to the last response read.

    concurrent_posts.py <base-url> <count>
"""
import asyncio
import collections
import json
import sys
import time
import urllib.parse

base = urllib.parse.urlsplit(sys.argv[1])
count = int(sys.argv[2])


def request(n: int) -> bytes:
    body = json.dumps({"email": f"load-{n}@example.com", "name": f"Load {n}"}).encode()
    head = (f"POST /users HTTP/1.1\r\nHost: {base.netloc}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n")
    return head.encode() + body


async def send(n: int, connection) -> int:
    reader, writer = connection
    writer.write(request(n))
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    await reader.read()
    writer.close()
    return status


async def main() -> None:
    connections = []
    for first in range(0, count, 500):  # connect in waves so the listen backlog never overflows
        connections += await asyncio.gather(*(asyncio.open_connection(base.hostname, base.port) for _ in range(first, min(first + 500, count))))
    start = time.perf_counter()
    results = await asyncio.gather(*(send(n, c) for n, c in enumerate(connections)), return_exceptions=True)
    elapsed = time.perf_counter() - start
    statuses = collections.Counter(str(r) if isinstance(r, int) else type(r).__name__ for r in results)
    print(json.dumps({"statuses": dict(statuses), "seconds": round(elapsed, 2)}))


asyncio.run(main())
