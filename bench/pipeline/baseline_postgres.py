#!/usr/bin/python3
"""The PostgreSQL Python baseline for the myapp-pipeline benchmark: the same cleaning rules as
baseline.py, loaded the way a Python data engineer would with psycopg2 — execute_values with
page_size=10000, one transaction per batch of 10,000, the same upsert (the last row of an id in a
batch wins, since one statement may not change a row twice), and the same reject file.

    baseline_postgres.py <input.csv> <libpq connection string> <rejects.csv>
"""
import csv
import sys
import time

import psycopg2
import psycopg2.extras

from baseline import BATCH, clean

UPSERT = """INSERT INTO users (id, email, name, created_at) VALUES %s
ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, created_at = excluded.created_at"""


def main() -> None:
    source, dsn, rejects_path = sys.argv[1:4]
    start = time.perf_counter()
    db = psycopg2.connect(dsn)
    with db, db.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS users (id text PRIMARY KEY, email text NOT NULL, name text NOT NULL, created_at timestamptz NOT NULL)")
    read = loaded = rejected = 0
    batch = {}

    def commit(rows):
        nonlocal loaded
        with db, db.cursor() as cursor:
            psycopg2.extras.execute_values(cursor, UPSERT, list(batch.values()), page_size=10_000)
        loaded += rows
        batch.clear()

    with open(source, encoding="utf-8-sig", newline="") as f, open(rejects_path, "w", encoding="utf-8", newline="") as r:
        rows = csv.reader(f)
        header = next(rows)
        lower = [h.strip().lower() for h in header]
        at = [lower.index(c) for c in ("id", "email", "name", "created_at")]
        rejects = csv.writer(r, lineterminator="\n")
        rejects.writerow(header + ["reason"])
        pending = 0
        for row in rows:
            read += 1
            fields = [row[i] if i < len(row) else "" for i in at]
            user, reason = clean(*fields)
            if user is None:
                rejects.writerow(row + [reason])
                rejected += 1
                continue
            batch.pop(user[0], None)  # the last row of an id wins, in its place in the batch
            batch[user[0]] = user
            pending += 1
            if pending == BATCH:
                commit(pending)
                pending = 0
        if batch:
            commit(pending)
    db.close()
    elapsed = time.perf_counter() - start
    print(f"read: {read}, loaded: {loaded}, rejected: {rejected}, elapsed: {elapsed:.3f} s, rows/s: {read / elapsed:.0f}")


if __name__ == "__main__":
    main()
