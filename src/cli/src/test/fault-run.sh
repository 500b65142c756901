#!/usr/bin/env bash
# Long fault trial of the pipeline against its replica, outside the unit tests.
#
#   src/cli/src/test/fault-run.sh            (from anywhere; builds target/scansante.jar if missing)
#
# 1. Faults: a replica injecting every fault kind (transport faults and hostile pages) serves the
#    france plan (330 combinations, 110 of them refused by the form without a request) to one
#    `run --delay 0` with quick retries. Counts: faults injected (from the replica's request log),
#    combinations written, dead letters by outcome, and files whose content is wrong: each data
#    file is compared with `parse` of a fresh fetch of its url from a second replica with the
#    same seed and no faults.
# 2. Crash safety: `run --delay 200ms` is killed with SIGKILL at random points KILLS times, each
#    kill followed by the resume run (itself killed, until the last one completes). After each kill
#    the journal's last bytes are cut (1 to 80, as a power cut mid-write would; TEAR=0 turns it off),
#    and the resume must drop that torn line and ask its combination again. Counts, per
#    kill: partial files (*.scansante-part, or data files the journal does not list), repeated requests
#    (a query the site had answered well, 200 without fault, requested again by the resume); after
#    the final resume: partial files, lost combinations (plan size minus manifest rows) and wrong
#    files.
#
# Needs java 17, curl and python3 (CSV accounting). Everything is bounded in time (about 5
# minutes; TRIAL_SECONDS caps the crash trial); the processes it starts are stopped on exit.
# Settings: KILLS (10), SEED (random), WORK (a new temporary folder, kept for inspection).
set -euo pipefail

cd "$(dirname "$0")/../../../.."
JAR=target/scansante.jar
KILLS=${KILLS:-10}
TEAR=${TEAR:-1}
SEED=${SEED:-$RANDOM}
TRIAL_SECONDS=${TRIAL_SECONDS:-240}
WORK=${WORK:-$(mktemp -d /tmp/fault-run.XXXXXX)}
PLAN=france
PLAN_SIZE_CMD=(java -jar "$JAR" plan --plan "$PLAN")
# Every kind at least once among the 220 requested combinations; the first rule listed wins.
FAULTS="503:every=1:path=landing,503:every=7,429:rate=0.02:retry-after=1,reset:every=23:attempts=2,truncate:every=19,\
slow:every=29:ms=1500,garbage:every=11,empty:every=13,not-html:every=17,huge:every=31:bytes=50000000,nested:every=37,\
extra-column:every=41,missing-column:every=43,wrong-charset:every=47,ignore-grouping:every=5"
CRASH_FAULTS="503:rate=0.05"
# Quick retries, a short read time-out for slow answers, and no JMX, as a test would have them.
QUICK=(--set retry.initial-delay-ms=20 --set retry.max-delay-ms=200 --set circuit.initial-pause-ms=100
       --set circuit.max-pause-ms=400 --set site.read-timeout-ms=1000 --set camel.main.jmx-enabled=false)
# A short-lived JVM starts faster without the optimising compiler.
FAST_JVM=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

[[ -f $JAR ]] || { log "building $JAR"; mvn -B -q -o package -DskipTests; }
mkdir -p "$WORK"
log "work folder $WORK (seed $SEED)"

# Starts a replica in the background and sets REPLICA to its base URL. Args: name, faults, request
# log. Not in a $(...): the trap must know the replica's process.
start_replica() {
  local name=$1 faults=$2 requests=$3 out="$WORK/$1.out"
  java "${FAST_JVM[@]}" -jar "$JAR" simulate --port 0 --seed "$SEED" --faults "$faults" --request-log "$requests" \
    >"$out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do
    REPLICA=$(grep -o 'http://127.0.0.1:[0-9]*' "$out" | head -1 || true)
    [[ -n $REPLICA ]] && return
    sleep 0.2
  done
  log "replica $name did not start:"; cat "$out" >&2; exit 1
}

# Data files (CSV under the data folders) that a list does not name: the run's journal (while a run
# is in progress) or its manifest (once it completed). Prints their number.
unlisted_files() {
  python3 - "$1" "$2" <<'PY'
import csv, sys, os
out, listing = sys.argv[1:3]
listed = set()
if os.path.exists(listing):
    listed = {os.path.join(out, r[11]) for r in csv.reader(open(listing, encoding="utf-8")) if len(r) in (18, 19) and r[11] and r[11] != "file"}
on_disk = {os.path.join(root, f) for root, dirs, files in os.walk(out) if root != out and ".scansante" not in root
           for f in files if f.endswith(".csv")}
print(len(on_disk - listed))
PY
}

# Compares each data file of a manifest with `parse` of the clean replica's page; prints the number
# of wrong files (content differs or file missing, or a data file on disk that the manifest lacks).
wrong_files() {
  local out=$1 clean=$2 pages="$WORK/pages-$(basename "$1")"
  mkdir -p "$pages"
  python3 - "$out" "$clean" "$pages" <<'PY' >"$pages/urls"
import csv, sys, os
out, clean, pages = sys.argv[1:4]
for i, row in enumerate(csv.DictReader(open(os.path.join(out, "run-manifest.csv"), encoding="utf-8"))):
    if row["outcome"] == "data":
        path = row["url"].split("/", 3)[3]
        print(f"{clean}/{path}\t{os.path.join(out, row['file'])}\t{pages}/{i}")
PY
  # One parse per file, two at a time: a JVM each, so this is the slow part.
  tr '\n' '\0' <"$pages/urls" | xargs -0 -P 2 -I{} bash -c '
    IFS=$'"'"'\t'"'"' read -r url file page <<<"$1"
    curl -sf -o "$page.html" "$url" || { echo "$file" >>"$2/wrong"; exit 0; }
    java '"${FAST_JVM[*]}"' -jar '"$JAR"' parse "$page.html" >"$page.csv" 2>/dev/null || true
    # The data file starts with a UTF-8 byte-order mark; parse prints none.
    tail -c +4 "$file" | cmp -s - "$page.csv" || echo "$file" >>"$2/wrong"
  ' _ {} "$pages"
  local unlisted
  unlisted=$(unlisted_files "$out" "$out/run-manifest.csv")
  echo $(($( [[ -f $pages/wrong ]] && wc -l <"$pages/wrong" || echo 0) + unlisted))
}

# ------------------------------------------------------------------ 1. faults
PLAN_SIZE=$("${PLAN_SIZE_CMD[@]}" | tail -1 | cut -d' ' -f1)
start_replica faulty "$FAULTS" "$WORK/faulty-requests.csv"
FAULTY=$REPLICA
start_replica clean "" "$WORK/clean-requests.csv"
CLEAN=$REPLICA
log "faulty replica $FAULTY, clean replica $CLEAN; plan $PLAN: $PLAN_SIZE combinations"
start=$SECONDS
timeout 300 java -jar "$JAR" run --site "$FAULTY" --plan "$PLAN" --delay 0 --output "$WORK/faults-out" "${QUICK[@]}" \
  >"$WORK/faults-run.log" 2>&1 && run_exit=0 || run_exit=$?
log "fault run: exit $run_exit after $((SECONDS - start)) s"
python3 - "$WORK/faulty-requests.csv" "$WORK/faults-out/run-manifest.csv" >"$WORK/faults-counts" <<'PY'
import csv, sys, collections
requests = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
faults = collections.Counter(r["fault"] for r in requests if r["fault"])
outcomes = collections.Counter(r["outcome"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")))
line = lambda label, n: print(f"   {label:<42}{n}")
line("requests to the site", len(requests))
line("faults injected", sum(faults.values()))
for kind, n in sorted(faults.items()):
    line(f"  {kind}", n)
rows = {r["url"].split("?", 1)[-1]: r["outcome"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
hostile = {"garbage", "empty", "not-html", "huge", "nested", "extra-column", "missing-column", "wrong-charset",
           "ignore-grouping"}
met = lambda kinds: {r["raw_query"] for r in requests if r["fault"] in kinds and r["path"].endswith("/submit")}
transport = met(set(faults) - hostile)
line("combinations meeting transport faults", len(transport))
line("  of which written after retries", sum(1 for q in transport if rows.get(q) == "data"))
line("combinations meeting hostile pages", len(met(hostile)))
line("  of which written (must be 0)", sum(1 for q in met(hostile) if rows.get(q) == "data"))
line("manifest rows", sum(outcomes.values()))
line("survived (data)", outcomes.pop("data", 0))
line("dead-lettered", sum(outcomes.values()))
for outcome, n in sorted(outcomes.items()):
    line(f"  {outcome}", n)
PY
log "verifying the fault run's files against the clean replica"
FAULT_WRONG=$(wrong_files "$WORK/faults-out" "$CLEAN")

# ------------------------------------------------------------------ 2. crash safety
start_replica crashy "$CRASH_FAULTS" "$WORK/crash-requests.csv"
CRASHY=$REPLICA
CRASH_OUT="$WORK/crash-out"
CRASH_RUN=(run --site "$CRASHY" --plan "$PLAN" --delay 200ms --output "$CRASH_OUT" "${QUICK[@]}")
log "crash trial against $CRASHY: $KILLS kills of run --delay 200ms"
: >"$WORK/segments"   # one line per run: first and last request-log line, killed or completed
kill_rows=()
kills=0
deadline=$((SECONDS + TRIAL_SECONDS))
requests_logged() { wc -l <"$WORK/crash-requests.csv"; }
while ((kills < KILLS && SECONDS < deadline)); do
  first=$(($(requests_logged) + 1))
  java -jar "$JAR" "${CRASH_RUN[@]}" >>"$WORK/crash-runs.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  # A random point of the run's work: the JVM takes seconds to start, so the clock starts when the
  # landing page is requested; from there the run settles about 5 combinations a second.
  for _ in $(seq 200); do
    (($(requests_logged) >= first)) || ! kill -0 "$pid" 2>/dev/null && break
    sleep 0.1
  done
  after=$(python3 -c "import random; random.seed($SEED * 100 + $kills); print(round(random.uniform(0, 5), 2))")
  sleep "$after"
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    sleep 0.2 # a request already on the wire is logged by the replica a moment later
    kills=$((kills + 1))
    torn=0
    if ((TEAR)) && [[ -s $CRASH_OUT/.scansante/journal.csv ]]; then
      torn=$(python3 -c "import random; random.seed($SEED * 100 + $kills); random.random(); print(random.randint(1, 80))")
      size=$(stat -c %s "$CRASH_OUT/.scansante/journal.csv")
      truncate -s $((size > torn ? size - torn : 0)) "$CRASH_OUT/.scansante/journal.csv"
    fi
    parts=$(find "$CRASH_OUT" -name '*.scansante-part' | wc -l)
    orphans=$(unlisted_files "$CRASH_OUT" "$CRASH_OUT/.scansante/journal.csv")
    # Whole lines after the header; a torn last line has no line end and is not counted.
    journaled=$( [[ -f $CRASH_OUT/.scansante/journal.csv ]] && echo $(($(wc -l <"$CRASH_OUT/.scansante/journal.csv") - 1)) || echo 0)
    kill_rows+=("$kills $after $journaled $torn $parts $orphans")
    echo "$first $(requests_logged) killed" >>"$WORK/segments"
  else
    wait "$pid" || true
    echo "$first $(requests_logged) completed" >>"$WORK/segments"
    log "a run completed before its kill: a new output folder for the next ones"
    mv "$CRASH_OUT" "$CRASH_OUT.$kills"
  fi
done
first=$(($(requests_logged) + 1))
start=$SECONDS
timeout 300 java -jar "$JAR" "${CRASH_RUN[@]}" >>"$WORK/crash-runs.log" 2>&1 && resume_exit=0 || resume_exit=$?
echo "$first $(requests_logged) completed" >>"$WORK/segments"
log "final resume: exit $resume_exit after $((SECONDS - start)) s"
# Repeated requests per kill: queries the site had answered well before a kill (in this output
# folder's chain of runs), requested again by the run that followed the kill.
python3 - "$WORK/crash-requests.csv" "$WORK/segments" >"$WORK/repeats" <<'PY'
import csv, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
rows = list(csv.DictReader(lines))   # row i is line i + 2 of the file
answered, kill, resuming = set(), 0, False
for seg in open(sys.argv[2]).read().split("\n"):
    if not seg:
        continue
    first, last, how = seg.split()
    segment = [r for r in rows[int(first) - 2:int(last) - 1] if r["path"].endswith("/submit")]
    if resuming:
        print(kill, len({r["raw_query"] for r in segment if r["raw_query"] in answered}))
    answered |= {r["raw_query"] for r in segment if r["status"] == "200" and not r["fault"]}
    resuming = how == "killed"
    if resuming:
        kill += 1
    else:
        answered = set()  # a completed run ends the chain: the next run starts afresh
PY
FINAL_PARTS=$(find "$CRASH_OUT" -name '*.scansante-part' | wc -l)
FINAL_UNLISTED=$(unlisted_files "$CRASH_OUT" "$CRASH_OUT/run-manifest.csv")
MANIFEST_ROWS=$(python3 -c "import csv,sys; print(len({tuple(r[:7]) for r in list(csv.reader(open(sys.argv[1])))[1:]}))" \
  "$CRASH_OUT/run-manifest.csv" 2>/dev/null || echo 0)
log "verifying the crash trial's files against the clean replica"
CRASH_WRONG=$(wrong_files "$CRASH_OUT" "$CLEAN")
CRASH_FAULTS_INJECTED=$(python3 -c "import csv,sys; print(sum(1 for r in csv.DictReader(open(sys.argv[1])) if r['fault']))" \
  "$WORK/crash-requests.csv")

# ------------------------------------------------------------------ summary
echo
echo "== Fault run: plan $PLAN ($PLAN_SIZE combinations), seed $SEED, exit code $run_exit"
echo "   faults: $FAULTS"
cat "$WORK/faults-counts"
printf '   %-42s%s\n' "files whose content is wrong" "$FAULT_WRONG"
echo
echo "== Crash trial: $kills kills of run --delay 200ms (faults $CRASH_FAULTS: $CRASH_FAULTS_INJECTED injected)"
printf '   %-5s %-10s %-13s %-11s %-11s %-20s %s\n' kill "after (s)" "journal rows" "torn bytes" "temp files" "files not journaled" "repeated requests"
echo "   (after: seconds from the run's landing request to the kill)"
for i in "${!kill_rows[@]}"; do
  read -r k after journaled torn parts orphans <<<"${kill_rows[$i]}"
  repeated=$(awk -v k="$k" '$1 == k {print $2}' "$WORK/repeats")
  printf '   %-5s %-10s %-13s %-11s %-11s %-20s %s\n' "$k" "$after" "$journaled" "$torn" "$parts" "$orphans" "${repeated:-?}"
done
echo "   after the final resume (exit $resume_exit):"
printf '     %-40s%s\n' "partial files (temp / not in manifest)" "$FINAL_PARTS / $FINAL_UNLISTED" \
  "lost combinations" "$((PLAN_SIZE - MANIFEST_ROWS)) (manifest $MANIFEST_ROWS of $PLAN_SIZE)" \
  "repeated requests, all kills" "$(awk '{s += $2} END {print s + 0}' "$WORK/repeats")" \
  "torn journal lines dropped on resume" "$(grep -o 'journal had [0-9]* torn' "$WORK/crash-runs.log" | awk '{s += $3} END {print s + 0}')" \
  "files whose content is wrong" "$CRASH_WRONG"
echo "   (work folder: $WORK)"
