-- KEYS: cart   ARGV: subject
local refusal = admit(KEYS[1], ARGV[1])
if refusal then return {refusal} end
return {'ok', redis.call('HGETALL', KEYS[1])}
