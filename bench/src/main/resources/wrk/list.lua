-- GET a page of 20 Conferencing Nodes at a random offset
local nodes = tonumber(os.getenv("CONFAB_NODES") or "1000")
request = function()
  local offset = math.random(0, nodes - 20)
  return wrk.format("GET", "/api/admin/configuration/v1/worker_vm/?limit=20&offset=" .. offset)
end
