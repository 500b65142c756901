#!/usr/bin/env bash
# End-to-end benchmark of `scansante run` against the replica (`simulate`) on 127.0.0.1.
#
#   bash src/cli/src/bench/e2e.sh              # from anywhere; about 1.5 minutes on 2 cores
#   E2E_SKIP_2000=1 bash src/cli/src/bench/e2e.sh   # without the longest run (full plan, 2000 combinations)
#
# Runs, each a fresh JVM measured by /usr/bin/time -v, against one replica started here:
#   1. strategic plan, --delay 0          wall time per combination, requests/s, peak RSS
#   2. strategic plan, --delay 2s --limit 10
#                                          overhead beyond the throttle's floor
#   3. full plan, --delay 0 --limit 250   peak RSS: same number of combinations as 1, from a
#                                          plan of 431,880 (streamed, so memory should not grow)
#   4. full plan, --delay 0 --limit 2000  peak RSS with 8x the combinations
#
# Requests are counted from the replica's own request log (landing page + results pages), not
# assumed. The floor of a throttled run of N requests is (N - 1) x period: the throttle spaces
# request starts, so the first leaves at once and the last leaves (N - 1) periods later.
# Overhead = (time - floor) / floor, given three ways:
#   wall   the whole process, JVM start-up and shutdown included (/usr/bin/time);
#   run    the run's own interval, runs.csv started -> ended (no JVM start-up, no Camel boot);
#   sends  first to last request as the replica saw them: the throttle's own precision.
#
# Needs: a built target/scansante.jar (built here if absent), /usr/bin/time (GNU time; on
# Debian: apt-get install -y time), curl, GNU date. Writes to a temporary folder, removed at the
# end unless E2E_KEEP=1. The replica started here is stopped on exit, whatever happens, and every
# command has a time limit.
set -euo pipefail

cd "$(dirname "$0")/../../../.."
JAR=target/scansante.jar
PERIOD_S=2
LIMIT_THROTTLED=10

die() { echo "e2e: $*" >&2; exit 1; }

[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is missing: apt-get install -y time"
/usr/bin/time -v true 2>/dev/null || die "/usr/bin/time is not GNU time (-v unsupported): apt-get install -y time"
command -v curl >/dev/null || die "curl is missing: apt-get install -y curl"
if [ ! -f "$JAR" ]; then
  echo "e2e: $JAR absent, building it (mvn -B -q package -DskipTests)"
  mvn -B -q package -DskipTests
fi

WORK=$(mktemp -d /tmp/scansante-e2e.XXXXXX)
SIM_PID=""
RUN_PID=""
# The replica and each measured run are started with setsid, each in a process group of its own,
# so that stopping one stops all of it (time -> timeout -> java), and nothing else.
# A run stopped by TERM finishes its combination in flight (up to camel.main.shutdown-timeout,
# 30 s, longer than a benchmark needs to wait): after 10 s the group is killed.
stop_group() {
  local pid=$1
  kill -0 -- "-$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 -- "-$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}
cleanup() {
  [ -n "$RUN_PID" ] && stop_group "$RUN_PID"
  [ -n "$SIM_PID" ] && stop_group "$SIM_PID"
  if [ "${E2E_KEEP:-0}" = 1 ]; then echo "e2e: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- the replica
REQLOG="$WORK/requests.csv"
# Port 0: the replica binds a free port and prints its URL, so there is no race for a port.
# The replica lives at most 30 minutes, whatever happens to this script.
setsid timeout 1800 java -jar "$JAR" simulate --port 0 --request-log "$REQLOG" >"$WORK/simulate.out" 2>&1 &
SIM_PID=$!
SITE=""
for _ in $(seq 1 300); do
  SITE=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/simulate.out" | head -1 || true)
  [ -n "$SITE" ] && break
  kill -0 "$SIM_PID" 2>/dev/null || { cat "$WORK/simulate.out" >&2; die "the replica did not start"; }
  sleep 0.1
done
[ -n "$SITE" ] || die "the replica printed no URL within 30 s"
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null --max-time 2 "$SITE/applications/cartographie-activite-MCO" 2>/dev/null && break
  sleep 0.1
done
curl -fsS -o /dev/null --max-time 2 "$SITE/applications/cartographie-activite-MCO" || die "the replica at $SITE does not answer"
echo "e2e: replica at $SITE (pid $SIM_PID)"

# The replica computes a year's figures on first use: ask every year once, so that the first
# measured run does not pay for that and the runs do not depend on their order.
SUBMIT="$SITE/applications/cartographie-activite-MCO/submit"
t0=$(date +%s.%N)
for year in $(seq 2015 2024); do
  for base in bpub bpri; do
    curl -fsS -o /dev/null --max-time 60 "$SUBMIT?snatnav=&annee=$year&tgeo=fe&codegeo=99&base=$base&typrgp=tous" \
      || die "the replica did not answer the warm-up request for $year $base"
  done
done
echo "e2e: replica warmed (every year's figures computed) in $(echo "$(date +%s.%N) $t0" | awk '{printf "%.1f", $1-$2}') s"

# Requests logged so far (the file has a header line); our readiness probes are among them.
requests_so_far() { [ -f "$REQLOG" ] && echo $(( $(wc -l <"$REQLOG") - 1 )) || echo 0; }

to_epoch() { date -u -d "$1" +%s.%N; }

# run NAME TIMEOUT ARGS...: one measured run; leaves its figures in $WORK/NAME.vars
run() {
  local name=$1 limit_s=$2; shift 2
  local out="$WORK/$name" before after
  before=$(requests_so_far)
  echo "e2e: $name: scansante run $*"
  # timeout outermost: it signals its whole process group (time and java) on expiry. In the
  # background with wait, so that a signal to this script is handled at once.
  setsid timeout "$limit_s" /usr/bin/time -v -o "$out.time" \
    java -Xlog:gc:file="$out.gc" -jar "$JAR" run --site "$SITE" --output "$out.dir" "$@" >"$out.log" 2>&1 &
  RUN_PID=$!
  if ! wait "$RUN_PID"; then
    RUN_PID=""
    tail -20 "$out.log" >&2
    die "$name failed or exceeded ${limit_s}s"
  fi
  RUN_PID=""
  after=$(requests_so_far)
  local wall rss started ended combos data
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$out.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out.time")
  # runs.csv: run_id,trigger,plan,started,ended,elapsed_s,combinations,data,...
  started=$(awk -F, 'NR==2 {print $4}' "$out.dir/runs.csv")
  ended=$(awk -F, 'NR==2 {print $5}' "$out.dir/runs.csv")
  combos=$(awk -F, 'NR==2 {print $7}' "$out.dir/runs.csv")
  data=$(awk -F, 'NR==2 {print $8}' "$out.dir/runs.csv")
  # Heap after each GC, from the unified GC log ("... 120M->31M(256M) 2.1ms"): the largest is
  # an upper bound of what the run keeps live, which peak RSS (heap sized by G1 to taste) is not.
  local live_mb
  live_mb=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$out.gc" | sed 's/.*->\([0-9]*\)M.*/\1/' | sort -n | tail -1)
  local run_s first_ns last_ns
  run_s=$(echo "$(to_epoch "$ended") $(to_epoch "$started")" | awk '{printf "%.3f", $1-$2}')
  # nano_time (first column) of this run's first and last request, from the replica's clock.
  first_ns=$(awk -F, -v n=$((before + 2)) 'NR==n {print $1}' "$REQLOG")
  last_ns=$(awk -F, -v n=$((after + 1)) 'NR==n {print $1}' "$REQLOG")
  cat >"$out.vars" <<EOF
wall=$wall
rss_kb=$rss
run_s=$run_s
combos=$combos
data=$data
requests=$((after - before))
sends_s=$(awk -v a="$first_ns" -v b="$last_ns" 'BEGIN {printf "%.3f", (b-a)/1e9}')
min_gap_ms=$(awk -F, -v a=$((before + 2)) -v b=$((after + 1)) 'NR>=a && NR<=b {if (NR>a) {g=($1-p)/1e6; if (m=="" || g<m) m=g}; p=$1} END {printf "%.1f", m}' "$REQLOG")
live_mb=${live_mb:-0}
gcs=$(grep -c 'Pause' "$out.gc" || true)
EOF
  echo "e2e: $name: $(tr '\n' ' ' <"$out.vars")"
}

val() { awk -F= -v k="$2" '$1==k {print $2}' "$WORK/$1.vars"; }

run strategic 300 --plan strategic --delay 0

# The same requests again, from curl over one kept-alive connection: what the replica and the
# loopback take on their own, so that the rest of the strategic run is the pipeline's.
awk -F, -v site="$SITE" -v a=$(( $(val strategic requests) )) -v n=$(( $(requests_so_far) + 1 )) \
  'NR > n - a && NR <= n {printf "url = \"%s%s%s%s\"\noutput = \"/dev/null\"\n", site, $4, ($5 == "" ? "" : "?"), $5}' \
  "$REQLOG" >"$WORK/replay.curl"
t0=$(date +%s.%N)
timeout 300 curl -fsS -K "$WORK/replay.curl" || die "the replay of the strategic run's requests failed"
REPLAY_S=$(echo "$(date +%s.%N) $t0" | awk '{printf "%.3f", $1-$2}')
echo "e2e: replay of the strategic run's $(val strategic requests) requests with curl: $REPLAY_S s"
run throttled 120 --plan strategic --delay "${PERIOD_S}s" --limit "$LIMIT_THROTTLED"
run full250 300 --plan full --delay 0 --limit 250
if [ "${E2E_SKIP_2000:-0}" != 1 ]; then
  run full2000 600 --plan full --delay 0 --limit 2000
fi

# ---------------------------------------------------------------- summary
echo
echo "== scansante end-to-end benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-30s %6s %6s %8s %8s %8s %9s %10s %10s %11s\n' \
  run args combos reqs wall_s run_s ms/comb req/s_run req/s_wall peakRSS_MB maxLiveHeap

for name in strategic throttled full250 full2000; do
  [ -f "$WORK/$name.vars" ] || continue
  case $name in
    strategic) args="strategic --delay 0" ;;
    throttled) args="strategic --delay ${PERIOD_S}s --limit $LIMIT_THROTTLED" ;;
    full250) args="full --delay 0 --limit 250" ;;
    full2000) args="full --delay 0 --limit 2000" ;;
  esac
  awk -v n="$name" -v a="$args" -v c="$(val $name combos)" -v r="$(val $name requests)" -v w="$(val $name wall)" \
      -v s="$(val $name run_s)" -v m="$(val $name rss_kb)" -v l="$(val $name live_mb)" 'BEGIN {
    printf "%-10s %-30s %6d %6d %8.2f %8.2f %8.1f %9.1f %10.1f %10.0f %9d MB\n", n, a, c, r, w, s, 1000*w/c, r/s, r/w, m/1024, l }'
done
echo "(ms/comb = wall / combinations; run_s = runs.csv ended - started, i.e. without JVM start-up;"
echo " maxLiveHeap = largest heap occupancy right after a GC, from -Xlog:gc)"
awk -v r="$REPLAY_S" -v s="$(val strategic run_s)" -v n="$(val strategic requests)" 'BEGIN {
  printf "Strategic run: the replica and loopback alone (curl replay) take %.2f s of its %.2f s (%.1f ms/request);\n", r, s, 1000*r/n
  printf "  the pipeline itself %.2f s (%.1f ms/request: parse, verify, CSV, journal, cold JIT)\n", s-r, 1000*(s-r)/n }'

n=$(val throttled requests)
echo
echo "Throttled run: $n requests at one per ${PERIOD_S}s; floor = ($n - 1) x ${PERIOD_S} s = $(( (n - 1) * PERIOD_S )) s"
awk -v n="$n" -v p="$PERIOD_S" -v w="$(val throttled wall)" -v s="$(val throttled run_s)" -v d="$(val throttled sends_s)" 'BEGIN {
  f = (n - 1) * p
  printf "  %-44s %8.3f s  overhead %+7.2f %%\n", "wall (process, JVM start-up included)", w, 100 * (w - f) / f
  printf "  %-44s %8.3f s  overhead %+7.2f %%\n", "run (runs.csv started -> ended)", s, 100 * (s - f) / f
  printf "  %-44s %8.3f s  overhead %+7.2f %%\n", "sends (first -> last request, replica clock)", d, 100 * (d - f) / f
  printf "  JVM start-up + shutdown (wall - run):         %8.3f s\n", w - s
}'
echo "  smallest gap between two request arrivals at the replica: $(val throttled min_gap_ms) ms (the replica stamps"
echo "  arrivals on its handler thread, a few ms late under load)"
echo
awk -v a="$(val strategic rss_kb)" -v b="$(val full250 rss_kb)" -v c="$( [ -f "$WORK/full2000.vars" ] && val full2000 rss_kb || echo 0)" 'BEGIN {
  printf "Peak RSS: strategic (250 of 250) %.0f MB, full (250 of 431,880) %.0f MB", a/1024, b/1024
  if (c > 0) printf ", full (2000 of 431,880) %.0f MB", c/1024
  printf "\n"
}'
