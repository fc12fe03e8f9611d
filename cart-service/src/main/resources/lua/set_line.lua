-- KEYS: cart, checkout marker, touched index
-- ARGV: subject, cart id, sku, quantity, price snapshot ('' = keep the line's own), max lines, ttl ms
-- A change is the hot path (issue #12): one HGETALL reads the cart, every check works on that
-- copy, the change is one HSET, and the answer is the copy with the change applied.
local cart, marker, touched = KEYS[1], KEYS[2], KEYS[3]
local flat = redis.call('HGETALL', cart)
if #flat == 0 then return {'missing'} end
local h = {}
for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
local subject = ARGV[1]
if h.owner then
  if h.owner ~= subject then return {'missing'} end
elseif subject ~= '' then
  -- bound on first use even when the change itself is refused below, as admit() does
  redis.call('HSET', cart, 'owner', subject)
  h.owner = subject
end
local now = now_ms()
local state, busy = checkout_state(marker, now)
if busy then return {'busy'} end
local sku = ARGV[3]
local qf, itf, af = 'q:' .. sku, 'i:' .. sku, 'a:' .. sku
if not h[qf] then
  local lines = 0
  for f in pairs(h) do
    if string.sub(f, 1, 2) == 'q:' then lines = lines + 1 end
  end
  if lines >= tonumber(ARGV[6]) then return {'full'} end
end
local stamp = string.format('%d', now)
local changed = {qf, ARGV[4], 'updated', stamp}
if ARGV[5] ~= '' then
  -- a cart holds one currency: a price in another one is refused with the cart's currency
  local currency = cjson.decode(ARGV[5]).currency
  for f, v in pairs(h) do
    if string.sub(f, 1, 2) == 'i:' and f ~= itf then
      local other = cjson.decode(v).currency
      if other ~= currency then return {'currency', other} end
    end
  end
  changed[#changed + 1] = itf
  changed[#changed + 1] = ARGV[5]
elseif not h[itf] then
  return {'unpriced'}
end
if not h[af] then
  changed[#changed + 1] = af
  changed[#changed + 1] = stamp
end
redis.call('HSET', cart, unpack(changed))
renew(cart, marker, touched, ARGV[2], ARGV[7], now, state)
for i = 1, #changed, 2 do h[changed[i]] = changed[i + 1] end
local reply = {}
for f, v in pairs(h) do
  reply[#reply + 1] = f
  reply[#reply + 1] = v
end
return {'ok', reply}
