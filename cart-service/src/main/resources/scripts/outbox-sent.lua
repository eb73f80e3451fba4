-- Forgets one outbox message, found by its event id, once Kafka has acknowledged it.
-- KEYS: outbox. ARGV: eventId.
for _, message in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  if string.find(message, ARGV[1], 1, true) then
    return redis.call('LREM', KEYS[1], 1, message)
  end
end
return 0
