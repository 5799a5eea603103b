#!/usr/bin/env python3
"""Writes a snapshot CSV with every column: CLIENTS clients x MONTHS months ending last month.

Usage: gen_snapshots.py CLIENTS MONTHS [--next-month] > file.csv  (deterministic: the same arguments give
the same file). With --next-month it writes only the month after those, this month: what a month of an
MSP's life adds, one row per client, for the same client names.
"""
import datetime
import random
import sys

clients, months = int(sys.argv[1]), int(sys.argv[2])
next_month = "--next-month" in sys.argv[3:]
rng = random.Random(43 if next_month else 42)
today = datetime.date.today()
last = (today.year * 12 + today.month - 1) - 1  # last month, as a month index
out = sys.stdout
out.write("client,month,new_tickets,reopened_tickets,admin_requests,escalations,invoices_issued,"
          "disputed_invoices,late_payments,avg_days_to_pay,revenue,delivery_cost,hours_spent,"
          "recommendations_made,recommendations_implemented,recommendations_ignored,security_incidents,endpoints\n")
for c in range(clients):
    name = "bench-client-%05d" % c
    endpoints = rng.randint(5, 400)
    for m in ([last + 1] if next_month else range(last - months + 1, last + 1)):
        made = rng.randint(0, 8)
        implemented = rng.randint(0, made)
        ignored = rng.randint(0, made - implemented)
        revenue = rng.randint(50000, 2000000) / 100
        out.write("%s,%04d-%02d,%d,%d,%d,%d,%d,%d,%d,%.2f,%.2f,%.2f,%.2f,%d,%d,%d,%d,%d\n" % (
            name, m // 12, m % 12 + 1, rng.randint(0, 200), rng.randint(0, 20), rng.randint(0, 30),
            rng.randint(0, 3), rng.randint(1, 4), rng.randint(0, 1), rng.randint(0, 2),
            rng.randint(0, 9000) / 100, revenue, revenue * rng.randint(30, 90) / 100,
            rng.randint(0, 20000) / 100, made, implemented, ignored, rng.randint(0, 3), endpoints))
