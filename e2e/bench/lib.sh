# What the gateway benchmarks share (gateway.sh, gateway-ab.sh): the wrk round on gateway.lua, the
# reading of its summary line, medians, CPU per request from /proc, and the rule that a run with any
# non-2xx answer has no valid figure. Sourced, not run.
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
hertz="$(getconf CLK_TCK)"
non2xx_total=0

# The product read every benchmark measures, found on the service at $1 (see product-path.sh),
# exported as BENCH_PATH for gateway.lua.
use_product_path() {
  BENCH_PATH="$("$bench_dir/product-path.sh" "$1")"
  export BENCH_PATH
}

# Waits, up to ten minutes, until no JVM on this machine is training an AOT cache. After a start the
# launcher trains the caches in the background (at a low priority, but on the same cores), and a run
# beside that measures the training as much as the gateway: one such run gave a ratio of 0.38.
wait_for_quiet() {
  local waited=0
  while pgrep -f -- '-XX:AOTCacheOutput=' >/dev/null; do
    [ "$waited" -eq 0 ] && echo "waiting for the AOT cache training to finish"
    [ "$waited" -ge 600 ] && { echo "AOT caches still training after 10 minutes" >&2; exit 1; }
    sleep 5
    waited=$((waited + 5))
  done
}

# Unmeasured traffic before anything counts: $1 seconds against $2, 32 connections, as fast as it answers.
warm_up() {
  BENCH_DELAY_MS=0 wrk -t2 -c32 -d"$1s" -s "$bench_dir/gateway.lua" "$2" >/dev/null
}

# One measured round: $1 connections for $2 seconds against $3, each connection pausing ${4:-0} ms
# on average between requests (see gateway.lua). Leaves the summary line in $result and adds its
# non-2xx answers to $non2xx_total; call it directly, not in $(...), or both are lost.
wrk_round() {
  result="$(BENCH_DELAY_MS="${4:-0}" wrk -t2 -c"$1" -d"$2s" --timeout 10s -s "$bench_dir/gateway.lua" "$3" \
    | grep '^BENCH')"
  non2xx_total=$((non2xx_total + $(field "$result" non2xx)))
}

# The value of "name=value" $2 in the summary line $1.
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$1"; }

# The median of the numbers on standard input, one per line (negative ones too: a paired difference
# can be); "-" when there is none, e.g. a list of "-" for a figure no round had.
median() {
  { grep -E '^-?([0-9]+[.]?[0-9]*|[.][0-9]+)$' || true; } | sort -g \
    | awk '{v[NR]=$1} END{print NR == 0 ? "-" : (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}

# The pid of the first process whose command line matches $1 (pgrep -f); empty when none runs here.
pid_of() { pgrep -f -- "$1" | head -1 || true; }

# CPU ticks process $1 has used so far; 0 when there is no such process here (empty, "-" or gone).
ticks() {
  if [ -n "$1" ] && [ "$1" != - ] && [ -r "/proc/$1/stat" ]; then awk '{print $14+$15}' "/proc/$1/stat"; else echo 0; fi
}

# Milliseconds of CPU per request: $1 ticks over $2 requests.
cpu_ms() { awk -v t="$1" -v n="$2" -v hz="$hertz" 'BEGIN{printf "%.3f", (n > 0 ? t*1000/hz/n : 0)}'; }

# Closes a run: prints the non-2xx count and fails when there was any, since a figure taken on
# refusals or errors says nothing about the gateway's cost on real reads.
check_non2xx() {
  echo "non-2xx responses in all measured rounds: $non2xx_total"
  [ "$non2xx_total" -eq 0 ] || { echo "the figures above include non-2xx answers: they are not valid" >&2; exit 1; }
}
