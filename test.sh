#!/usr/bin/env bash
# Runs every MxPortal test: unit, data (SQLite and a throw-away PostgreSQL), HTTP, component (bunit) and browser
# (Playwright + Debian's Chromium) tests. Installs the Debian packages the tests need when they are missing.
# Prints a plain "N passed, N failed" line at the end and exits non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")"

packages=(chromium postgresql dnsmasq-base postfix dovecot-imapd dovecot-pop3d)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages the tests need: ${missing[*]}"
  # The tests start their own throw-away servers on free loopback ports; keep apt from starting system services.
  added_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null && $sudo chmod +x /usr/sbin/policy-rc.d && added_policy=1
  fi
  echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  [ -z "$added_policy" ] || $sudo rm -f /usr/sbin/policy-rc.d
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$(pwd)/TestResults"
rm -rf "$results"
dotnet build MxPortal.sln -c Debug -nologo -v quiet

status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# The runner's own summary is per project; add them up from the TRX counters.
python3 - "$results" <<'PY'
import glob, re, sys
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    m = re.search(r'<Counters [^>]*>', open(f, encoding="utf-8").read())
    if not m:
        continue
    c = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
exit $status
