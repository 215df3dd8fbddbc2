"""Posts new users through URL from several threads while the database restarts; prints how the API answered
and how long after the database was back the first 201 came.
   restart_recovery.py URL 'stop command' 'start command' [threads]"""
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter

url, stop_cmd, start_cmd = sys.argv[1], sys.argv[2], sys.argv[3]
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 8
answers = []  # (time answered, status)
lock = threading.Lock()
done = threading.Event()


def post():
    while not done.is_set():
        body = json.dumps({"email": f"restart-{uuid.uuid4().hex}@example.com", "name": "Restart"}).encode()
        request = urllib.request.Request(f"{url}/users", body, {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0  # no answer
        with lock:
            answers.append((time.monotonic(), status))


workers = [threading.Thread(target=post) for _ in range(threads)]
for worker in workers:
    worker.start()
time.sleep(2)
subprocess.run(stop_cmd, shell=True, check=True, stdout=subprocess.DEVNULL)
time.sleep(2)
subprocess.run(start_cmd, shell=True, check=True, stdout=subprocess.DEVNULL)
back = time.monotonic()
first = None
while time.monotonic() - back < 30 and first is None:
    time.sleep(0.01)
    with lock:
        first = next((at for at, status in answers if status == 201 and at > back), None)
time.sleep(1)
done.set()
for worker in workers:
    worker.join()
counts = Counter(status for _, status in answers)
print(f"first 201 {first - back:.2f} s after the database was back" if first else "no 201 within 30 s of the database's return")
print("responses: " + ", ".join(f"{status}: {count}" for status, count in sorted(counts.items())))
