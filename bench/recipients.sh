#!/usr/bin/env bash
# Recipient import benchmark (issue 5): a generated CSV of ROWS rows (default 1,000,000; 1 in 1,000 has a bad
# address, 1 in 500 a quoted field over two lines) streamed through RecipientCsvReader, rendering the message
# template for every 10th recipient. Release build. The last line is the summary.
# Usage: bench/recipients.sh [ROWS]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build -c Release "$repo/bench/RecipientsBench" -v q -nologo >/dev/null
dotnet "$repo/bench/RecipientsBench/bin/Release/net10.0/RecipientsBench.dll" "${1:-1000000}"
