-- Empties one abandoned cart unless it was touched after the sweep listed it.
-- KEYS: cart, checkout marker, touched index   ARGV: cart id, cutoff ms
-- Reply: 1 emptied, 0 dropped from the index (touched since, gone or already empty),
-- -1 left for a later run (a checkout is in flight)
local cart, marker, touched = KEYS[1], KEYS[2], KEYS[3]
local score = redis.call('ZSCORE', touched, ARGV[1])
if not score or tonumber(score) > tonumber(ARGV[2]) then return 0 end
if checkout_busy(marker, now_ms()) then return -1 end
redis.call('ZREM', touched, ARGV[1])
if redis.call('EXISTS', cart) == 0 then return 0 end
local fields = line_fields(cart)
if #fields == 0 then return 0 end
redis.call('HDEL', cart, unpack(fields))
return 1
