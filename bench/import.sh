#!/usr/bin/env bash
# Recipient import benchmark (issue 5): ROWS generated CSV rows (default 1,000,000) imported into a fresh SQLite store
# through RecipientImporter, the service behind the portal's upload and `mxportal deliver import`. Release build.
# Extra arguments go to the store's configuration, e.g. --Database:Provider Postgres --Database:ConnectionString CS.
# The last line is the summary: rows=… rows_per_s=… peak_rss_mb=… (target: peak under 500 MB).
# Usage: bench/import.sh [ROWS] [--Key value ...]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build -c Release "$repo/bench/ImportBench" -v q -nologo >/dev/null
dotnet "$repo/bench/ImportBench/bin/Release/net10.0/ImportBench.dll" "${1:-1000000}" "${@:2}"
