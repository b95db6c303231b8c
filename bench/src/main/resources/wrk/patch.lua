-- PATCH the description of a random Conferencing Node
local nodes = tonumber(os.getenv("CONFAB_NODES") or "1000")
local counter = 0
local headers = {}
init = function(args)
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
end
request = function()
  counter = counter + 1
  local id = math.random(1, nodes)
  local body = '{"description": "bench ' .. counter .. '"}'
  return wrk.format("PATCH", "/api/admin/configuration/v1/worker_vm/" .. id .. "/", headers, body)
end
