-- One token bucket of a gateway limit, in Redis so that every gateway instance counts in the same bucket. A key may
-- spend `capacity` tokens at once and regains one every `every` milliseconds. The bucket is kept as the moment it
-- will be full again (the generic cell rate algorithm: one number, no fractions of tokens) and the takes refused since
-- it last had a token. Time is Redis's own, so the instances' clocks need not agree.
--
-- KEYS[1]  the bucket: a hash of full_at (milliseconds) and refused
-- ARGV[1]  capacity
-- ARGV[2]  milliseconds to regain one token
-- ARGV[3]  1 to take a token, 0 to look only
-- returns  {milliseconds until a token is there (0 when one was taken, or is there), takes refused since it had one}
local capacity = tonumber(ARGV[1])
local every = tonumber(ARGV[2])
local take = ARGV[3] == '1'

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local state = redis.call('HMGET', KEYS[1], 'full_at', 'refused')
local full_at = math.max(tonumber(state[1]) or now, now)
local refused = tonumber(state[2]) or 0
local wait = math.max(0, full_at - now - (capacity - 1) * every)
if wait == 0 then
  refused = 0
end
if not take then
  return {wait, refused}
end

if wait == 0 then
  full_at = full_at + every
else
  refused = refused + 1
end
redis.call('HSET', KEYS[1], 'full_at', string.format('%d', full_at), 'refused', string.format('%d', refused))
-- Once full again the bucket is as good as absent.
redis.call('PEXPIRE', KEYS[1], string.format('%d', full_at - now))
return {wait, refused}
