#!/usr/bin/env bash
# Per-message cost of the delivery engine's metrics (bench/MetricsBench): ns and bytes per message with nobody
# listening and with the OpenTelemetry SDK aggregating, on one thread.
#
#   bench/metrics.sh [messages]      (default 3,000,000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
echo "load average (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --project "$here/MetricsBench" -v quiet -- "$@"
