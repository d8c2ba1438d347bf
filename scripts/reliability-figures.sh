#!/usr/bin/env bash
# Runs the reliability tests (trait Category=Reliability) and sums the figures they print:
# faults injected, timeouts retried, server crashes, bad inputs tried, fuzz iterations, interleavings, property runs,
# and data lost (which must be 0). docs/RELIABILITY.md quotes the output of the last run.
# Usage: scripts/reliability-figures.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
for project in tests/SegmentSync.Plugins.Tests tests/SegmentSync.Client.Tests; do
  dotnet test "$project" "$@" --filter "Category=Reliability" --logger "console;verbosity=detailed" >>"$log" 2>&1 || status=$?
done

(grep -Eo '\[figures\] [a-z-]+=[0-9]+' "$log" || true) | sed 's/\[figures\] //' \
  | awk -F= '{ sum[$1] += $2 } END { for (k in sum) printf "%-18s %d\n", k, sum[k] }' | sort
passed=$( (grep -Eo 'Passed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
failed=$( (grep -Eo 'Failed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
lost=$( (grep -Eo '\[figures\] data-lost=[0-9]+' "$log" || true) | awk -F= '{s+=$2} END {print s+0}')
echo "reliability tests: $passed passed, $failed failed; data lost: $lost"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$lost" -ne 0 ]; then
  grep -E '^\s+Failed ' "$log" || true
  exit 1
fi
