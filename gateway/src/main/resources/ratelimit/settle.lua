-- Settles what one gateway replica spent from its own copies of a tier's buckets since it last
-- reported (see LocalBuckets). Same hash per (tier, client) as token-bucket.lua: tokens left and when last seen.
-- KEYS: bucket keys; ARGV[1] capacity; ARGV[2] refill rate (tokens per millisecond);
-- ARGV[2 + i] tokens spent from KEYS[i].
-- Returns, per key, the tokens left with their fraction (as text: Redis would cut a number to an
-- integer), which the replica takes as its copy. A bucket may fall below zero, down to -capacity:
-- what several replicas spent beyond it at once is paid back before it serves again.
-- Reading and refilling a bucket is as in token-bucket.lua, repeated: scripts cannot share code on
-- Redis 6 (functions came in 7), and the two must agree on the hash.
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])

local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local left = {}
for i, key in ipairs(KEYS) do
  local bucket = redis.call('HMGET', key, 'tokens', 'ts')
  local tokens = tonumber(bucket[1])
  local last = tonumber(bucket[2])
  if tokens == nil or last == nil then
    tokens = capacity
    last = now
  end
  tokens = math.min(capacity, tokens + math.max(0, now - last) * rate)
  tokens = math.max(-capacity, tokens - tonumber(ARGV[i + 2]))
  local text = string.format('%.6f', tokens)
  redis.call('HSET', key, 'tokens', text, 'ts', string.format('%.0f', now))
  redis.call('PEXPIRE', key, math.ceil((capacity - tokens) / rate) + 1000)
  left[i] = text
end
return left
