#!/usr/bin/env bash
# Recipients page query benchmark: generates bench/out/recipient-list.db once (a 1,000,000-recipient delivery in the
# middle of its run, between two deliveries of 100,000; --regen to rebuild it), then times RecipientListQuery, the
# page's own query class: first page and page 1,000 of each filter (50 rows a page, list order), p50/p95 per query.
# With --postgres CONNECTION_STRING, the same against that PostgreSQL database (a dedicated one: migrated, and seeded by
# COPY unless it holds the data set already; --regen empties its deliveries and seeds again).
# The last line is the summary.
# Usage: bench/recipient-list.sh [--postgres CS] [--regen] [--runs N] [--only TEXT] [--sql] [--explain SQL] [--no-address-index]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/bench/out"
mkdir -p "$out"
result="$out/recipient-list.txt"
[[ " $* " == *" --postgres "* ]] && result="$out/recipient-list-postgres.txt"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet build -c Release "$repo/bench/RecipientListBench" -v q -nologo >/dev/null
dotnet "$repo/bench/RecipientListBench/bin/Release/net10.0/RecipientListBench.dll" "$out/recipient-list.db" "$@" | tee "$result"
