#!/usr/bin/env bash
# Quarantine, bounce log and dashboard query benchmark (issue 6): generates bench/out/queries.db once (1,000,000 bounce
# events over 200,000 addresses, 50,000 quarantine rows, provider-skewed domains; --regen to rebuild it), then times
# the portal's own queries (first page and page 1,000 of each list filter, sorted by date; each dashboard aggregate)
# and prints p50/p95 per query. The last line is the summary.
# Usage: bench/queries.sh [--regen] [--runs N] [--only TEXT]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/bench/out"
mkdir -p "$out"
dotnet build -c Release "$repo/bench/QueryBench" -v q -nologo >/dev/null
dotnet "$repo/bench/QueryBench/bin/Release/net10.0/QueryBench.dll" "$out/queries.db" "$@" | tee "$out/queries.txt"
