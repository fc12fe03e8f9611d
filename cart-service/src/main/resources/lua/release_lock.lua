-- Deletes the lock only when this holder still owns it.   KEYS: lock   ARGV: holder token
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
