#!/usr/bin/env python3
"""Writes the synthetic 'mixed' test scenario: several dyads over ~40 days, with duplicates, domestic events,
out-of-order and too-late events, Goldstein overrides and confidences. Deterministic (seeded).

Its expected scores and alerts are computed by the reference, never by escmon:
    python3 tools/make-mixed-scenario.py > testkit/src/main/resources/golden/mixed.jsonl
    python3 ../shared/tools/refscore.py testkit/src/main/resources/golden/mixed.jsonl \
        --scores testkit/src/main/resources/golden/mixed.scores.jsonl \
        --alerts testkit/src/main/resources/golden/mixed.alerts.jsonl
"""
import json
import random
from datetime import datetime, timedelta, timezone

rng = random.Random(20240118)
actors = ["IRN", "PAK", "IRQ", "ISR", "LBN", "HZB", "USA", "SYR"]
dyads = [("IRN", "PAK"), ("ISR", "LBN"), ("HZB", "ISR"), ("IRQ", "USA"), ("SYR", "USA"), ("IRN", "ISR")]
hostile = ["190", "195", "1951", "183", "180", "173", "172", "1711", "200", "145"]
mild = ["111", "112", "130", "138", "1384", "161", "163"]
coop = ["040", "041", "042", "043", "050", "051", "057", "061", "0231", "081"]
start = datetime(2024, 3, 1, tzinfo=timezone.utc)
events = []
t = start
for i in range(260):
    t += timedelta(minutes=rng.choice([5, 30, 45, 90, 180, 240, 600]))
    a, b = rng.choice(dyads)
    src, dst = (a, b) if rng.random() < 0.5 else (b, a)
    r = rng.random()
    code = rng.choice(hostile if r < 0.45 else mild if r < 0.7 else coop)
    ev = {"id": "mx-%03d" % i, "occurredAt": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "source": src, "target": dst,
          "cameo": code}
    if code in hostile and rng.random() < 0.5:
        ev["fatalities"] = rng.choice([0, 1, 3, 12, 40])
    if rng.random() < 0.2:
        ev["confidence"] = rng.choice([0.34, 0.67, 1])
    if rng.random() < 0.05:
        ev["goldstein"] = rng.choice([-9.5, -6.0, 3.5, 8.0])
    if rng.random() < 0.3:
        ev["summary"] = "%s %s %s" % (src, code, dst)
    events.append(ev)

out = []
for i, ev in enumerate(events):
    out.append(ev)
    if i % 23 == 5:  # the same event again, a little later in the stream: a duplicate
        out.append(dict(ev))
    if i % 31 == 7:  # a domestic event
        d = dict(ev, id=ev["id"] + "-dom", target=ev["source"])
        out.append(d)
    if i % 17 == 3 and i > 20:  # an out-of-order event from a few hours before
        late = datetime.strptime(ev["occurredAt"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) - timedelta(hours=rng.choice([2, 7, 30]))
        out.append(dict(ev, id=ev["id"] + "-ooo", occurredAt=late.strftime("%Y-%m-%dT%H:%M:%SZ")))
    if i in (120, 200):  # an event far older than its dyad's window: too late
        old = datetime.strptime(ev["occurredAt"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) - timedelta(days=20)
        out.append(dict(ev, id=ev["id"] + "-old", occurredAt=old.strftime("%Y-%m-%dT%H:%M:%SZ")))
for ev in out:
    print(json.dumps(ev))
