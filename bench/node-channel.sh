#!/usr/bin/env bash
# Node channel benchmark: one Management Node (./confab management-agent, its own process, with the
# launcher's JVM options from jvm.options, 10 s heartbeat interval) and N simulated Conferencing Nodes in one other JVM (bench NodeSimulator),
# each enrolled through the real flow with its own CA-issued certificate, heartbeating and
# long-polling like the agent. The nodes' transport is Netty: every node has its own TLS context
# (its key and certificate, trusting only the CA) and its own two kept-alive mutual TLS connections
# (heartbeats, long-poll), and all of them share one event loop group (1 thread; NodeSimulator
# --io-threads). TLS is BoringSSL (netty-tcnative) where it loads, else the JDK's; the simulator
# prints which. Prints:
#   change -> received by all nodes    p50/p99/max over every (change, node) pair
#   heartbeats at saturation           every node sending back to back, answered per second
#   management / simulator CPU         cores each process used meanwhile
#   management RSS                     VmRSS and VmHWM (peak) of the Management Node after each phase
#   last node received -> all SYNCED   until the status API shows no node SYNCING
#   PATCH writes/s                     16 clients, a node's description, with every node stored
# and beside each, the limit measured in the same run: a bare mutual-TLS echo server (bench
# EchoServer: the node channel's connector, the Management Node's JVM options) answering the same
# fleet's heartbeats, and a bare SQLite commit loop (WAL, synchronous=FULL) on the data filesystem.
# The open-files limit is raised to its hard limit; every node keeps its long-poll connection open,
# and its heartbeat connection while the limit allows (less 1,000 for each process's own files); the
# other nodes send each periodic heartbeat on a connection of its own (TLS resumed), closed when
# answered. At most 32 of the fleet's connections open at once (NodeSimulator --opening-at-once),
# as a fleet that comes up over minutes does. The script checks the open-files limit and the
# memory a fleet needs before it starts, and stops what it started (by PID) on exit, failure or Ctrl-C.
# Usage: bench/node-channel.sh [nodes] [extra JVM options of the Management Node, after the
#        launcher's: CONFAB_JAVA_OPTS] [extra NodeSimulator options, e.g. "--io-threads 2"]
# Ten thousand nodes (BENCHMARKS.md; -Xmx640m keeps it within 1 GB): bench/node-channel.sh 10000 "-Xmx640m" "--changes 5
#   --saturate-seconds 10 --write-seconds 10 --fleet-holds-configuration --locations 100"
set -euo pipefail
ulimit -n "$(ulimit -Hn)"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nodes="${1:-1000}"
management_opts="${2:-}"
simulator_opts="${3:-}"
case "$nodes" in
  ''|*[!0-9]*|0) echo "The number of nodes must be a positive whole number, not '$nodes'." >&2; exit 2 ;;
esac
# every node needs one open file in each process (its long-poll) beside 1,000 kept for their own use
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $(( nodes + 1100 )) ]; then
  echo "$nodes nodes need at least $(( nodes + 1100 )) open files per process; the hard limit here is $(ulimit -n)." \
    "Raise it (limits.conf, systemd LimitNOFILE, or ulimit -Hn as root) or simulate fewer nodes." >&2
  exit 2
fi
# a simulated node holds its key, TLS context and two connections' buffers: about 300 kB
simulator_heap_mb=$(( nodes * 300 / 1024 > 2048 ? nodes * 300 / 1024 : 2048 ))
# the simulator's heap, about 1 GB for the Management Node and the echo server, 1 GB for the rest
available_mb=$(awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo)
if [ "$available_mb" -lt $(( simulator_heap_mb + 2048 )) ]; then
  echo "$nodes nodes need about $(( simulator_heap_mb + 2048 )) MB of memory; $available_mb MB are available." >&2
  exit 2
fi
"$root/confab" --version >/dev/null
# the simulator runs on the bench module's class path (Netty and tcnative are not in confab.jar);
# the launcher builds only what it runs, so build the simulator here (incremental: quick when unchanged)
(cd "$root" && mvn -B -q -pl bench -am -Dmaven.test.skip=true package)
work="$(mktemp -d /tmp/confab-bench.XXXXXX)"
pid=""
echo_pid=""
simulator_pid=""
cleanup() {
  # errexit holds in the trap too: no step here may fail, or the rest is skipped
  trap - INT TERM
  for started in "$simulator_pid" "$echo_pid"; do
    if [ -n "$started" ]; then
      kill "$started" 2>/dev/null || true
    fi
  done
  if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  cp "$work/mgmt.log" /tmp/node-channel-management.log 2>/dev/null || true; rm -rf "$work"
}
trap cleanup EXIT
# Ctrl-C or kill: leave through the EXIT trap, which stops the three processes by their PIDs
trap 'exit 130' INT
trap 'exit 143' TERM

echo -n "s3cret-bench" > "$work/password"
# the launcher execs the JVM: $! is the Management Node's own process
CONFAB_JAVA_OPTS="$management_opts" "$root/confab" management-agent --data "$work/mgmt" \
  --bind 127.0.0.1 --https-port 18443 --node-port 19443 --admin-password-file "$work/password" \
  > "$work/mgmt.log" 2>&1 &
pid=$!
until curl -sk -o /dev/null -u admin:s3cret-bench "https://127.0.0.1:18443/api/admin/configuration/v1/global/1/"; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/mgmt.log"; exit 1; }
  sleep 0.2
done
classpath="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
# the echo server runs as the Management Node does: the launcher's JVM options, then the script's
read -r -a launcher_opts <<< "$(sed -n 's/^management-agent //p' "$root/launcher/src/main/resources/dev/confab/launcher/jvm.options")"
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=2 java "${launcher_opts[@]}" $management_opts -cp "$classpath" dev.confab.bench.channel.EchoServer \
  --port 19444 --client-ca "$work/mgmt/pki/ca.crt" --ca-out "$work/echo-ca.crt" > "$work/echo.log" 2>&1 &
echo_pid=$!
until [ -s "$work/echo-ca.crt" ]; do
  kill -0 "$echo_pid" 2>/dev/null || { cat "$work/echo.log"; exit 1; }
  sleep 0.2
done
# in the background, so that a signal reaches this script, which then stops it by its PID
# shellcheck disable=SC2086
java -Xss256k -Xmx${simulator_heap_mb}m -cp "$classpath" \
  dev.confab.bench.channel.NodeSimulator --api https://127.0.0.1:18443 \
  --certificate "$work/mgmt/pki/https-selfsigned.crt" --password-file "$work/password" \
  --management-pid "$pid" --nodes "$nodes" --echo-port 19444 --echo-ca "$work/echo-ca.crt" \
  --scratch "$work" $simulator_opts &
simulator_pid=$!
simulator_exit=0
wait "$simulator_pid" || simulator_exit=$?
simulator_pid=""
grep -c 'ERROR' "$work/mgmt.log" | sed 's/^/errors in the Management Node log: /' || true
exit "$simulator_exit"
