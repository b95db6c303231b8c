#!/usr/bin/env bash
# Bursting start benchmark: from the admitted call that crosses the bursting threshold to
# StartInstances on the wire. A Management Node and Conferencing Nodes as real processes (started
# as `confab demo` starts them: Loopback with one always-on node sized as a c5.large, 4 HD calls;
# Cloud Overflow, its primary overflow location, with one bursting node, a stopped instance), the
# EC2-compatible endpoint in this JVM, bursting on with threshold 1 and a 5 s minimum lifetime.
# Each repetition makes HD calls through the always-on node until Loopback's free HD calls reach the
# threshold, times from the crossing call's answer (at the client) to the successful StartInstances
# (at the endpoint) on one clock, ends the calls and waits until the node has been stopped again.
# Prints each repetition, then p50, p99, max and min.
# Usage: bench/bursting-start.sh [BurstingStartLatency options, e.g. --repetitions 30 --min-lifetime 5]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/confab" --version >/dev/null
(cd "$root" && mvn -B -q -pl bench -am -Dmaven.test.skip=true package)
exec java -Xmx512m -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" \
  dev.confab.bench.bursting.BurstingStartLatency "$@"
