-- Reads a cart's lines and meta in one atomic step, so that the version read belongs to the lines read.
-- KEYS: lines, meta. Answers {number of line entries, sku, qty, ..., field, value, ...}.
local lines = redis.call('HGETALL', KEYS[1])
local meta = redis.call('HGETALL', KEYS[2])
local result = {#lines}
for _, v in ipairs(lines) do result[#result + 1] = v end
for _, v in ipairs(meta) do result[#result + 1] = v end
return result
