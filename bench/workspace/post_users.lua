-- wrk script: POST /users with an e-mail address no other request of the run uses (per thread: the
-- run's start time, the thread's number and a counter).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local counter = 0

function request()
  counter = counter + 1
  local body = string.format('{"email":"bench-%d-%d-%d@example.com","name":"Bench"}', start, id, counter)
  return wrk.format("POST", "/users", { ["Content-Type"] = "application/json" }, body)
end

function init(args)
  start = os.time()
end
