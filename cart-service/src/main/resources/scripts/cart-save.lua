-- Stores a whole cart if nobody changed it since it was read (compare-and-set on its version), and
-- appends its events to the cart's outbox in the same atomic step: a crash after this script leaves
-- the events in Redis for the relay, never a change without its events.
-- KEYS: lines, meta, prices, outbox
-- ARGV: expectedVersion, ttlSeconds, updatedAt, currency, coupon, country, postcode, contentsId,
--       n, (sku, qty) * n, m, (absorbed guest cart id) * m, e, (message json) * e
-- Answers the new version, -1 when the version moved on, -2 when the guest cart was merged meanwhile.
local version = tonumber(redis.call('HGET', KEYS[2], 'version') or '0')
if version ~= tonumber(ARGV[1]) then
  return -1
end
if redis.call('HEXISTS', KEYS[2], 'mergedInto') == 1 then
  return -2
end
redis.call('DEL', KEYS[1])
local i = 9
local n = tonumber(ARGV[i]); i = i + 1
local keep = {}
for _ = 1, n do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  keep[ARGV[i]] = true
  i = i + 2
end
for _, sku in ipairs(redis.call('HKEYS', KEYS[3])) do
  if not keep[sku] then
    redis.call('HDEL', KEYS[3], sku)
  end
end
n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do
  redis.call('HSET', KEYS[2], 'absorbed:' .. ARGV[i], '1')
  i = i + 1
end
local fields = {'currency', 'coupon', 'country', 'postcode'}
for k, name in ipairs(fields) do
  local value = ARGV[3 + k]
  if value == '' then
    redis.call('HDEL', KEYS[2], name)
  else
    redis.call('HSET', KEYS[2], name, value)
  end
end
redis.call('HSET', KEYS[2], 'version', version + 1, 'updatedAt', ARGV[3], 'contents', ARGV[8])
n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do
  redis.call('RPUSH', KEYS[4], ARGV[i])
  i = i + 1
end
local ttl = tonumber(ARGV[2])
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('EXPIRE', KEYS[2], ttl)
redis.call('EXPIRE', KEYS[3], ttl)
return version + 1
