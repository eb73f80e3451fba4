#!/usr/bin/env bash
# Two (or more) gateway builds side by side, behind the same running fleet: each jar is started as
# an extra gateway (ports 8090, 8091, ...; not registered in discovery, sharing the fleet's Redis and
# services), warmed, then measured in alternating wrk rounds on the same product read as
# e2e/bench/gateway.sh. Every round prints the gateway's CPU per request (from /proc) beside the
# throughput, and the medians close the run. A change to the gateway's own cost shows in the CPU per
# request even when this machine's speed drifts, since both builds see the same drift round by round.
# Needs a running fleet (./tienda up -d) and wrk (apt-get install -y wrk).
#
#   e2e/bench/gateway-ab.sh "before.jar" "after.jar[|extra JVM options[|extra arguments]]" ...
#     BENCH_ROUNDS   rounds per build, default 5
#     BENCH_WARMUP   seconds of warm-up per build, default 45
#     BENCH_SECONDS  seconds per round, default 10
#     TIENDA_JAVA    the java to run them with, default the newest JDK under /usr/lib/jvm
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -ge 1 ] || { sed -n '2,14p' "$0" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
rounds="${BENCH_ROUNDS:-5}"; warmup="${BENCH_WARMUP:-45}"; seconds="${BENCH_SECONDS:-10}"
java="${TIENDA_JAVA:-$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)}"
java="${java:-java}"
# The fleet's JVM options for the gateway (fleet ServiceCommand: JVM_OPTIONS and GATEWAY_HEAP).
jvm_options=(-Xms192m -Xmn128m -Xmx256m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=96m
  --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)

direct="${TIENDA_PRODUCT_URL:-http://localhost:8001}"
BENCH_PATH="$("$here/product-path.sh" "$direct")"
export BENCH_PATH BENCH_DELAY_MS=0

pids=(); ports=(); names=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT
logs="$(mktemp -d)"
port=8090
for spec in "$@"; do
  IFS='|' read -r jar options arguments <<<"$spec"
  [ -f "$jar" ] || { echo "no such jar: $jar" >&2; exit 1; }
  # shellcheck disable=SC2086 # the extra options and arguments are word lists
  "$java" "${jvm_options[@]}" $options -jar "$jar" --server.port="$port" --management.server.port=0 \
    --eureka.client.register-with-eureka=false --spring.data.redis.host=localhost --spring.data.redis.port=6379 \
    --tienda.gateway.trusted-proxies=127.0.0.1/32,::1/128 $arguments >"$logs/gateway-$port.log" 2>&1 &
  pids+=("$!"); ports+=("$port"); names+=("$(basename "$jar")${options:+ $options}${arguments:+ $arguments}")
  port=$((port + 1))
done
echo "request: GET $BENCH_PATH; $rounds alternating rounds of ${seconds}s at 32 connections; logs in $logs"
for i in "${!ports[@]}"; do
  for _ in $(seq 180); do curl -fs "http://localhost:${ports[$i]}$BENCH_PATH" >/dev/null 2>&1 && break; sleep 1; done
  echo "  :${ports[$i]} ${names[$i]}"
done
for p in "${ports[@]}"; do wrk -t2 -c32 -d"${warmup}s" -s "$here/gateway.lua" "http://localhost:$p" >/dev/null; done

ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
hertz="$(getconf CLK_TCK)"
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$1"; }
median() { sort -n | awk '{v[NR]=$1} END{print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
declare -A cpu rps
non2xx=0
for r in $(seq "$rounds"); do
  for i in "${!ports[@]}"; do
    t0="$(ticks "${pids[$i]}")"
    result="$(wrk -t2 -c32 -d"${seconds}s" --timeout 10s -s "$here/gateway.lua" "http://localhost:${ports[$i]}" | grep '^BENCH')"
    t1="$(ticks "${pids[$i]}")"
    n="$(field "$result" requests)"
    ms="$(awk -v t=$((t1 - t0)) -v n="$n" -v hz="$hertz" 'BEGIN{printf "%.3f", (n > 0 ? t*1000/hz/n : 0)}')"
    cpu[$i]+="$ms "; rps[$i]+="$(field "$result" rps) "; non2xx=$((non2xx + $(field "$result" non2xx)))
    echo "  round $r :${ports[$i]} rps=$(field "$result" rps) p99_ms=$(field "$result" p99_ms) non2xx=$(field "$result" non2xx) gateway_cpu_ms/request=$ms"
  done
done
for i in "${!ports[@]}"; do
  # shellcheck disable=SC2086
  echo "median :${ports[$i]} ${names[$i]}: gateway_cpu_ms/request $(printf '%s\n' ${cpu[$i]} | median), rps $(printf '%s\n' ${rps[$i]} | median)"
done
echo "non-2xx responses in all measured rounds: $non2xx"
# A figure taken on refusals or errors says nothing about the gateway's cost on real reads.
[ "$non2xx" -eq 0 ] || { echo "the figures above include non-2xx answers: they are not valid" >&2; exit 1; }
