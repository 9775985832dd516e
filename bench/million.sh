#!/usr/bin/env bash
# A 1,000,000-recipient delivery, imported and sent to local sinks by the headless CLI (issue 5: peak memory under
# 500 MB). Uses the shared harness (../shared/bench: dnsmasq on 127.0.0.1:5353, smtp-sink MX hosts on 127.0.0.x:2525,
# the ~2 KB workload skewed over the test domains), unthrottled profile, SQLite store under $BENCH_RUN_DIR.
#
#   bench/million.sh [-n 1000000]
#   SINK_PORT=2625 DNS_PORT=5453 bench/million.sh   # other ports, e.g. beside a running bench/delivery.sh
#
# Prints, for the import (`mxportal deliver import`) and the send (`mxportal deliver run`) each: elapsed seconds,
# rows or messages per second, CPU seconds and peak RSS (the process' maximum resident set, from /usr/bin/time).
# Last line: recipients=… import_s=… import_rows_per_s=… import_peak_rss_mb=… send_s=… msgs_per_s=… send_peak_rss_mb=…
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
shared=${MXPORTAL_SHARED_BENCH:-$repo/../shared/bench}
n=1000000
while [[ $# -gt 0 ]]; do
  case $1 in
    -n) n=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -x $shared/sink.sh ]] || { echo "shared bench harness not found at $shared" >&2; exit 2; }
export BENCH_RUN_DIR=${BENCH_RUN_DIR:-${TMPDIR:-/tmp}/mxportal-million}
export SINK_PORT=${SINK_PORT:-2525} DNS_PORT=${DNS_PORT:-5353}
mkdir -p "$BENCH_RUN_DIR"
cli_dir=$BENCH_RUN_DIR/cli
dotnet publish "$repo/src/MxPortal.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$cli_dir" -nologo -v quiet >/dev/null
cli="dotnet $cli_dir/mxportal.dll"

cleanup() { "$shared/sink.sh" stop >/dev/null 2>&1 || true; "$shared/dns.sh" stop >/dev/null 2>&1 || true; }
trap cleanup EXIT
"$shared/sink.sh" stop; "$shared/dns.sh" stop
"$shared/dns.sh" start
"$shared/sink.sh" start
workload=$BENCH_RUN_DIR/workload
"$shared/workload.sh" -n "$n" --out "$workload" 2>/dev/null
db=$BENCH_RUN_DIR/store.db
rm -f "$db" "$db-wal" "$db-shm"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# /usr/bin/time -f: elapsed seconds, max RSS in KB, user and system CPU seconds
timed() { local out=$1; shift; /usr/bin/time -f "%e %M %U %S" -o "$out" "$@"; }

timed "$BENCH_RUN_DIR/import.time" $cli deliver import "$workload" --Database:ConnectionString "Data Source=$db" >"$BENCH_RUN_DIR/import.json"
read -r import_s import_kb import_user import_sys < "$BENCH_RUN_DIR/import.time"
BENCH_DNS=127.0.0.1:$DNS_PORT BENCH_SMTP_PORT=$SINK_PORT BENCH_THROTTLE_FILE=$shared/profiles/unthrottled.env \
  timed "$BENCH_RUN_DIR/send.time" $cli deliver run --Database:ConnectionString "Data Source=$db" >"$BENCH_RUN_DIR/send.json"
read -r send_s send_kb send_user send_sys < "$BENCH_RUN_DIR/send.time"
delivered=$(BENCH_RUN_DIR=$BENCH_RUN_DIR "$shared/sink.sh" count)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$n" "$import_s" "$import_kb" "$import_user" "$import_sys" "$send_s" "$send_kb" "$send_user" "$send_sys" "$delivered" \
  "$(cat "$BENCH_RUN_DIR/import.json")" "$(cat "$BENCH_RUN_DIR/send.json")" <<'PY'
import json, sys
n, import_s, import_kb, iu, isy, send_s, send_kb, su, ssy, delivered = sys.argv[1:11]
imported, sent = json.loads(sys.argv[11]), json.loads(sys.argv[12])
n, import_s, send_s = int(n), float(import_s), float(send_s)
print(f"import: {imported['recipients']} recipients in {import_s:.1f} s ({imported['recipients'] / import_s:.0f} rows/s), "
      f"cpu {float(iu) + float(isy):.1f} s, peak rss {int(import_kb) / 1024:.0f} MB")
print(f"send: {sent['sent']} sent, {sent['failed']} failed, {sent['deferred']} deferred in {send_s:.1f} s "
      f"({sent['sent'] / send_s:.0f} msgs/s), cpu {float(su) + float(ssy):.1f} s, peak rss {int(send_kb) / 1024:.0f} MB; sinks accepted {delivered}")
print(f"recipients={imported['recipients']} import_s={import_s:.1f} import_rows_per_s={imported['recipients'] / import_s:.0f} "
      f"import_peak_rss_mb={int(import_kb) / 1024:.0f} send_s={send_s:.1f} msgs_per_s={sent['sent'] / send_s:.0f} "
      f"send_peak_rss_mb={int(send_kb) / 1024:.0f}")
PY
