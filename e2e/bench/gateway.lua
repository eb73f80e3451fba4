-- wrk script for e2e/bench/gateway.sh: one GET path, a different client address on every request
-- (X-Forwarded-For, which the fleet's gateway trusts from loopback) so that per-IP rate limits do not
-- shape the figures, every non-2xx counted, and an optional pause per request for a set rate.
local counter = 0
-- Globals, not locals: done() reads them from each thread's Lua state with thread:get, which sees
-- only globals (as locals every count read nil and the summary said 0 whatever the answers were).
non2xx = 0
statuses = {}
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local path = os.getenv("BENCH_PATH") or "/"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  -- Each thread's random numbers differ only once seeded apart (every Lua state starts from the same
  -- seed): its own block of addresses, its own pauses.
  math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
  counter = math.random(0, 60000)
end

function request()
  counter = counter + 1
  local address = string.format("198.18.%d.%d", math.floor(counter / 250) % 250 + 1, counter % 250 + 1)
  return wrk.format("GET", path, { ["X-Forwarded-For"] = address, ["Accept"] = "application/json" })
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

-- The pauses are random (exponential, BENCH_DELAY_MS on average), as independent users' are. With
-- one fixed pause every connection sends at the same moment, waits the same time and sends again, so
-- the offered load is bursts of one request per connection: at 50 requests/s in bursts of 32, a
-- product read directly from product-service had p99 41 ms, against 19 ms with random pauses.
if pause > 0 then
  function delay()
    return math.floor(-pause * math.log(1 - math.random()))
  end
end

function done(summary, latency, requests)
  local total = 0
  local detail = {}
  for _, thread in ipairs(threads) do
    total = total + (thread:get("non2xx") or 0)
    local s = thread:get("statuses") or {}
    for code, n in pairs(s) do detail[code] = (detail[code] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(detail) do table.insert(parts, code .. "=" .. n) end
  io.write(string.format("BENCH requests=%d errors=%d non2xx=%d [%s] p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f rps=%.1f\n",
      summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      total, table.concat(parts, " "), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
