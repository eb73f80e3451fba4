#!/usr/bin/env bash
# The gateway's cost, measured as a user would: wrk against the gateway and against the service
# directly, side by side in one run, on the same request (a product read by id), at 32 and 128
# connections, then both at half of the direct saturation rate to compare tail latency. Every
# request carries its own X-Forwarded-For, so per-IP limits do not shape the figures, and every
# non-2xx is counted. Needs a running fleet (./tienda up -d) and wrk (apt-get install -y wrk).
#
#   e2e/bench/gateway.sh [seconds per run, default 20]     (BENCH_WARMUP: seconds of warm-up per path, default 60)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-20}"
gateway="${TIENDA_GATEWAY_URL:-http://localhost:8080}"
direct="${TIENDA_PRODUCT_URL:-http://localhost:8001}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

id="$(curl -fsS "$direct/api/v1/products?size=1" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)"
[ -n "$id" ] || { echo "no product found at $direct; is the fleet up?" >&2; exit 1; }
export BENCH_PATH="/api/v1/products/$id"
echo "request: GET $BENCH_PATH, ${seconds}s per run, $(nproc) cores"

run() { # name url connections [delay ms]
  local out
  out="$(BENCH_DELAY_MS="${4:-0}" wrk -t2 -c"$3" -d"${seconds}s" --timeout 10s -s "$here/gateway.lua" "$2" | grep '^BENCH')"
  printf '%-34s %s\n' "$1 c=$3${4:+ delay=${4}ms}" "${out#BENCH }" >&2
  echo "$out"
}
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$1"; }

# Warm both paths before anything counts: connection pools and the JIT, which on two busy cores
# takes tens of seconds of traffic to settle (5 s left the direct figure 30-40 % low).
warmup="${BENCH_WARMUP:-60}"
echo "warming up: ${warmup}s per path"
BENCH_DELAY_MS=0 wrk -t2 -c32 -d"${warmup}s" -s "$here/gateway.lua" "$direct" >/dev/null
BENCH_DELAY_MS=0 wrk -t2 -c32 -d"${warmup}s" -s "$here/gateway.lua" "$gateway" >/dev/null

declare -A rps
for c in 32 128; do
  d="$(run direct "$direct" "$c" | tail -1)"
  g="$(run gateway "$gateway" "$c" | tail -1)"
  rps[direct$c]="$(field "$d" rps)"; rps[gateway$c]="$(field "$g" rps)"
  echo "  ratio gateway/direct at c=$c: $(awk -v g="${rps[gateway$c]}" -v d="${rps[direct$c]}" 'BEGIN{printf "%.2f", g/d}')"
done

# Half of direct saturation, spread over 32 connections: each connection pauses so that together
# they offer about that rate; the p99 difference is what the gateway adds at a sane load.
half="$(awk -v r="${rps[direct32]}" 'BEGIN{printf "%d", r/2}')"
pause="$(awk -v r="$half" 'BEGIN{printf "%d", 32*1000/r}')"
echo "half of direct saturation: ~${half}/s (32 connections, ${pause} ms between requests)"
d="$(run direct "$direct" 32 "$pause" | tail -1)"
g="$(run gateway "$gateway" 32 "$pause" | tail -1)"
echo "  p99 added by the gateway at ~${half}/s: $(awk -v g="$(field "$g" p99_ms)" -v d="$(field "$d" p99_ms)" 'BEGIN{printf "%.2f ms", g-d}')"
