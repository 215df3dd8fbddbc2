#!/usr/bin/env python3
"""Writes a users CSV for the myapp-pipeline benchmark: N rows, about 1.5% of them invalid in one of the
ways the cleaning rules reject, plus the CSV syntax real exports carry (quoted names with commas and
quotes, non-ASCII names, offsets, a few repeated ids). Deterministic: the same N gives the same file.

    generate_users.py <rows> <path>
"""
import random
import sys

FIRST = ["Ada", "Grace", "Linus", "Zoë", "José", "Åsa", "Chloé", "Dmitri", "Aiko", "Nnamdi", "Siobhán", "Ólafur"]
LAST = ["Lovelace", "Hopper", "Torvalds", "O'Neil", "Müller", "García", "Tanaka", "Okafor", "Nguyễn", "Smith"]
INVALID = [
    lambda r: r.update(email="not-an-email"),
    lambda r: r.update(email="two@@example.com"),
    lambda r: r.update(name="   "),
    lambda r: r.update(name="x" * 101),
    lambda r: r.update(id=""),
    lambda r: r.update(created_at="2024-13-45"),
    lambda r: r.update(created_at="2024-05-01 10:00:00"),  # no offset
]


def quote(field: str) -> str:
    if any(c in field for c in ',"\r\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def main() -> None:
    rows, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261127)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("id,email,name,created_at,source\n")
        for n in range(rows):
            # About 1% of ids repeat an earlier one: the last valid row wins.
            ident = f"u{rng.randrange(n)}" if n > 100 and rng.random() < 0.01 else f"u{n}"
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name = f"{last}, {first}" if rng.random() < 0.05 else f"{first} {last}"
            if rng.random() < 0.01:
                name = f'{first} "{last[:3]}" {last}'
            day, sec = rng.randrange(1, 29), rng.randrange(86400)
            offset = "Z" if rng.random() < 0.8 else rng.choice(["+02:00", "-05:00", "+05:30"])
            row = {
                "id": ident,
                "email": (f"  {first}.{last}{n}@Example.COM " if rng.random() < 0.1 else f"{first}.{last}{n}@example.com").replace("'", ""),
                "name": name,
                "created_at": f"2024-{rng.randrange(1, 13):02d}-{day:02d}T{sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}{offset}",
                "source": rng.choice(["web", "import", "mobile"]),
            }
            if rng.random() < 0.015:
                rng.choice(INVALID)(row)
            out.write(",".join(quote(row[k]) for k in ("id", "email", "name", "created_at", "source")) + "\n")


if __name__ == "__main__":
    main()
