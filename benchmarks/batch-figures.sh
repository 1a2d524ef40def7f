#!/usr/bin/env bash
# Batch throughput figures (issue 14 item 3; README "Batch throughput and allocation"), measured in ONE run:
#   the command line (--threads 2) over N distinct request lines, with Conscrypt and with Bouncy Castle (java -cp, and
#   the launcher core/target/sectrust4j with its JVM flags and Conscrypt through SECTRUST4J_CLASSPATH), and over M
#   repeated lines, timed from outside (BatchRun: whole run with start-up and JIT, and the run's second half);
#   in process, one thread (JMH BatchThroughputBenchmark): a distinct line against the signature verifications that
#   same line makes, replayed alone with the same backend (the floor no batch can go under), and a repeated line.
#
#   benchmarks/batch-figures.sh [--no-build] [--distinct N] [--repeated M] [--skip-jmh] [--skip-cli] [--out DIR]
#
# Distinct lines are minted in chunks of 20,000 (one seed each: its own root, issuing CA and CT logs; ~2 min of CPU a
# chunk, two at a time) and kept in ${TMPDIR:-/tmp}/sectrust4j-bench-corpus for later runs. Default: 40,000 distinct
# and 200,000 repeated lines (~5 min on 2 quiet cores once minted). Needs java 17 and mvn; /usr/bin/time for CPU
# seconds. Figures are benchmarks of this machine at this moment, not pass/fail checks: measure on a quiet machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build=true jmh=true cli=true distinct=40000 repeated=200000 out="benchmarks/target/batch-figures"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=false ;;
    --skip-jmh) jmh=false ;;
    --skip-cli) cli=false ;;
    --distinct) distinct="$2"; shift ;;
    --repeated) repeated="$2"; shift ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "batch-figures.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average[s]*: //'; }
if [ "$build" = true ]; then
  echo "== build (mvn package, no tests)"
  mvn -B -q -pl core,benchmarks -am package -DskipTests
fi
bench=benchmarks/target/benchmarks.jar
[ -f "$bench" ] && [ -f core/target/sectrust4j.jar ] || { echo "batch-figures.sh: build first (run without --no-build)" >&2; exit 1; }
lib=benchmarks/target/lib
conscrypt="$lib/conscrypt-openjdk-uber-2.5.2.jar"
[ -f "$conscrypt" ] || mvn -B -q dependency:copy -Dartifact=org.conscrypt:conscrypt-openjdk-uber:2.5.2 -DoutputDirectory="$lib"

corpus="${TMPDIR:-/tmp}/sectrust4j-bench-corpus"
mkdir -p "$corpus"
chunks=$(( (distinct + 19999) / 20000 ))
mint() { # seed: 20,000 distinct lines of their own root, CA and logs
  local f="$corpus/batch-distinct-20000-seed$1.jsonl"
  [ -s "$f" ] && [ "$(wc -l < "$f")" -eq 20000 ] && return 0
  java -cp "$bench" io.github.sectrust4j.bench.BatchLines distinct 20000 "$1" > "$f.tmp" && mv "$f.tmp" "$f"
}
echo "== corpus: $distinct distinct lines ($chunks chunk(s) of 20,000), $repeated repeated lines"
pids=()
for i in $(seq 0 $((chunks - 1))); do
  mint $((14 + i)) & pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[@]}"; pids=(); fi
done
[ ${#pids[@]} -eq 0 ] || wait "${pids[@]}"
# awk, not head: under pipefail, head closing the pipe early would fail the script
for i in $(seq 0 $((chunks - 1))); do cat "$corpus/batch-distinct-20000-seed$((14 + i)).jsonl"; done \
  | awk -v n="$distinct" 'NR <= n' > "$out/distinct.jsonl"
java -cp "$bench" io.github.sectrust4j.bench.BatchLines repeated "$repeated" > "$out/repeated.jsonl"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "machine: $(uname -sm); $(nproc 2>/dev/null || echo '?') CPUs; $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo 'cpu ?')"
  echo "java: $(java -version 2>&1 | sed -n 2p)"
  echo "load average (1, 5, 15 min) at start: $(load)"
} > "$out/machine.txt"
cat "$out/machine.txt"

rows="$out/cli.tsv"
: > "$rows"
if [ "$cli" = true ]; then
  timer=()
  # GNU time only (-f, -o); without it the CPU column reads "?"
  if /usr/bin/time -f "%U %S" -o /dev/null true 2> /dev/null; then timer=(/usr/bin/time -f "%U %S" -o "$out/cpu.txt"); fi
  run() { # label, lines file, batch command...
    local label="$1" lines="$2"
    shift 2
    rm -f "$out/cpu.txt"
    echo "== command line: $label"
    java -cp "$bench" io.github.sectrust4j.bench.BatchRun "$label" "$lines" "$out/cpu.txt" -- ${timer[@]+"${timer[@]}"} \
      "$@" --threads 2 >> "$rows"
    tail -1 "$rows"
  }
  cp_batch=(java -cp "core/target/sectrust4j.jar:$conscrypt" io.github.sectrust4j.cli.Main batch)
  run "distinct, Conscrypt" "$out/distinct.jsonl" "${cp_batch[@]}" --verifier conscrypt
  run "distinct, Bouncy Castle" "$out/distinct.jsonl" "${cp_batch[@]}" --verifier bc
  # what users run: the launcher's JVM flags for batch (README "JVM flags for batch"), Conscrypt after its jar
  if [ -x core/target/sectrust4j ]; then
    run "distinct, Conscrypt, launcher" "$out/distinct.jsonl" \
      env SECTRUST4J_CLASSPATH="$conscrypt" core/target/sectrust4j batch --verifier conscrypt
  else
    echo "batch-figures.sh: note: no launcher core/target/sectrust4j (mvn package makes it); its row is left out" >&2
  fi
  run "repeated, Conscrypt" "$out/repeated.jsonl" "${cp_batch[@]}" --verifier conscrypt
fi

# the result rows (score and allocation) of a JMH log: exactly n of them, else the log's tail and a failure
rows_of() {
  local rows
  rows=$(grep -E "^$2(:gc.alloc.rate.norm)? " "$1" || true)
  if [ "$(printf '%s\n' "$rows" | grep -c .)" -ne "$3" ]; then
    echo "batch-figures.sh: expected $3 result rows in $1, found:" >&2; printf '%s\n' "$rows" >&2; tail -20 "$1" >&2; exit 1
  fi
  printf '%s\n' "$rows"
}
jmhlog="$out/jmh.log"
: > "$jmhlog"
if [ "$jmh" = true ]; then
  for v in conscrypt bc; do
    echo "== JMH BatchThroughputBenchmark, distinct lines, verifier $v: a line and its signatures alone"
    java -jar "$bench" 'BatchThroughputBenchmark\.(line|signatures)$' -p lines=distinct -f 1 -wi 3 -w 2s -i 5 -r 2s \
      -foe true -prof gc -jvmArgsAppend "-Dsectrust4j.verifier=$v" > "$out/jmh-$v.log" 2>&1 || { tail -20 "$out/jmh-$v.log" >&2; exit 1; }
    rows_of "$out/jmh-$v.log" 'BatchThroughputBenchmark\.(line|signatures)' 4 | sed "s/^/$v /" >> "$jmhlog"
  done
  echo "== JMH BatchThroughputBenchmark, repeated lines"
  java -jar "$bench" 'BatchThroughputBenchmark\.line$' -p lines=repeated -f 1 -wi 3 -w 2s -i 5 -r 2s -foe true -prof gc \
    -jvmArgsAppend -Dsectrust4j.verifier=conscrypt > "$out/jmh-repeated.log" 2>&1 || { tail -20 "$out/jmh-repeated.log" >&2; exit 1; }
  rows_of "$out/jmh-repeated.log" 'BatchThroughputBenchmark\.line' 2 | sed "s/^/conscrypt /" >> "$jmhlog"
fi
echo "load average (1, 5, 15 min) at end: $(load)" >> "$out/machine.txt"

{
  echo "## Batch figures"
  echo
  sed 's/^/    /' "$out/machine.txt"
  echo
  if [ -s "$rows" ]; then
    echo "| command line, \`--threads 2\` | lines | wall s | lines/s, whole run | lines/s, second half | CPU s | CPU µs per line |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' '{ cpu = ($6 == "?") ? "?" : sprintf("%.0f", $6 * 1e6 / $2); printf "| %s | %d | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, cpu }' "$rows"
    echo
  fi
  if [ -s "$jmhlog" ]; then
    echo "| in process, one thread (JMH) | µs per line | bytes per line | 2 cores at most, lines/s |"
    echo "|---|---:|---:|---:|"
    awk '
      $2 ~ /:gc.alloc.rate.norm$/ { split($2, n, ":"); key = $1 " " n[1] " " $4; alloc[key] = $7; next }
      { key = $1 " " $2 " " $4; score[key] = $7; order[++k] = key }
      END {
        for (i = 1; i <= k; i++) {
          split(order[i], p, " "); what = (p[2] ~ /signatures/) ? "its signatures alone (the floor)" : "a " p[3] " line"
          printf "| %s, %s | %.1f | %.0f | %.0f |\n", p[1], what, score[order[i]], alloc[order[i]], 2e6 / score[order[i]]
        }
        for (i = 1; i <= k; i++) { split(order[i], p, " "); if (p[2] ~ /line$/ && p[3] == "distinct") {
          f = p[1] " BatchThroughputBenchmark.signatures distinct"; if (f in score)
            printf "\n%s: a distinct line costs %.2f× its signature verifications.\n", p[1], score[order[i]] / score[f] } }
      }' "$jmhlog"
  fi
} > "$out/batch-figures.md"
echo
cat "$out/batch-figures.md"
echo "(also in $out/batch-figures.md)"
