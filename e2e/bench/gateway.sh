#!/usr/bin/env bash
# The gateway's cost, measured as a user would: wrk against the gateway and against the service
# directly, side by side in one run, on the same request (a product read by id), at 32 and 128
# connections, then both at a half and a quarter of the direct saturation rate to compare tail
# latency. Every request carries its own X-Forwarded-For, so per-IP limits do not shape the
# figures, and every non-2xx is counted. Needs a running fleet (./tienda up -d) and wrk
# (apt-get install -y wrk).
#
# On two shared cores one short run of each path swings by 20-40 % (the JIT, GC, the fleet's own
# background work), so the two paths are measured in alternating rounds and compared by their
# medians; since the machine's speed can drift within a run, each gateway round is also divided by
# the direct round just before it, and the median of those paired ratios is printed beside the
# ratio of the medians. When the fleet runs on this machine, each round also prints the CPU spent
# per request (from /proc) by the gateway, product-service, Redis (the gateway's rate limit) and the
# launcher (whose MongoDB serves product-service's reads), which explains the ratio, and every
# round prints the share of the machine's CPU time the hypervisor gave to others (steal).
#
#   e2e/bench/gateway.sh [seconds per round, default 15]
#     BENCH_ROUNDS   rounds per comparison, default 3
#     BENCH_WARMUP   seconds of warm-up per path, default 60
#     BENCH_PACED_ROUNDS  rounds per tail-latency comparison, default 5 (a p99 varies more than a rate)
set -euo pipefail
# shellcheck source=e2e/bench/lib.sh
. "$(dirname "$0")/lib.sh"
seconds="${1:-15}"
rounds="${BENCH_ROUNDS:-3}"
paced_rounds="${BENCH_PACED_ROUNDS:-5}"
gateway="${TIENDA_GATEWAY_URL:-http://localhost:8080}"
direct="${TIENDA_PRODUCT_URL:-http://localhost:8001}"

use_product_path "$direct"
echo "request: GET $BENCH_PATH, ${rounds} alternating rounds of ${seconds}s per comparison, $(nproc) cores"

# The fleet's JVMs, when they run here (./tienda up); elsewhere the CPU columns are left out.
gateway_pid="$(pid_of '/gateway\.jar')"
product_pid="$(pid_of '/product-service\.jar')"
redis_pid="$(pid_of 'redis-server')"
launcher_pid="$(pid_of 'tienda-fleet')"
# all CPU time and stolen CPU time of the machine, in ticks
machine() { awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $9}' /proc/stat; }

run() { # name url connections [pause ms] -> prints one line, keeps the wrk summary in $result
  local g0 p0 r0 l0 g1 p1 r1 l1 m0 m1 n cpu="" steal
  g0="$(ticks "$gateway_pid")"; p0="$(ticks "$product_pid")"; m0="$(machine)"
  r0="$(ticks "$redis_pid")"; l0="$(ticks "$launcher_pid")"
  wrk_round "$3" "$seconds" "$2" "${4:-0}"
  g1="$(ticks "$gateway_pid")"; p1="$(ticks "$product_pid")"; m1="$(machine)"
  r1="$(ticks "$redis_pid")"; l1="$(ticks "$launcher_pid")"
  steal="$(awk -v a="$m0" -v b="$m1" 'BEGIN{split(a, x, " "); split(b, y, " "); t = y[1] - x[1];
    printf " steal=%.0f%%", (t > 0 ? 100 * (y[2] - x[2]) / t : 0)}')"
  n="$(field "$result" requests)"
  if [ -n "$product_pid" ] && [ "${n:-0}" -gt 0 ]; then
    cpu=" cpu_ms/request: gateway=$(cpu_ms $((g1 - g0)) "$n") product=$(cpu_ms $((p1 - p0)) "$n")"
    cpu+=" redis=$(cpu_ms $((r1 - r0)) "$n") launcher=$(cpu_ms $((l1 - l0)) "$n")"
  fi
  printf '  %-30s %s%s%s\n' "$1 c=$3${4:+ pause=${4}ms}" "${result#BENCH }" "$cpu" "$steal"
}

# Warm both paths before anything counts: connection pools and the JIT, which on two busy cores
# takes tens of seconds of traffic to settle (5 s left the direct figure 30-40 % low).
warmup="${BENCH_WARMUP:-60}"
wait_for_quiet
echo "warming up: ${warmup}s per path"
warm_up "$warmup" "$direct"
warm_up "$warmup" "$gateway"

declare -A median_rps
for c in 32 128; do
  echo "saturation, $c connections:"
  direct_rps=(); gateway_rps=(); paired=()
  for _ in $(seq "$rounds"); do
    run direct "$direct" "$c"; direct_rps+=("$(field "$result" rps)")
    run gateway "$gateway" "$c"; gateway_rps+=("$(field "$result" rps)")
    paired+=("$(awk -v g="${gateway_rps[-1]}" -v d="${direct_rps[-1]}" 'BEGIN{printf "%.3f", (d > 0 ? g/d : 0)}')")
  done
  median_rps[direct$c]="$(printf '%s\n' "${direct_rps[@]}" | median)"
  median_rps[gateway$c]="$(printf '%s\n' "${gateway_rps[@]}" | median)"
  echo "  median: direct ${median_rps[direct$c]}/s, gateway ${median_rps[gateway$c]}/s, ratio gateway/direct at c=$c: $(
    awk -v g="${median_rps[gateway$c]}" -v d="${median_rps[direct$c]}" 'BEGIN{printf "%.2f", g/d}')"
  echo "  paired rounds (gateway / the direct round before it): ${paired[*]}; median $(
    printf '%s\n' "${paired[@]}" | median | awk '{printf "%.2f", $1}')"
done

# Half of direct saturation, spread over 32 connections: each connection pauses at random (see
# gateway.lua) so that together they offer about that rate, as independent users would; the p99
# difference is what the gateway adds at a sane load. On two shared cores the gateway path is
# already near its own saturation there, so a quarter of direct saturation is measured too: what the
# gateway adds when the cores are not the bottleneck.
paced() { # label fraction-of-direct-saturation
  local rate pause d g direct_p99=() gateway_p99=() added=()
  rate="$(awk -v r="${median_rps[direct32]}" -v f="$2" 'BEGIN{printf "%d", r*f}')"
  pause="$(awk -v r="$rate" 'BEGIN{printf "%d", 32*1000/r}')"
  echo "$1 of direct saturation: ~${rate}/s offered (32 connections, ${pause} ms between requests on average):"
  for _ in $(seq "$paced_rounds"); do
    run direct "$direct" 32 "$pause"; direct_p99+=("$(field "$result" p99_ms)")
    run gateway "$gateway" 32 "$pause"; gateway_p99+=("$(field "$result" p99_ms)")
    added+=("$(awk -v g="${gateway_p99[-1]}" -v d="${direct_p99[-1]}" 'BEGIN{printf "%.1f", g-d}')")
  done
  d="$(printf '%s\n' "${direct_p99[@]}" | median)"; g="$(printf '%s\n' "${gateway_p99[@]}" | median)"
  echo "  median p99: direct ${d} ms, gateway ${g} ms, added by the gateway at $1 of direct saturation: $(
    awk -v g="$g" -v d="$d" 'BEGIN{printf "%.2f ms", g-d}')"
  echo "  paired rounds (gateway p99 - the direct round's before it): ${added[*]} ms; median $(
    printf '%s\n' "${added[@]}" | median) ms"
}
paced half 0.5
paced "a quarter" 0.25
check_non2xx
