-- wrk script: pushes of 10 new priorities each, every push its own key.
-- wrk -t2 -c50 -d10s -s tests/bench/push.lua -H "Authorization: Bearer TOKEN" URL/v1/push

local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

local function uuid(n)
  return string.format("%08x-0000-4000-8000-%012x", tid or 0, n)
end

request = function()
  local records = {}
  for i = 1, 10 do
    counter = counter + 1
    records[i] = string.format(
      '{"id":"%s","type":"priority","base_version":0,"data":{"title":"Prioriteit %d","rank":%d}}',
      uuid(counter), counter, counter % 1000)
  end
  local body = '{"records":[' .. table.concat(records, ",") .. ']}'
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value       -- the Authorization given with -H
  end
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = string.format("bench-%d-%d-%d", tid or 0, counter, math.random(1, 1e9))
  return wrk.format("POST", nil, headers, body)
end
