#!/usr/bin/env bash
# Loading the analysts' databases (see BENCHMARKS.md): DuckDB and PostgreSQL (embedded server),
# from a synthetic output folder of 2,000 then 20,000 combinations (about 23,000 and 230,000 rows).
#
#   bash src/cli/src/bench/databases.sh              # 2000 and 20000 combinations: ~3 minutes
#   bash src/cli/src/bench/databases.sh 20000        # any sizes
#
# HEAP (default 512m) caps the heap, so that a load that held the rows in memory would fail.
# MVN_OFFLINE=1 builds with -o.
set -euo pipefail
cd "$(dirname "$0")/../../../.."

mvn -B -q ${MVN_OFFLINE:+-o} -Pbench package -DskipTests
CP="target/bench-classes:target/scansante.jar:$(cat target/bench-classpath.txt)"
exec java -Xmx"${HEAP:-512m}" -cp "$CP" io.github.scansante.bench.DatabaseBench "$@"
