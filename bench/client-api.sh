#!/usr/bin/env bash
# Client API benchmark: one Management Node and one Conferencing Node (real processes, started as
# `confab demo` starts them, with the launcher's JVM options; the node sized as a c5.9xlarge, about
# 77 HD calls, and given the demo's licence and Virtual Meeting Room meet@demo), then from this JVM:
#   /status at RATE/s            the node's own status page (its provisioning port): the baseline
#   request_token at RATE/s      HD calls to meet@demo, each released as soon as it is admitted
#   /status at saturation        CONCURRENCY requests in flight, the next sent as one is answered
#   request_token + release      the same with whole calls: admissions per second at saturation
# with p50/p99/max latency (from when a request is due to its answer; at a fixed rate at most
# --max-in-flight requests are in flight, 64 by default, and one due beyond waits), answers per
# second, outcomes, and the cores the node, the Management Node (each call takes a licence from it)
# and this client used in each phase.
# Usage: bench/client-api.sh [ClientApiLoad options, e.g. --rate 1000 --seconds 20 --concurrency 16]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/confab" --version >/dev/null
(cd "$root" && mvn -B -q -pl bench -am -Dmaven.test.skip=true package)
exec java -Xmx512m -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" \
  dev.confab.bench.admission.ClientApiLoad "$@"
