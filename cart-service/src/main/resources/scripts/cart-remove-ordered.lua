-- Once per event: takes what an order bought out of the cart and drops the coupon it used. What is left
-- is new contents (a new contents id): the same goods put back are another purchase. The event id is
-- remembered (SET NX with a time to live) in the same atomic step as the effect, so a redelivered
-- order.confirmed changes nothing.
-- What was really taken (a line may hold fewer units than the order, changed on another device meanwhile)
-- and the coupon are kept in the cart's taken hash under the order, for a checkout that fails after this
-- to give them back (cart-give-back.lua): fields <orderId>:<sku> = units, <orderId>:#coupon = code,
-- <orderId>:#at = epoch seconds ('#' never starts a SKU). Entries older than keepTakenSeconds are
-- dropped here, and the hash itself expires that long after the last order.
-- KEYS: lines, meta, prices, inbox key of the event, taken.
-- ARGV: rememberSeconds, updatedAt, contentsId, orderId, nowEpochSeconds, keepTakenSeconds, n, (sku, qty) * n.
-- Answers 1 when applied, 0 for an event already applied.
if not redis.call('SET', KEYS[4], '1', 'NX', 'EX', tonumber(ARGV[1])) then
  return 0
end
if redis.call('EXISTS', KEYS[2]) == 0 then
  return 1
end
local now = tonumber(ARGV[5])
local keep = tonumber(ARGV[6])
local entries = redis.call('HGETALL', KEYS[5])
local stale = {}
for i = 1, #entries, 2 do
  local order, what = string.match(entries[i], '^([^:]+):(.*)$')
  if what == '#at' and tonumber(entries[i + 1]) < now - keep then
    stale[order] = true
  end
end
for i = 1, #entries, 2 do
  local order = string.match(entries[i], '^([^:]+):')
  if order and stale[order] then
    redis.call('HDEL', KEYS[5], entries[i])
  end
end
local prefix = ARGV[4] .. ':'
local i = 8
for _ = 1, tonumber(ARGV[7]) do
  local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  if current > 0 then
    local wanted = tonumber(ARGV[i + 1])
    local left = current - wanted
    if left > 0 then
      redis.call('HSET', KEYS[1], ARGV[i], left)
      redis.call('HSET', KEYS[5], prefix .. ARGV[i], wanted)
    else
      redis.call('HDEL', KEYS[1], ARGV[i])
      redis.call('HDEL', KEYS[3], ARGV[i])
      redis.call('HSET', KEYS[5], prefix .. ARGV[i], current)
    end
  end
  i = i + 2
end
local coupon = redis.call('HGET', KEYS[2], 'coupon')
if coupon then
  redis.call('HSET', KEYS[5], prefix .. '#coupon', coupon)
end
redis.call('HSET', KEYS[5], prefix .. '#at', now)
redis.call('EXPIRE', KEYS[5], keep)
redis.call('HDEL', KEYS[2], 'coupon')
redis.call('HINCRBY', KEYS[2], 'version', 1)
redis.call('HSET', KEYS[2], 'updatedAt', ARGV[2], 'contents', ARGV[3])
return 1
