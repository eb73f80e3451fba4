-- Once per event: an order whose checkout failed after it took units out of the cart (cart-remove-ordered.lua)
-- gives them back, added to what the cart holds now within the cart's limits, with its coupon unless the
-- cart has another one. The result is new contents (a new contents id). Nothing is given when the order
-- took nothing (it never confirmed), took it longer ago than keepTakenSeconds, or the cart is gone
-- (erased, expired). The order's entries leave the taken hash either way.
-- KEYS: lines, meta, inbox key of the event, taken.
-- ARGV: rememberSeconds, updatedAt, contentsId, orderId, nowEpochSeconds, keepTakenSeconds, maxQuantity, maxLines.
-- Answers the units given back (0 also when there was nothing to give), -1 for an event already applied.
if not redis.call('SET', KEYS[3], '1', 'NX', 'EX', tonumber(ARGV[1])) then
  return -1
end
local prefix = ARGV[4] .. ':'
local taken = {}
local coupon = nil
local at = nil
for _, field in ipairs(redis.call('HKEYS', KEYS[4])) do
  if string.sub(field, 1, #prefix) == prefix then
    local what = string.sub(field, #prefix + 1)
    local value = redis.call('HGET', KEYS[4], field)
    redis.call('HDEL', KEYS[4], field)
    if what == '#coupon' then
      coupon = value
    elseif what == '#at' then
      at = tonumber(value)
    else
      taken[#taken + 1] = {what, tonumber(value)}
    end
  end
end
if at == nil or at < tonumber(ARGV[5]) - tonumber(ARGV[6]) or redis.call('EXISTS', KEYS[2]) == 0 then
  return 0
end
local maxQuantity = tonumber(ARGV[7])
local maxLines = tonumber(ARGV[8])
local given = 0
for _, line in ipairs(taken) do
  local sku, units = line[1], line[2]
  local current = tonumber(redis.call('HGET', KEYS[1], sku) or '0')
  if current > 0 or redis.call('HLEN', KEYS[1]) < maxLines then
    local after = math.min(current + units, maxQuantity)
    if after > current then
      redis.call('HSET', KEYS[1], sku, after)
      given = given + (after - current)
    end
  end
end
if coupon and redis.call('HEXISTS', KEYS[2], 'coupon') == 0 then
  redis.call('HSET', KEYS[2], 'coupon', coupon)
end
-- the order may have emptied the lines hash, which Redis then deleted: it lives as long as the cart
local ttl = redis.call('PTTL', KEYS[2])
if ttl > 0 and redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
redis.call('HINCRBY', KEYS[2], 'version', 1)
redis.call('HSET', KEYS[2], 'updatedAt', ARGV[2], 'contents', ARGV[3])
return given
