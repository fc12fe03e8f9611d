-- Helpers prepended to every cart script (see LuaScript). A cart is one hash:
--   owner        JWT subject of the customer the cart belongs to (absent while anonymous)
--   created, updated   epoch milliseconds (Redis server clock)
--   q:<sku>      quantity of the line
--   i:<sku>      JSON snapshot {name, amount, currency} of the last price the line was given
--   a:<sku>      epoch milliseconds when the line was first added (the display order)

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- nil when the caller may use the cart; binds an anonymous cart to a signed-in caller on first
-- use. 'missing' when the cart does not exist, or belongs to someone else (indistinguishable).
local function admit(cart, subject)
  if redis.call('EXISTS', cart) == 0 then return 'missing' end
  local owner = redis.call('HGET', cart, 'owner')
  if owner then
    if owner ~= subject then return 'missing' end
  elseif subject ~= '' then
    redis.call('HSET', cart, 'owner', subject)
  end
  return nil
end

local function line_fields(cart)
  local fields = {}
  for _, f in ipairs(redis.call('HKEYS', cart)) do
    local p = string.sub(f, 1, 2)
    if p == 'q:' or p == 'i:' or p == 'a:' then fields[#fields + 1] = f end
  end
  return fields
end

local function line_count(cart)
  local n = 0
  for _, f in ipairs(redis.call('HKEYS', cart)) do
    if string.sub(f, 1, 2) == 'q:' then n = n + 1 end
  end
  return n
end

-- the checkout marker's state (false when there is none) and whether that is a checkout in
-- flight: a 'pending' marker whose lease has not run out
local function checkout_state(marker, now)
  local m = redis.call('HMGET', marker, 'state', 'leaseUntil')
  return m[1], m[1] == 'pending' and tonumber(m[2] or '0') > now
end

local function checkout_busy(marker, now)
  local _, busy = checkout_state(marker, now)
  return busy
end

-- after a change whose 'updated' field is written: refresh the TTLs, index the change for the
-- sweep, and forget a published checkout (the next checkout of this cart is a new order). A
-- failed checkout keeps its order id, so that a retry can never create a second order for a
-- record that might have arrived. state: the marker's state (checkout_state).
local function renew(cart, marker, touched, cart_id, ttl, now, state)
  redis.call('PEXPIRE', cart, ttl)
  redis.call('ZADD', touched, now, cart_id)
  if state == 'published' then
    redis.call('DEL', marker)
  elseif state then
    redis.call('PEXPIRE', marker, ttl)
  end
end

local function touch(cart, marker, touched, cart_id, ttl, now)
  redis.call('HSET', cart, 'updated', now)
  renew(cart, marker, touched, cart_id, ttl, now, redis.call('HGET', marker, 'state'))
end
