-- KEYS: cart   ARGV: subject ('' = anonymous), ttl ms
if redis.call('EXISTS', KEYS[1]) == 1 then return 'exists' end
local now = now_ms()
redis.call('HSET', KEYS[1], 'created', now, 'updated', now)
if ARGV[1] ~= '' then redis.call('HSET', KEYS[1], 'owner', ARGV[1]) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 'ok'
