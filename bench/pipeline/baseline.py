#!/usr/bin/env python3
"""The Python baseline for the myapp-pipeline benchmark: the same cleaning rules, written the way a
Python data engineer would — the csv module, sqlite3 executemany in batches of 10,000 inside a
transaction each, the same upsert, and the same reject file (the original fields plus a reason and,
for a row whose field count differs from the header's, its text).

    baseline.py <input.csv> <database> <rejects.csv>
"""
import csv
import re
import sqlite3
import sys
import time
from datetime import datetime, timezone

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})$")
BATCH = 10_000
UPSERT = """INSERT INTO users (id, email, name, created_at) VALUES (?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, created_at = excluded.created_at"""


def clean(id_, email, name, created_at):
    id_ = id_.strip()
    if not 1 <= len(id_) <= 64:
        return None, "id is empty" if not id_ else "id is longer than 64 characters"
    email = email.strip().lower()
    if len(email) > 255:
        return None, "email is longer than 255 characters"
    if not EMAIL.match(email):
        return None, "email is not an e-mail address"
    name = name.strip()
    if not 1 <= len(name) <= 100:
        return None, "name is empty" if not name else "name is longer than 100 characters"
    text = created_at.strip()
    if not ISO.match(text):
        return None, "created_at is not an ISO 8601 date-time with Z or an offset"
    try:
        when = datetime.fromisoformat(text.replace("z", "Z")).astimezone(timezone.utc)
    except ValueError:
        return None, "created_at is not an ISO 8601 date-time with Z or an offset"
    return (id_, email, name, when.strftime("%Y-%m-%dT%H:%M:%S.%f0Z")), None


class Counts:
    read = rejected = 0


def clean_users(source, rejects_path, counts):
    """Yields the clean users of the CSV file, writing the rejected rows with their reasons; counts both."""
    with open(source, encoding="utf-8-sig", newline="") as f, open(rejects_path, "w", encoding="utf-8", newline="") as r:
        rows = csv.reader(f)
        header = next(rows)
        lower = [h.strip().lower() for h in header]
        at = [lower.index(c) for c in ("id", "email", "name", "created_at")]
        rejects = csv.writer(r, lineterminator="\n")
        rejects.writerow(header + ["reason", "raw"])
        for row in rows:
            counts.read += 1
            if len(row) != len(header):
                reason = f"expected {len(header)} fields (as in the header), found {len(row)}"
                rejects.writerow([""] * len(header) + [reason, ",".join(row)])
                counts.rejected += 1
                continue
            user, reason = clean(*[row[i] for i in at])
            if user is None:
                rejects.writerow(row + [reason, ""])
                counts.rejected += 1
            else:
                yield user


def main() -> None:
    source, database, rejects_path = sys.argv[1:4]
    start = time.perf_counter()
    db = sqlite3.connect(database, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY NOT NULL, email TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL)")
    counts, loaded, batch = Counts(), 0, []

    def commit():
        nonlocal loaded
        db.execute("BEGIN")
        db.executemany(UPSERT, batch)
        db.execute("COMMIT")
        loaded += len(batch)
        batch.clear()

    for user in clean_users(source, rejects_path, counts):
        batch.append(user)
        if len(batch) == BATCH:
            commit()
    if batch:
        commit()
    elapsed = time.perf_counter() - start
    print(f"read: {counts.read}, loaded: {loaded}, rejected: {counts.rejected}, elapsed: {elapsed:.3f} s, rows/s: {counts.read / elapsed:.0f}")


if __name__ == "__main__":
    main()
