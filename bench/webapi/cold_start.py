#!/usr/bin/env python3
"""Starts a published app in its own folder (its content root, where appsettings.json is) and times
how long until a URL first answers 200: from process start to the first 200, polling every 5 ms.
Prints milliseconds. The process is stopped afterwards.

    cold_start.py <url> <command> [args...]
"""
import http.client
import os
import subprocess
import sys
import time
import urllib.parse

url = urllib.parse.urlsplit(sys.argv[1])
start = time.perf_counter()
app = subprocess.Popen(sys.argv[2:], cwd=os.path.dirname(sys.argv[2]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    while True:
        if app.poll() is not None:
            sys.exit(f"{sys.argv[2]} exited with {app.returncode} before answering")
        try:
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=1)
            connection.request("GET", url.path)
            if connection.getresponse().status == 200:
                break
        except OSError:
            pass
        time.sleep(0.005)
    print(round((time.perf_counter() - start) * 1000))
finally:
    app.terminate()
    app.wait()
