-- The broker acknowledged the order: mark it published and empty the cart, in one step.
-- KEYS: cart, checkout marker, touched index   ARGV: attempt token, cart id, ttl ms
local cart, marker, touched = KEYS[1], KEYS[2], KEYS[3]
if redis.call('HGET', marker, 'token') ~= ARGV[1] then return 'superseded' end
redis.call('HSET', marker, 'state', 'published')
redis.call('HDEL', marker, 'token', 'leaseUntil')
redis.call('PEXPIRE', marker, ARGV[3])
local fields = line_fields(cart)
if #fields > 0 then redis.call('HDEL', cart, unpack(fields)) end
if redis.call('EXISTS', cart) == 1 then redis.call('HSET', cart, 'updated', now_ms()) end
redis.call('ZREM', touched, ARGV[2])
return 'published'
