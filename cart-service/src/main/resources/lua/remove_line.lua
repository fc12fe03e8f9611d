-- KEYS: cart, checkout marker, touched index   ARGV: subject, cart id, sku, ttl ms
local cart, marker, touched = KEYS[1], KEYS[2], KEYS[3]
local refusal = admit(cart, ARGV[1])
if refusal then return {refusal} end
local now = now_ms()
if checkout_busy(marker, now) then return {'busy'} end
local sku = ARGV[3]
redis.call('HDEL', cart, 'q:' .. sku, 'i:' .. sku, 'a:' .. sku)
touch(cart, marker, touched, ARGV[2], ARGV[4], now)
return {'ok', redis.call('HGETALL', cart)}
