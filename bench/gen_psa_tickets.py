#!/usr/bin/env python3
"""Writes a ConnectWise PSA tickets export: ROWS tickets of CLIENTS clients over the year 2025.

Usage: gen_psa_tickets.py ROWS CLIENTS > file.csv  (deterministic: the same arguments give the same file;
1,000,000 × 2,000 is about 120 MB)
"""
import datetime
import random
import sys

rows, clients = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(15)
start = datetime.datetime(2025, 1, 1, 0, 0)
span = 365 * 24 * 60  # minutes in the year
boards = ["Service Desk"] * 6 + ["Projects", "Security", "Onboarding"]
types = ["Incident"] * 5 + ["Service Request", "Admin", "Problem", "Change"]
priorities = ["Priority 3 - Normal"] * 5 + ["Priority 2 - High", "Priority 4 - Low", "Escalated"]
statuses = ["Closed"] * 12 + ["Re-opened", "In Progress", "New"]
sources = ["Email", "Phone", "Portal", "Monitoring"]
names = ["bench-client-%05d" % c for c in range(clients)]
out = sys.stdout
out.write("id,summary,company,board,status,type,priority,source,dateEntered,closedDate\n")
# Opened in date order, as a PSA's export is sorted; the minute offsets are pre-drawn and sorted.
offsets = sorted(rng.randrange(span) for _ in range(rows))
for i, minute in enumerate(offsets):
    opened = start + datetime.timedelta(minutes=minute)
    status = rng.choice(statuses)
    closed = "" if status in ("In Progress", "New") else (
        opened + datetime.timedelta(minutes=rng.randrange(10, 6000))).strftime("%Y-%m-%dT%H:%M:%SZ")
    out.write("%d,VPN down %d,%s,%s,%s,%s,%s,%s,%s,%s\n" % (
        100000 + i, rng.randrange(1000), names[rng.randrange(clients)], rng.choice(boards), status,
        rng.choice(types), rng.choice(priorities), rng.choice(sources), opened.strftime("%Y-%m-%dT%H:%M:%SZ"), closed))
