#!/usr/bin/env python3
"""Fills a bench store's quarantine and suppression list, as a portal that has been sending for a while has them:
N quarantine records over the workload's domains (60 % Quarantine, 25 % With errors, 5 % Denylisted, 10 % Allowlisted)
and N / 10 suppression entries (half addresses, half domains). None of them names a workload recipient (those are
NNNrcpt@domain), so every message is still sent and the run measures what the claim-time check costs on real tables.

    bench/seed-quarantine.py STORE.db N
"""
import sqlite3, sys

db, n = sys.argv[1], int(sys.argv[2])
domains = ["gmail.test", "yahoo.test", "outlook.test", "other.test", "deadmx.test"]
statuses = ["Quarantine"] * 12 + ["WithErrors"] * 5 + ["Denylisted"] + ["Allowlisted"] * 2
now = "2026-11-27 00:00:00"
con = sqlite3.connect(db)
con.executemany(
    'INSERT INTO "QuarantineRecords" ("Address", "Domain", "Status", "StatusSinceUtc", "Type", "Reason", "ErrorCount", "LastErrorUtc", "LastErrorText") '
    "VALUES (?, ?, ?, ?, 'Hard', 'UserUnknown', 1, ?, '550 5.1.1 User unknown')",
    ((f"held{i}@{domains[i % 5]}", domains[i % 5], statuses[i % 20], now, now) for i in range(n)))
con.executemany(
    'INSERT INTO "SuppressionEntries" ("Value", "Kind", "Source", "Comment", "CreatedUtc", "CreatedBy") VALUES (?, ?, \'Synced\', \'\', ?, \'bench\')',
    ((f"listed{i}@{domains[i % 5]}", "Address", now) if i % 2 == 0 else (f"blocked{i}.example", "Domain", now) for i in range(n // 10)))
con.commit()
print(f"seeded {n} quarantine records and {n // 10} suppression entries into {db}", file=sys.stderr)
