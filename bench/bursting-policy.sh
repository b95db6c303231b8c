#!/usr/bin/env bash
# Bursting policy benchmark (JMH): the time BurstingPolicy.decide takes for a generated platform of
# 1,000 nodes in 100 locations (50 monitored locations of always-on nodes, 50 overflow locations of
# EC2-backed nodes, stopped, starting, running with calls or idle), and startByAdministrator on it.
# One fork, 5 warm-up iterations of 2 s and 5 measured ones of 1 s; prints the average wall-clock
# time per call (JMH's score) and, after each iteration, the CPU time per call of the benchmark thread.
# Usage: bench/bursting-policy.sh [extra JMH options, e.g. "-p nodes=2000 -p locations=200"]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# the benchmark runs on the bench module's class path; build it (incremental: quick when unchanged)
(cd "$root" && mvn -B -q -pl bench -am -Dmaven.test.skip=true package)
java -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" org.openjdk.jmh.Main \
  'dev.confab.bench.bursting.BurstingPolicyBenchmark' "$@"
