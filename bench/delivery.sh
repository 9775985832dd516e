#!/usr/bin/env bash
# MxPortal's delivery engine against Postfix on the shared harness (../shared/bench, read its README and
# CSHARP-ENGINE.md): the same N messages (~2 KB, skewed over the test domains), the same dnsmasq and smtp-sink MX
# hosts on 127.0.0.x, the same throttle profiles; R alternating runs per engine and profile; medians.
#
#   bench/delivery.sh [-n 20000] [--reps 3] [--profiles 'unthrottled throttled'] [--quarantine N] [--transport Native|MailKit]
#
# --quarantine N seeds N quarantine records and N/10 suppression entries into each MxPortal store after the import
# (bench/seed-quarantine.py; none names a workload recipient), so the claim-time check runs against filled tables.
# --transport sets MxPortal's Sending:Transport (default: the configured default, Native).
#
# MxPortal runs headless: `mxportal deliver import` loads the workload into its SQLite store (untimed), then
# `mxportal deliver run` is timed from process start until the sinks accepted N (same engine, rules and store as
# the portal). budget_violations counts MxPortal throttled runs whose connections per destination, as sampled at
# the sinks by the harness (connmon.py, every 50 ms), exceeded MAX_CONN_PER_DEST.
# Last line: mxportal_msgs_per_s=… postfix_msgs_per_s=… ratio=… budget_violations=… peak_rss_mb=…
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
shared=${MXPORTAL_SHARED_BENCH:-$repo/../shared/bench}
n=20000 reps=3 profiles="unthrottled throttled" quarantine=0 transport=""
while [[ $# -gt 0 ]]; do
  case $1 in
    -n) n=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --profiles) profiles=$2; shift 2 ;;
    --quarantine) quarantine=$2; shift 2 ;;
    --transport) transport=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -x $shared/bench-engine.sh ]] || { echo "shared bench harness not found at $shared" >&2; exit 2; }
export BENCH_RUN_DIR=${BENCH_RUN_DIR:-${TMPDIR:-/tmp}/mxportal-bench}
out=$BENCH_RUN_DIR/results/delivery-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
# Note: the harness prints Postfix's version with the system postconf, which fails without a main.cf when Postfix
# was installed with "No configuration" (as ./test.sh does). An empty one only gives postconf its defaults.
[[ -f /etc/postfix/main.cf ]] || touch /etc/postfix/main.cf
# Note: published ReadyToRun (precompiled, as the CLI ships): a JIT-only build spends ~3 s of CPU more at each start.
cli_dir=$BENCH_RUN_DIR/cli
dotnet publish "$repo/src/MxPortal.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$cli_dir" -nologo -v quiet >/dev/null
cli="dotnet $cli_dir/mxportal.dll"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

for rep in $(seq "$reps"); do
  for profile in $profiles; do
    db=$BENCH_RUN_DIR/store-$profile-$rep.db
    rm -f "$db" "$db-wal" "$db-shm"
    seed=""
    [[ $quarantine -gt 0 ]] && seed=" && python3 '$here/seed-quarantine.py' '$db' $quarantine"
    "$shared/bench-engine.sh" -n "$n" --profile "$profile" --label "mxportal-$profile" --out "$out" --timeout 1800 \
      --prepare "$cli deliver import \"\$BENCH_WORKLOAD_DIR\" --Database:ConnectionString 'Data Source=$db'$seed" \
      -- $cli deliver run --Database:ConnectionString "Data Source=$db" ${transport:+--Sending:Transport "$transport"} >&2
    "$shared/bench-postfix.sh" --mode delivery -n "$n" --profile "$profile" --label "postfix-$profile" --out "$out" >&2
  done
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$out" "$profiles" "$load_before" "$load_after" "${transport:-default}" <<'PY'
import glob, json, statistics, sys
out, profiles = sys.argv[1], sys.argv[2].split()
print(f"load average (1/5/15 min): before {sys.argv[3]}, after {sys.argv[4]}; mxportal transport: {sys.argv[5]}")
runs = [json.load(open(f)) for f in sorted(glob.glob(out + "/*.json"))]
def med(label, key):
    values = [r[key] for r in runs if r["label"] == label and r.get("status") == "complete" and r.get(key) is not None]
    return statistics.median(values) if values else float("nan")
def per5000(label):
    values = [r["cpu_s"] * 5000 / r["delivered"] for r in runs if r["label"] == label and r.get("status") == "complete" and r.get("delivered")]
    return statistics.median(values) if values else float("nan")
for p in profiles:
    print(f"{p}: mxportal {med('mxportal-' + p, 'msgs_per_s'):.0f} msg/s, postfix {med('postfix-' + p, 'msgs_per_s'):.0f} msg/s, "
          f"mxportal peak rss {med('mxportal-' + p, 'max_rss_single_mb'):.0f} MB, "
          f"cpu s per 5000 msgs: mxportal {per5000('mxportal-' + p):.1f}, postfix {per5000('postfix-' + p):.1f}, "
          f"max conns/domain mxportal {max((max(r['max_conn_per_domain'].values()) for r in runs if r['label'] == 'mxportal-' + p and r.get('max_conn_per_domain')), default=0)}, "
          f"busy cores {med('mxportal-' + p, 'machine_busy_cores'):.2f}")
violations = sum(1 for r in runs if r["label"] == "mxportal-throttled" and not r.get("throttle_ok", False))
incomplete = sum(1 for r in runs if r["label"].startswith("mxportal") and r.get("status") != "complete")
headline = profiles[0]
mx, pf = med("mxportal-" + headline, "msgs_per_s"), med("postfix-" + headline, "msgs_per_s")
rss = max((r.get("max_rss_single_mb") or 0) for r in runs if r["label"].startswith("mxportal"))
print(f"results: {out} ({len(runs)} runs, {incomplete} MxPortal runs incomplete)")
print(f"mxportal_msgs_per_s={mx:.0f} postfix_msgs_per_s={pf:.0f} ratio={mx / pf:.2f} budget_violations={violations} peak_rss_mb={rss:.0f}")
PY
