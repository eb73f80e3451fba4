-- Empties a merged guest cart, keeping its meta (who it was merged into) for a while, so that the
-- token presented again by the same shopper is a no-op and by anyone else is refused.
-- KEYS: lines, meta, prices. ARGV: keepSeconds.
redis.call('DEL', KEYS[1], KEYS[3])
redis.call('HDEL', KEYS[2], 'coupon', 'country', 'postcode')
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[1]))
return 1
