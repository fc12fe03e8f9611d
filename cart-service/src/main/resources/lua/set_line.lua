-- KEYS: cart, checkout marker, touched index
-- ARGV: subject, cart id, sku, quantity, price snapshot ('' = keep the line's own), max lines, ttl ms
local cart, marker, touched = KEYS[1], KEYS[2], KEYS[3]
local refusal = admit(cart, ARGV[1])
if refusal then return {refusal} end
local now = now_ms()
if checkout_busy(marker, now) then return {'busy'} end
local sku = ARGV[3]
local qf, itf = 'q:' .. sku, 'i:' .. sku
local present = redis.call('HEXISTS', cart, qf) == 1
if not present and line_count(cart) >= tonumber(ARGV[6]) then return {'full'} end
if ARGV[5] ~= '' then
  -- a cart holds one currency: a price in another one is refused with the cart's currency
  local currency = cjson.decode(ARGV[5]).currency
  for _, f in ipairs(redis.call('HKEYS', cart)) do
    if string.sub(f, 1, 2) == 'i:' and f ~= itf then
      local other = cjson.decode(redis.call('HGET', cart, f)).currency
      if other ~= currency then return {'currency', other} end
    end
  end
  redis.call('HSET', cart, itf, ARGV[5])
elseif redis.call('HEXISTS', cart, itf) == 0 then
  return {'unpriced'}
end
redis.call('HSET', cart, qf, ARGV[4])
redis.call('HSETNX', cart, 'a:' .. sku, now)
touch(cart, marker, touched, ARGV[2], ARGV[7], now)
return {'ok', redis.call('HGETALL', cart)}
