-- Token bucket, refilled continuously. One hash per (tier, client): tokens left and when last seen.
-- KEYS[1] bucket key; ARGV[1] capacity (tokens); ARGV[2] refill rate (tokens per millisecond).
-- Returns { allowed (1|0), tokens left (floor), milliseconds until a token is available (0 if allowed) }.
-- Time comes from Redis, not the caller, so gateway replicas with drifting clocks share one bucket fairly.
local key = KEYS[1]
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])

local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local bucket = redis.call('HMGET', key, 'tokens', 'ts')
local tokens = tonumber(bucket[1])
local last = tonumber(bucket[2])
if tokens == nil or last == nil then
  tokens = capacity
  last = now
end
tokens = math.min(capacity, tokens + math.max(0, now - last) * rate)

local allowed = 0
local wait_ms = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait_ms = math.ceil((1 - tokens) / rate)
end

redis.call('HSET', key, 'tokens', string.format('%.6f', tokens), 'ts', string.format('%.0f', now))
-- Once full again the bucket is indistinguishable from a new one, so let it go.
redis.call('PEXPIRE', key, math.ceil((capacity - tokens) / rate) + 1000)
return { allowed, math.floor(tokens), wait_ms }
