-- Remembers the last prices of a stored cart's lines, living as long as the cart does. A cart
-- deleted or a line removed since it was priced is not brought back.
-- KEYS: lines, meta, prices. ARGV: n, (sku, json) * n.
local ttl = redis.call('TTL', KEYS[2])
if ttl < 0 then
  return 0
end
local i = 2
for _ = 1, tonumber(ARGV[1]) do
  if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 1 then
    redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
  end
  i = i + 2
end
redis.call('EXPIRE', KEYS[3], ttl)
return 1
