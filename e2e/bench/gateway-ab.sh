#!/usr/bin/env bash
# Gateway builds side by side, behind the same running fleet: each jar is started as an extra
# gateway (ports 8090, 8091, ...; not registered in discovery, sharing the fleet's Redis and
# services), warmed, then measured in alternating wrk rounds on the same product read as
# e2e/bench/gateway.sh. Every round prints the gateway's CPU per request (from /proc) and Redis' (the
# rate limit) beside the throughput and latency, and the medians close the run. A change to the gateway's own cost shows in
# the CPU per request even when this machine's speed drifts, since every build sees the same drift
# round by round. Needs a running fleet (./tienda up -d) and wrk (apt-get install -y wrk).
#
# Two other targets can join the rounds, for scale: "direct" (product-service itself) and "nginx"
# (nginx started here in front of product-service, upstream keep-alive, access log on; needs
# apt-get install -y nginx-light). With BENCH_DELAY_MS each connection pauses at random between
# requests (see gateway.lua), so the rounds compare tail latency at a set rate rather than saturation.
#
#   e2e/bench/gateway-ab.sh "before.jar" "after.jar[|extra JVM options[|extra arguments]]" [direct] [nginx] ...
#     BENCH_ROUNDS    rounds per target, default 5
#     BENCH_WARMUP    seconds of warm-up per target, default 45
#     BENCH_SECONDS   seconds per round, default 10
#     BENCH_DELAY_MS  mean pause per connection between requests, default 0 (saturation)
#     TIENDA_JAVA     the java to run the jars with, default the newest JDK under /usr/lib/jvm
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,21p' "$0" >&2; exit 2; }
# shellcheck source=e2e/bench/lib.sh
. "$(dirname "$0")/lib.sh"
rounds="${BENCH_ROUNDS:-5}"; warmup="${BENCH_WARMUP:-45}"; seconds="${BENCH_SECONDS:-10}"
java="${TIENDA_JAVA:-$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)}"
java="${java:-java}"
# The fleet's JVM options for the gateway (fleet ServiceCommand: JVM_OPTIONS and GATEWAY_HEAP).
jvm_options=(-Xms192m -Xmn128m -Xmx256m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=96m
  --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)

direct="${TIENDA_PRODUCT_URL:-http://localhost:8001}"
use_product_path "$direct"
delay="${BENCH_DELAY_MS:-0}"

pids=(); ports=(); names=(); nginx_prefix=""
logs="$(mktemp -d)"
stop_all() {
  for pid in "${pids[@]}"; do [ "$pid" = - ] || kill "$pid" 2>/dev/null || true; done
  [ -z "$nginx_prefix" ] || nginx -p "$nginx_prefix" -c "$nginx_prefix/nginx.conf" -s stop 2>/dev/null || true
}
trap stop_all EXIT
port=8090
for spec in "$@"; do
  if [ "$spec" = direct ]; then
    pids+=(-); ports+=("${direct##*:}"); names+=("product-service directly"); continue
  fi
  if [ "$spec" = nginx ]; then
    command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
    nginx_prefix="$logs/nginx"; mkdir -p "$nginx_prefix/logs"
    cat >"$nginx_prefix/nginx.conf" <<CONF
worker_processes auto;
pid $nginx_prefix/nginx.pid;
error_log $nginx_prefix/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log $nginx_prefix/logs/access.log;
  upstream service { server ${direct#http://}; keepalive 64; }
  server {
    listen $port;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
    nginx -p "$nginx_prefix" -c "$nginx_prefix/nginx.conf"
    pids+=(-); ports+=("$port"); names+=("$(nginx -v 2>&1 | sed 's/.*: //') in front of product-service")
    port=$((port + 1)); continue
  fi
  IFS='|' read -r jar options arguments <<<"$spec"
  [ -f "$jar" ] || { echo "no such jar: $jar" >&2; exit 1; }
  # shellcheck disable=SC2086 # the extra options and arguments are word lists
  "$java" "${jvm_options[@]}" $options -jar "$jar" --server.port="$port" --management.server.port=0 \
    --eureka.client.register-with-eureka=false --spring.data.redis.host=localhost --spring.data.redis.port=6379 \
    --tienda.gateway.trusted-proxies=127.0.0.1/32,::1/128 $arguments >"$logs/gateway-$port.log" 2>&1 &
  pids+=("$!"); ports+=("$port"); names+=("$(basename "$jar")${options:+ $options}${arguments:+ $arguments}")
  port=$((port + 1))
done
pacing="as fast as they answer"
[ "$delay" = 0 ] || pacing="each pausing ${delay} ms on average between requests"
echo "request: GET $BENCH_PATH; $rounds alternating rounds of ${seconds}s at 32 connections, $pacing; logs in $logs"
for i in "${!ports[@]}"; do
  for _ in $(seq 180); do curl -fs "http://localhost:${ports[$i]}$BENCH_PATH" >/dev/null 2>&1 && break; sleep 1; done
  echo "  :${ports[$i]} ${names[$i]}"
done
wait_for_quiet
for p in "${ports[@]}"; do warm_up "$warmup" "http://localhost:$p"; done

# Redis serves every gateway's rate limit (and nothing else during a round), so its CPU per request
# shows what a change to the gateway's use of it costs or saves on Redis' side.
redis_pid="$(pid_of 'redis-server')"
declare -A cpu redis rps p50 p99
for r in $(seq "$rounds"); do
  for i in "${!ports[@]}"; do
    t0="$(ticks "${pids[$i]}")"; r0="$(ticks "$redis_pid")"
    wrk_round 32 "$seconds" "http://localhost:${ports[$i]}" "$delay"
    t1="$(ticks "${pids[$i]}")"; r1="$(ticks "$redis_pid")"
    n="$(field "$result" requests)"
    ms=-; redis_ms=-
    # Only the gateways this script started are its own JVMs (no pid for direct and nginx: "-").
    [ "${pids[$i]}" = - ] || ms="$(cpu_ms $((t1 - t0)) "$n")"
    [ "${pids[$i]}" = - ] || [ -z "$redis_pid" ] || redis_ms="$(cpu_ms $((r1 - r0)) "$n")"
    cpu[$i]+="$ms "; redis[$i]+="$redis_ms "; rps[$i]+="$(field "$result" rps) "
    p50[$i]+="$(field "$result" p50_ms) "; p99[$i]+="$(field "$result" p99_ms) "
    echo "  round $r :${ports[$i]} rps=$(field "$result" rps) p50_ms=$(field "$result" p50_ms) p99_ms=$(field "$result" p99_ms) non2xx=$(field "$result" non2xx) gateway_cpu_ms/request=$ms redis_cpu_ms/request=$redis_ms"
  done
done
for i in "${!ports[@]}"; do
  # shellcheck disable=SC2086 # the lists are words
  echo "median :${ports[$i]} ${names[$i]}: gateway_cpu_ms/request $(printf '%s\n' ${cpu[$i]} | median), redis_cpu_ms/request $(printf '%s\n' ${redis[$i]} | median), rps $(printf '%s\n' ${rps[$i]} | median), p50_ms $(printf '%s\n' ${p50[$i]} | median), p99_ms $(printf '%s\n' ${p99[$i]} | median)"
done
check_non2xx
