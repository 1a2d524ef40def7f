#!/usr/bin/env bash
# The README's performance figures, measured in ONE run on one machine (README "Figures from one run"):
#   library (JMH, sample mode, medians): sectrust4j cold and warm evaluation against the raw signature checks
#     and the JDK's PKIX CertPathValidator, ECDSA P-256 and RSA-2048 chains; sectrust4j runs with the Bouncy Castle
#     verifier (-Dsectrust4j.verifier=bc), the one the RAW rows measure (the benchmarks jar carries Conscrypt and
#     ACCP, which `auto` would pick: README "Native signature verification" compares those);
#   CLI (hyperfine): the first verdict of `evaluate` on one bundled example, through the launcher and through
#     `java -jar`, against `openssl verify` of the same chain and a bare `java -version`;
# then prints both as Markdown tables of medians and ratios, with a note on the machine and its load.
#
#   benchmarks/figures.sh [--quick] [--no-build] [--skip-jmh] [--skip-cli] [--out DIR]
#
# --quick: shorter JMH iterations and fewer CLI runs (a smoke run, ~3 min on 2 busy cores; the full run ~8 min).
# The first run also mints the JMH chain corpus (RSA key generation: a few minutes), kept in
# ${java.io.tmpdir}/sectrust4j-bench-corpus for later runs. Needs java 17, mvn, openssl and hyperfine
# (Debian/Ubuntu: apt-get install hyperfine); a missing tool skips its part with a message.
# Figures are benchmarks of this machine at this moment, not pass/fail checks.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick=false build=true jmh=true cli=true out="benchmarks/target/figures"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    --skip-jmh) jmh=false ;;
    --skip-cli) cli=false ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "figures.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average[s]*: //'; }

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "machine: $(uname -sm); $(nproc 2>/dev/null || echo '?') CPUs; $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo 'cpu ?')"
  echo "java: $(java -version 2>&1 | sed -n 2p)"
  echo "openssl: $(openssl version 2>/dev/null || echo 'not installed'); hyperfine: $(hyperfine --version 2>/dev/null || echo 'not installed')"
  echo "profile: $([ "$quick" = true ] && echo quick || echo full)"
  echo "load average (1, 5, 15 min) at start: $(load)"
} > "$out/machine.txt"
cat "$out/machine.txt"

if [ "$build" = true ]; then
  echo "== build (mvn package, no tests)"
  mvn -B -q -pl core,benchmarks -am package -DskipTests
fi
[ -f benchmarks/target/benchmarks.jar ] || { echo "figures.sh: no benchmarks/target/benchmarks.jar (run without --no-build)" >&2; exit 1; }

jmh_json=-
if [ "$jmh" = true ]; then
  if [ "$quick" = true ]; then iters=(-wi 2 -w 500ms -i 3 -r 500ms); else iters=(-wi 3 -w 1s -i 5 -r 1s); fi
  echo "== JMH (${iters[*]}), one fork per benchmark"
  # JMH runs one at a time per machine (/tmp/jmh.lock): wait up to 15 minutes for another run to end
  for attempt in $(seq 1 30); do
    if java -jar benchmarks/target/benchmarks.jar \
      'RawSignatureBenchmark\.(rawBouncyCastleJdkDigest|rawBouncyCastleJdkDigestWithRootSelfSignature|rawJdkProviders)$|SecTrustColdBenchmark|SecTrustWarmBenchmark|JdkPkixBenchmark' \
      -f 1 "${iters[@]}" -jvmArgsAppend -Dsectrust4j.verifier=bc -bm sample -tu us -rf json -rff "$out/jmh.json" > "$out/jmh.log" 2>&1; then
      break
    fi
    if ! grep -q "Unable to acquire the JMH lock" "$out/jmh.log" || [ "$attempt" -eq 30 ]; then
      echo "figures.sh: JMH failed, see $out/jmh.log" >&2; tail -20 "$out/jmh.log" >&2; exit 1
    fi
    echo "   another JMH run holds /tmp/jmh.lock; waiting 30 s" >&2
    sleep 30
  done
  jmh_json="$out/jmh.json"
fi

cli_json=-
if [ "$cli" = true ]; then
  if ! command -v hyperfine > /dev/null || ! command -v openssl > /dev/null; then
    echo "figures.sh: hyperfine or openssl missing (apt-get install hyperfine openssl): CLI figures skipped" >&2
  else
    ex=examples/internal-ca-mdm-root
    # openssl verify wants the leaf and the intermediate apart: the chain file holds both, leaf first
    awk -v out="$out" '/BEGIN CERTIFICATE/{n++} {print > (out "/chain-" n ".pem")}' "$ex/chain.pem"
    args=(evaluate "$ex/chain.pem" --host portal.contoso.com --ios 18.0 --at 2025-06-01T00:00:00Z --mdm-root "$ex/user-root-1.pem")
    [ -x core/target/sectrust4j ] || { echo "figures.sh: no launcher core/target/sectrust4j (mvn package makes it)" >&2; exit 1; }
    [ -f core/target/sectrust4j.jsa ] || echo "figures.sh: note: no class-data-sharing archive; the launcher runs without it" >&2
    # the launcher answers byte for byte as java -jar does, or its timing means nothing
    cmp -s <(core/target/sectrust4j "${args[@]}") <(java -jar core/target/sectrust4j.jar "${args[@]}") \
      || { echo "figures.sh: the launcher's answer differs from java -jar's" >&2; exit 1; }
    if [ "$quick" = true ]; then runs=(-w 1 -r 8); else runs=(-w 3 -r 20); fi
    echo "== hyperfine (${runs[*]})"
    # at 2025-06-01T00:00:00Z, the time the evaluation is asked for
    hyperfine -N "${runs[@]}" --export-json "$out/hyperfine.json" --style basic \
      -n "java -version" "java -version" \
      -n "openssl verify" "openssl verify -attime 1748736000 -CAfile $ex/user-root-1.pem -untrusted $out/chain-2.pem $out/chain-1.pem" \
      -n "core/target/sectrust4j evaluate" "core/target/sectrust4j ${args[*]}" \
      -n "java -jar sectrust4j.jar evaluate" "java -jar core/target/sectrust4j.jar ${args[*]}" \
      > "$out/hyperfine.log" 2>&1 || { echo "figures.sh: hyperfine failed, see $out/hyperfine.log" >&2; tail -20 "$out/hyperfine.log" >&2; exit 1; }
    cli_json="$out/hyperfine.json"
  fi
fi

echo "load average (1, 5, 15 min) at end: $(load)" >> "$out/machine.txt"
# a busy machine distorts every figure, each benchmark by another amount: say so next to them
busy=$(awk -F': ' -v cpus="$(nproc 2>/dev/null || echo 1)" '/^load average/ { split($2, l, " "); if (l[1] + 0 > cpus) { print "yes"; exit } }' "$out/machine.txt")
[ "$busy" != yes ] || echo "WARNING: the 1-minute load average exceeded the CPU count during this run: the figures are distorted (ratios too); measure on a quiet machine" >> "$out/machine.txt"
{
  echo "## Figures"
  echo
  sed 's/^/    /' "$out/machine.txt"
  echo
  java -cp benchmarks/target/benchmarks.jar io.github.sectrust4j.bench.Figures "$jmh_json" "$cli_json"
} > "$out/figures.md"
echo
cat "$out/figures.md"
echo "(also in $out/figures.md; raw results: $out/jmh.json, $out/hyperfine.json)"
