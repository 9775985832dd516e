#!/usr/bin/env bash
# Bounce qualification benchmark (issue 4): accuracy through the corpus' own score.py, mail level
# and line level, then throughput (parse + classify, one thread, Release, corpus repeated to at
# least 10,000 mails) with peak RSS. The last line is the summary.
# Usage: bench/bounces.sh [CORPUS_DIR]   (default ../shared/corpus/bounces, else tests/data/bounces)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$repo/../shared/corpus/bounces}"
[ -f "$corpus/expected.jsonl" ] || corpus="$repo/tests/data/bounces"
out="$repo/bench/out"
mkdir -p "$out"

dotnet build -c Release "$repo/src/MxPortal.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$repo/bench/BounceBench" -v q -nologo >/dev/null
cli="$repo/src/MxPortal.Cli/bin/Release/net10.0/mxportal"

# Mail level: run from the corpus folder so the "file" keys read eml/NAME.eml like expected.jsonl.
(cd "$corpus" && "$cli" classify eml/*.eml) > "$out/mails.jsonl"
python3 "$corpus/score.py" "$out/mails.jsonl" "$corpus/expected.jsonl" | tee "$out/mails.score"
mail_line="$(tail -n 1 "$out/mails.score")"

# Line level: one diagnostic text per stdin line; the line number maps back to the line id.
python3 - "$corpus/smtp-lines.jsonl" > "$out/lines.txt" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        print(" ".join(json.loads(line)["text"].split()))
PY
"$cli" classify --lines < "$out/lines.txt" > "$out/lines.raw.jsonl"
python3 - "$corpus/smtp-lines.jsonl" "$out/lines.raw.jsonl" > "$out/lines.jsonl" <<'PY'
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
for line in open(sys.argv[2], encoding="utf-8"):
    o = json.loads(line)
    o["id"] = ids[o["line"] - 1]
    print(json.dumps(o))
PY
python3 "$corpus/score.py" "$out/lines.jsonl" "$corpus/smtp-lines.jsonl" | tee "$out/lines.score"
lines_line="$(tail -n 1 "$out/lines.score")"

dotnet "$repo/bench/BounceBench/bin/Release/net10.0/BounceBench.dll" "$corpus/eml" 10000 | tee "$out/throughput.txt"
tp_line="$(tail -n 1 "$out/throughput.txt")"

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
echo "reason_accuracy=$(field reason_accuracy "$mail_line") type_accuracy=$(field type_accuracy "$mail_line")" \
     "lines_reason_accuracy=$(field reason_accuracy "$lines_line")" \
     "mails_per_s=$(field mails_per_s "$tp_line") peak_rss_mb=$(field peak_rss_mb "$tp_line")"
