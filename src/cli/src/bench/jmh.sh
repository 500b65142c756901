#!/usr/bin/env bash
# JMH benchmark of page handling (see BENCHMARKS.md): builds with the bench profile, then runs
# io.github.scansante.bench.PageBenchmark through BenchMain, which prints the ratio (b)/(a).
#
#   bash src/cli/src/bench/jmh.sh                    # jsoupParse, pipeline, paired on 3 pages: ~3 minutes
#   bash src/cli/src/bench/jmh.sh PageBenchmark      # plus the breakdown (decode, parse, CSV): ~5 minutes
#   bash src/cli/src/bench/jmh.sh 'PageBenchmark.(jsoupParse|pipeline)$' -p page=real-2024
#   bash src/cli/src/bench/jmh.sh -prof gc           # any JMH option; -h lists them
#
# Run from anywhere: it works from the project root, where ../shared/fixtures holds the real page.
# MVN_OFFLINE=1 builds with -o (JMH must be in ~/.m2 already). JMH's CSV result goes to
# target/jmh-result.csv unless -rff is given.
set -euo pipefail
cd "$(dirname "$0")/../../../.."

mvn -B -q ${MVN_OFFLINE:+-o} -Pbench package -DskipTests
CP="target/bench-classes:target/scansante.jar:$(cat target/bench-classpath.txt)"
extra=()
case " $* " in *" -rff "*) ;; *) extra=(-rf csv -rff target/jmh-result.csv) ;; esac
exec java -cp "$CP" io.github.scansante.bench.BenchMain "${extra[@]}" "$@"
