-- Decides which request publishes the cart's order, and under which order id.
-- KEYS: cart, checkout marker   ARGV: subject, candidate order id, attempt token, lease ms, ttl ms
-- Replies: {'missing'} | {'empty'} | {'published', orderId} | {'busy', orderId}
--        | {'won', orderId, cart hash}
local cart, marker = KEYS[1], KEYS[2]
local refusal = admit(cart, ARGV[1])
if refusal then return {refusal} end
local now = now_ms()
local state = redis.call('HGET', marker, 'state')
local order_id = redis.call('HGET', marker, 'orderId')
if state == 'published' then return {'published', order_id} end
if checkout_busy(marker, now) then return {'busy', order_id} end
if line_count(cart) == 0 then return {'empty'} end
-- a failed or abandoned attempt is taken over under the same order id
if not order_id then order_id = ARGV[2] end
redis.call('HSET', marker, 'orderId', order_id, 'state', 'pending', 'token', ARGV[3],
  'leaseUntil', now + tonumber(ARGV[4]))
redis.call('PEXPIRE', marker, ARGV[5])
return {'won', order_id, redis.call('HGETALL', cart)}
