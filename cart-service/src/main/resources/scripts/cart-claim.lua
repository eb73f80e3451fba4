-- Marks a guest cart as merged into a shopper's cart; from then on cart-save refuses it.
-- KEYS: meta. ARGV: customerId. Answers 'claimed', 'none' or 'taken'.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'none'
end
local into = redis.call('HGET', KEYS[1], 'mergedInto')
if into and into ~= ARGV[1] then
  return 'taken'
end
redis.call('HSET', KEYS[1], 'mergedInto', ARGV[1])
return 'claimed'
