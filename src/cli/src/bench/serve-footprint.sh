#!/usr/bin/env bash
# Resident memory of `scansante serve` over 10 runs, against the replica (`simulate`) on 127.0.0.1.
#
#   bash src/cli/src/bench/serve-footprint.sh                    # the sized JVM of the README; ~10 min on 2 cores
#   FOOTPRINT_BASELINE=1 bash src/cli/src/bench/serve-footprint.sh   # also the JVM's defaults, for comparison
#   FOOTPRINT_RUNS=3 FOOTPRINT_LIMIT=50 bash src/cli/src/bench/serve-footprint.sh   # a quicker look
#
# serve is started once per JVM configuration with --http-port and --jmx-port, then runs are
# started one after the other with the status page's form (POST /run), each of FOOTPRINT_LIMIT
# combinations (default 200) of the strategic plan with --delay 0 and schedule.refresh=all (so that
# every run asks the replica for every combination again, as a first weekly run would). While
# serve is up, its VmRSS is sampled every 0.5 s from /proc; after each run the RSS and the peak
# (VmHWM) are printed. At the end: the largest RSS seen, the peak, and what listens (ss -ltnp).
#
# Needs: a built target/scansante.jar (built here if absent), curl, ss (iproute2). Writes to a
# temporary folder, removed at the end unless FOOTPRINT_KEEP=1. The replica and serve started here
# are stopped on exit, whatever happens; every wait has a time limit.
set -euo pipefail

cd "$(dirname "$0")/../../../.."
JAR=target/scansante.jar
RUNS=${FOOTPRINT_RUNS:-10}
LIMIT=${FOOTPRINT_LIMIT:-200}
# The launch line of the README's operations section, without the jar and the command.
SIZED_JVM="-Xmx64m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -XX:MaxDirectMemorySize=32m"
SIZED_ENV="MALLOC_ARENA_MAX=2"

die() { echo "footprint: $*" >&2; exit 1; }
command -v curl >/dev/null || die "curl is missing: apt-get install -y curl"
command -v ss >/dev/null || die "ss is missing: apt-get install -y iproute2"
if [ ! -f "$JAR" ]; then
  echo "footprint: $JAR absent, building it (mvn -B -q package -DskipTests)"
  mvn -B -q package -DskipTests
fi

WORK=$(mktemp -d /tmp/scansante-footprint.XXXXXX)
SIM_PID=""
SERVE_PID=""
stop() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  [ -n "$SERVE_PID" ] && stop "$SERVE_PID"
  [ -n "$SIM_PID" ] && stop "$SIM_PID"
  if [ "${FOOTPRINT_KEEP:-0}" = 1 ]; then echo "footprint: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

java -jar "$JAR" simulate --port 0 >"$WORK/simulate.out" 2>&1 &
SIM_PID=$!
SITE=""
for _ in $(seq 1 300); do
  SITE=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/simulate.out" | head -1 || true)
  [ -n "$SITE" ] && break
  kill -0 "$SIM_PID" 2>/dev/null || { cat "$WORK/simulate.out" >&2; die "the replica did not start"; }
  sleep 0.1
done
[ -n "$SITE" ] || die "the replica printed no URL within 30 s"
echo "footprint: replica at $SITE"

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
metric() { curl -fsS --max-time 10 "http://127.0.0.1:$1/observe/metrics" | awk -v m="$2" '$1 == m {print $2}'; }

# measure NAME "ENV" "JVM OPTIONS": serve under that JVM, RUNS runs, RSS sampled throughout.
measure() {
  local name=$1 env=$2 jvm=$3 http jmx out="$WORK/$1"
  http=$(free_port); jmx=$(free_port)
  mkdir -p "$out"
  echo "footprint: $name: env $env java $jvm -jar $JAR serve --http-port $http --jmx-port $jmx ..."
  # shellcheck disable=SC2086 # the options are words on purpose
  env $env java $jvm -jar "$JAR" serve --site "$SITE" --output "$out/data" --delay 0 --limit "$LIMIT" \
    --set schedule.refresh=all --http-port "$http" --jmx-port "$jmx" --for 3600s >"$out/serve.log" 2>&1 &
  SERVE_PID=$!
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$http/observe/health" 2>/dev/null && break
    kill -0 "$SERVE_PID" 2>/dev/null || { tail -20 "$out/serve.log" >&2; die "$name: serve ended"; }
    sleep 0.1
  done
  echo "footprint: $name: up, RSS $(( $(rss_kb "$SERVE_PID") / 1024 )) MB before the first run"
  ( while kill -0 "$SERVE_PID" 2>/dev/null; do rss_kb "$SERVE_PID"; sleep 0.5; done ) >"$out/rss.samples" &
  local sampler=$!
  for run in $(seq 1 "$RUNS"); do
    local status
    status=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 30 -X POST "http://127.0.0.1:$http/run")
    [ "$status" = 303 ] || die "$name: POST /run answered $status"
    for _ in $(seq 1 1200); do
      [ "$(metric "$http" scansante_run_in_progress)" = "0.0" ] && break
      sleep 0.5
    done
    [ "$(metric "$http" scansante_run_in_progress)" = "0.0" ] || die "$name: run $run did not end within 10 min"
    # The report is rebuilt just after the run is recorded: wait for runs.csv to have the run.
    for _ in $(seq 1 600); do [ "$(( $(wc -l <"$out/data/runs.csv") - 1 ))" -ge "$run" ] && break; sleep 0.1; done
    printf 'footprint: %s: run %2d: %s combinations in %ss, RSS %d MB, peak %d MB\n' "$name" "$run" \
      "$(tail -1 "$out/data/runs.csv" | cut -d, -f7)" "$(tail -1 "$out/data/runs.csv" | cut -d, -f6)" \
      $(( $(rss_kb "$SERVE_PID") / 1024 )) $(( $(hwm_kb "$SERVE_PID") / 1024 ))
  done
  sleep 2
  echo "footprint: $name: health $(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/observe/health")," \
    "page names the last run: $(curl -fsS "http://127.0.0.1:$http/" | grep -c "$(tail -1 "$out/data/runs.csv" | cut -d, -f1)")"
  echo "footprint: $name: listening (ss -ltnp):"
  ss -ltnpH | grep "pid=$SERVE_PID," | awk '{print "  " $4}' | tee "$out/listening"
  if grep -qv '127\.0\.0\.1' "$out/listening"; then die "$name: listening beyond loopback"; fi
  local max hwm
  max=$(sort -n "$out/rss.samples" | tail -1)
  hwm=$(hwm_kb "$SERVE_PID")
  stop "$SERVE_PID"; SERVE_PID=""
  wait "$sampler" 2>/dev/null || true
  printf '%s %d %d %d\n' "$name" $(( max / 1024 )) $(( hwm / 1024 )) "$(wc -l <"$out/rss.samples")" >>"$WORK/summary"
}

measure sized "$SIZED_ENV" "$SIZED_JVM"
if [ "${FOOTPRINT_BASELINE:-0}" = 1 ]; then
  measure defaults "" ""
fi

echo
echo "== serve footprint, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   $RUNS runs of $LIMIT combinations each (strategic plan, --delay 0, refresh all), started by POST /run"
printf '%-9s %16s %14s %9s\n' jvm max_RSS_MB peak_HWM_MB samples
while read -r name max hwm n; do printf '%-9s %16d %14d %9d\n' "$name" "$max" "$hwm" "$n"; done <"$WORK/summary"
echo "sized = $SIZED_ENV java $SIZED_JVM"
