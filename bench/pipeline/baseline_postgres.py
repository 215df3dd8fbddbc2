#!/usr/bin/python3
"""The PostgreSQL Python baseline for the myapp-pipeline benchmark: the same cleaning rules as
baseline.py, loaded the way a Python data engineer would with psycopg2 — execute_values with
page_size=10000, one transaction per batch of 10,000, the same upsert (the last row of an id in a
batch wins, since one statement may not change a row twice), and the same reject file.

    baseline_postgres.py <input.csv> <libpq connection string> <rejects.csv>
"""
import sys
import time

import psycopg2
import psycopg2.extras

from baseline import BATCH, Counts, clean_users

UPSERT = """INSERT INTO users (id, email, name, created_at) VALUES %s
ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, created_at = excluded.created_at"""


def main() -> None:
    source, dsn, rejects_path = sys.argv[1:4]
    start = time.perf_counter()
    db = psycopg2.connect(dsn)
    with db, db.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS users (id text PRIMARY KEY, email text NOT NULL, name text NOT NULL, created_at timestamptz NOT NULL)")
    counts, loaded, pending, batch = Counts(), 0, 0, {}

    def commit():
        nonlocal loaded, pending
        with db, db.cursor() as cursor:
            psycopg2.extras.execute_values(cursor, UPSERT, list(batch.values()), page_size=10_000)
        loaded += pending
        pending = 0
        batch.clear()

    for user in clean_users(source, rejects_path, counts):
        batch.pop(user[0], None)  # the last row of an id wins, in its place in the batch
        batch[user[0]] = user
        pending += 1
        if pending == BATCH:
            commit()
    if batch:
        commit()
    db.close()
    elapsed = time.perf_counter() - start
    print(f"read: {counts.read}, loaded: {loaded}, rejected: {counts.rejected}, elapsed: {elapsed:.3f} s, rows/s: {counts.read / elapsed:.0f}")


if __name__ == "__main__":
    main()
