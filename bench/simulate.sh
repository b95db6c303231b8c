#!/usr/bin/env bash
# Replay simulator benchmark: times `confab simulate` on the guide-9am scenario for a simulated week
# of about 10,000 calls a day (the scenario scaled up, 4 policies side by side, the clairvoyant
# minimum), RUNS times, and prints each run's wall-clock and CPU seconds and the range; then prints
# the comparison of the guide's own week (about 4,400 calls a day) as the table BENCHMARKS.md quotes.
# Each run is a fresh JVM, so the times include its start (with the archive of a build's first run).
# Usage: bench/simulate.sh [RUNS (default 5)] [CALLS_PER_DAY (default 10000)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
calls="${2:-10000}"
# untimed: builds on first use, and writes the simulator's class-data-sharing archive (lib/cds.sh), which
# every timed run then maps, as every run but a build's first does
"$root/confab" simulate --scenario guide-9am --days 1 --format json >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPU(s)"
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  cpu=$( { /usr/bin/time -f '%U %S' "$root/confab" simulate --scenario guide-9am --days 7 --calls-per-day "$calls" \
      --format json >/dev/null; } 2>&1 | tail -1 | awk '{ print $1 + $2 }')
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  times+=("$wall")
  printf 'run %d: %.2f s wall, %.2f s CPU (a week of about %d calls a day)\n' "$i" "$wall" "$cpu" "$calls"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "wall-clock range over %d runs: %.2f-%.2f s\n", NR, t[1], t[NR] }'
echo
"$root/confab" simulate --scenario guide-9am --days 7
