#!/usr/bin/env bash
# Provisioning benchmark, through the launcher exactly as an operator runs a node:
#   start_ms     ./confab conferencing-agent started → its upload page answers on 8443 (unconfigured)
#   rss_mb       the agent's resident memory, 1 s after it serves
#   enrol_ms     upload sent → answer received; the answer comes after enrolment, so this is
#                upload → enrolled, not counting the restart
#   restart_ms   answer received → 8443 answers again, configured (the restart itself)
#   rss_cfg_mb   resident memory of the configured agent
# Usage: bench/provisioning.sh [runs]   (needs curl; builds on first use)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
"$root/confab" --version >/dev/null
work="$(mktemp -d /tmp/confab-bench.XXXXXX)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill $(pgrep -P "$pid" java) "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
java_of() { pgrep -P "$1" java; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
wait_page() { until curl -sk -o /dev/null "https://$1:8443/"; do sleep 0.01; done; }

echo -n "s3cret-bench" > "$work/password"
"$root/confab" management-agent --data "$work/mgmt" --bind 127.0.0.1 --https-port 18443 --node-port 19443 \
  --admin-password-file "$work/password" > "$work/mgmt.log" 2>&1 &
pids+=($!)
api="https://127.0.0.1:18443/api/admin/configuration/v1"
until curl -sk -o /dev/null -u admin:s3cret-bench "$api/global/1/"; do sleep 0.2; done
location=$(curl -sk -u admin:s3cret-bench -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d '{"name": "Bench"}' "$api/system_location/" | sed 's/.*"resource_uri": *"\([^"]*\)".*/\1/')

printf "%-4s %-9s %-7s %-9s %-11s %-10s\n" run start_ms rss_mb enrol_ms restart_ms rss_cfg_mb
for run in $(seq 1 "$runs"); do
  address="127.0.1.$((100 + run))"
  curl -sk -u admin:s3cret-bench -H 'Content-Type: application/json' -o "$work/node$run.xml" \
    -d "{\"name\": \"bench-cn$run\", \"hostname\": \"bench-cn$run\", \"domain\": \"bench.local\",
         \"address\": \"$address\", \"netmask\": \"255.255.255.0\", \"gateway\": \"127.0.1.254\",
         \"system_location\": \"$location\", \"deployment_type\": \"MANUAL-PROVISION-ONLY\", \"password\": \"x-$run\"}" \
    "$api/worker_vm/"
  mkdir -p "$work/root$run"
  start=$(now_ms)
  "$root/confab" conferencing-agent --data "$work/node$run" --system-root "$work/root$run" --bind "$address" \
    > "$work/node$run.log" 2>&1 &
  launcher=$!; pids+=($launcher)
  wait_page "$address"
  serving=$(( $(now_ms) - start ))
  sleep 1
  first=$(java_of "$launcher"); rss=$(rss_mb "$first")
  start=$(now_ms)
  status=$(curl -sk -o "$work/upload$run.json" -w '%{http_code}' -F "file=@$work/node$run.xml" \
    "https://$address:8443/upload")
  enrolled=$(( $(now_ms) - start ))
  [ "$status" = 200 ] || { cat "$work/upload$run.json"; exit 1; }
  start=$(now_ms)
  while kill -0 "$first" 2>/dev/null; do sleep 0.01; done
  wait_page "$address"
  restarted=$(( $(now_ms) - start ))
  sleep 1
  rss_cfg=$(rss_mb "$(java_of "$launcher")")
  printf "%-4s %-9s %-7s %-9s %-11s %-10s\n" "$run" "$serving" "$rss" "$enrolled" "$restarted" "$rss_cfg"
  kill "$(java_of "$launcher")"; wait "$launcher" || true
done
