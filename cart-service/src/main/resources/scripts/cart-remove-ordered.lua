-- Once per event: takes what an order bought out of the cart and drops the coupon it used. What is left
-- is new contents (a new contents id): the same goods put back are another purchase. The event id is
-- remembered (SET NX with a time to live) in the same atomic step as the effect, so a redelivered
-- order.confirmed changes nothing.
-- KEYS: lines, meta, prices, inbox key of the event. ARGV: rememberSeconds, updatedAt, contentsId, n,
-- (sku, qty) * n.
-- Answers 1 when applied, 0 for an event already applied.
if not redis.call('SET', KEYS[4], '1', 'NX', 'EX', tonumber(ARGV[1])) then
  return 0
end
if redis.call('EXISTS', KEYS[2]) == 0 then
  return 1
end
local i = 5
for _ = 1, tonumber(ARGV[4]) do
  local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  if current > 0 then
    local left = current - tonumber(ARGV[i + 1])
    if left > 0 then
      redis.call('HSET', KEYS[1], ARGV[i], left)
    else
      redis.call('HDEL', KEYS[1], ARGV[i])
      redis.call('HDEL', KEYS[3], ARGV[i])
    end
  end
  i = i + 2
end
redis.call('HDEL', KEYS[2], 'coupon')
redis.call('HINCRBY', KEYS[2], 'version', 1)
redis.call('HSET', KEYS[2], 'updatedAt', ARGV[2], 'contents', ARGV[3])
return 1
