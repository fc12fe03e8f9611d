-- The attempt failed before the broker acknowledged: let a retry take over (same order id).
-- KEYS: checkout marker   ARGV: attempt token
if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 'superseded' end
if redis.call('HGET', KEYS[1], 'state') ~= 'pending' then return 'ignored' end
redis.call('HSET', KEYS[1], 'state', 'failed')
redis.call('HDEL', KEYS[1], 'token', 'leaseUntil')
return 'failed'
