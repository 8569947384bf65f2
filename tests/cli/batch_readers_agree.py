"""batch reads a plain line with its flat scanner (no allocation) and leaves anything else to jansson
(cli/batch.c). The two readers must give the same answer to the same question: each generated line
is sent once as written, where the scanner reads it, and once with one key written with a \\u escape,
which only jansson reads. Lines mix known and unknown fields, every JSON type in every field, ids of
every kind, repeated fields and what-if MCI values; every pair of answers must be byte for byte equal.
Usage: batch_readers_agree.py KZPENALTY"""
import json
import random
import re
import subprocess
import sys

kzp = sys.argv[1]
rng = random.Random(1615)
FIELDS = ["op", "article", "date", "mci_count", "kind", "amount", "from", "to", "rule", "mitigated", "accelerated",
          "order_procedure", "allow_stale", "strict", "purpose", "mci"]
GOOD = {"op": ["range", "fine", "check", "convert", "mci"], "article": ["115-1", "999"],
        "date": ["2026-02-10", "10.02.2026", "2025-09-15", "2027-01-01", "2026-02-30"],
        "mci_count": ["150", "0.2", "12,5", 200, -5, "abc"], "kind": ["fine", "arrest", "community_service", "x"],
        "amount": ["30", 150, "1.5"], "from": ["fine"], "to": ["arrest"], "rule": ["unpaid-fine", "bogus"],
        "purpose": ["fines", "benefits", "other"], "mci": [5000, 4325, -1, 0]}
ODD = [None, True, False, 0, -0, 123456789012345678, 1.5, 1e3, "", "Ωмега ₸", [], {}, [1, {"a": None}]]


def value(field):
    if field in ("mitigated", "accelerated", "order_procedure", "allow_stale", "strict"):
        return rng.choice([True, False, None, 1, "true"])
    return rng.choice(GOOD.get(field, ODD)) if rng.random() < 0.8 else rng.choice(ODD)


def escaped_key(text, key):
    """text with the first occurrence of the key "key" written with its first letter as a \\u escape."""
    plain = json.dumps(key)
    return text.replace(plain + ":", '"\\u%04x' % ord(key[0]) + plain[2:] + ":", 1)


pairs = []
for i in range(1500):
    q = {}
    if rng.random() < 0.8:
        q["id"] = rng.choice([i, f"q{i}", None, 1.25, [i, "x"], {"n": i}, 2 ** 70, "\u0001"])
    if rng.random() < 0.6:  # a question as a clerk writes it, with the flags it may carry
        date = rng.choice(["2026-02-10", "10.02.2026", "2025-11-03", "2026-12-31", "2025-09-16"])
        q.update(rng.choice([
            {"op": "range", "article": "115-1", "date": date},
            {"op": "fine", "mci_count": rng.choice(["150", "0.2", "12,5", 200, "199.99"]), "date": date},
            {"op": "check", "article": "115-1", "kind": "arrest", "amount": rng.choice(["30", 60]), "date": date},
            {"op": "convert", "amount": "150", "from": "fine", "to": "arrest"},
            {"op": "mci", "date": date, "purpose": rng.choice(["fines", "benefits"])}]))
        for f in ("mitigated", "accelerated", "order_procedure", "allow_stale"):
            if rng.random() < 0.3:
                q[f] = rng.choice([True, False, None])
        if rng.random() < 0.1:
            q["mci"] = rng.choice([5000, 4325])
    else:
        for f in rng.sample(FIELDS, rng.randint(1, 6)):
            q[f] = value(f)
    if rng.random() < 0.1:
        q[rng.choice(["unknown", "Op", "ids"])] = 1
    text = json.dumps(q, ensure_ascii=rng.random() < 0.5, separators=(",", ":") if i % 2 else (", ", ": "))
    if rng.random() < 0.05:  # a repeated field: jansson refuses it, whichever reader saw it first
        text = text[:-1] + ', "op": "fine"}'
    key = next(iter(q))
    other = escaped_key(text, key)
    assert other != text, text
    pairs.append((text, other))

answers = []
for variant in (0, 1):
    lines = "".join(p[variant] + "\n" for p in pairs)
    out = subprocess.run([kzp, "batch", "--date", "2026-03-01"], input=lines.encode(), capture_output=True)
    answers.append(out.stdout.decode().splitlines())
assert len(answers[0]) == len(answers[1]) == len(pairs), [len(a) for a in answers]
for n, (a, b) in enumerate(zip(*answers)):
    # jansson's column of a repeated key is where it stands in the text, and the escape moved it by 5
    if 'duplicate object key' in a:
        a, b = re.sub(r"\(column \d+\)", "", a), re.sub(r"\(column \d+\)", "", b)
    if a != b:
        sys.exit(f"line {n + 1}: the scanner's answer differs from jansson's\n  {pairs[n][0]}\n  {a[:300]}\n  {b[:300]}")
errors = sum('"error"' in a for a in answers[0])
print(f"batch_readers_agree: {len(pairs)} lines answered alike by both readers ({errors} errors among them)")
