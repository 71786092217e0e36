#!/usr/bin/env bash
# The figures of docs/performance.md for fabula batch, on the 100 LitBank novels:
#  1. one run with --jobs 2 under /usr/bin/time -v: wall time and peak memory (maximum resident set);
#  2. the same run killed (SIGKILL) halfway and resumed with --resume: checks that every novel is in the
#     output exactly once (exit 1 if not);
#  3. The Secret Garden through `fabula analyze`, whole process, with hyperfine if installed.
# Limits of the issue (60 s, 1 GB) are reported, and enforced only with STRICT=1 (a shared, busy
# machine must not fail CI on time). FABULA_NOVELS overrides the folder of novels.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
novels="$(cd "${FABULA_NOVELS:-$root/../shared/litbank/original}" && pwd)"
"$root/fabula" --version >/dev/null   # publishes the program when its sources changed
fabula=("$root/fabula")
work="$(mktemp -d /tmp/fabula-measure.XXXXXX)"
trap 'rm -rf "$work"' EXIT
total="$(find "$novels" -name '*.txt' | wc -l)"
mb="$(du -sm "$novels" | cut -f1)"

echo "## fabula batch, $total novels ($mb MB), --jobs 2, on $(nproc) cores"
/usr/bin/time -v "${fabula[@]}" batch "$novels" --jobs 2 --out "$work/all.jsonl" --quiet 2> "$work/time.txt"
grep '^fabula batch' "$work/time.txt"
wall="$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')"
peak_kb="$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')"
seconds="$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
echo "wall: $wall ($seconds s), peak memory: $((peak_kb / 1024)) MB"

echo "## killed halfway, then --resume"
"${fabula[@]}" batch "$novels" --jobs 2 --out "$work/cut.jsonl" --quiet 2>/dev/null &
pid=$!
half=$((total / 2))
while kill -0 "$pid" 2>/dev/null && [ "$( (wc -l < "$work/cut.jsonl") 2>/dev/null || echo 0)" -lt "$half" ]; do sleep 0.05; done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
before="$(wc -l < "$work/cut.jsonl")"
echo "killed with $before whole records written ($(tail -c 1 "$work/cut.jsonl" | od -An -c | tr -d ' ') as the last byte)"
"${fabula[@]}" batch "$novels" --jobs 2 --out "$work/cut.jsonl" --resume --quiet
ids="$(grep -o '^{"id":"[^"]*"' "$work/cut.jsonl" | cut -d'"' -f4 | LC_ALL=C sort)"
expected="$(cd "$novels" && find . -name '*.txt' | sed 's#^\./##' | LC_ALL=C sort)"
dupes="$(echo "$ids" | uniq -d | wc -l)"
if [ "$ids" != "$expected" ]; then
  echo "FAILED: after resuming, $(echo "$ids" | wc -l) records ($dupes ids twice) for $total novels" >&2
  diff <(echo "$expected") <(echo "$ids") | head >&2 || true
  exit 1
fi
echo "resumed: $total records, each novel exactly once"

garden="$novels/113_the_secret_garden.txt"
if [ -f "$garden" ] && command -v hyperfine >/dev/null; then
  echo "## The Secret Garden, fabula analyze (whole process: start-up, read, pipeline, JSON)"
  hyperfine --warmup 2 --runs 10 -N --style basic "${fabula[*]} analyze $garden --out $work/garden.json" 2>&1 | grep -E 'Time|Range'
fi

if [ "${STRICT:-0}" = 1 ]; then
  awk -v s="$seconds" 'BEGIN { exit !(s <= 60) }' || { echo "FAILED: $seconds s > 60 s" >&2; exit 1; }
  [ "$peak_kb" -le $((1024 * 1024)) ] || { echo "FAILED: peak $((peak_kb / 1024)) MB > 1 GB" >&2; exit 1; }
fi
