-- POST the same JSON body (from the file BENCH_BODY) to the URL's path on every request: a draft
-- save creates a new draft each time, so one body is enough. Headers (Authorization) come from
-- wrk's -H. With BENCH_IDEMPOTENCY=1 every request gets its own Idempotency-Key, as every form a
-- person submits does; a repeated key would answer the first submission and measure nothing.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
local body = f:read("*a")
f:close()
local unique = os.getenv("BENCH_IDEMPOTENCY") == "1"
local counter = 0
local tag = ""

-- setup runs in the main Lua state once per thread: hand each thread its own tag, so keys from
-- different threads (separate Lua states) never collide.
local threads = 0
function setup(thread)
  bench_track(thread)
  threads = threads + 1
  thread:set("thread_tag", string.format("%d-%d", os.time(), threads))
end

function init(args)
  tag = thread_tag or "0"
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  if unique then
    counter = counter + 1
    wrk.headers["Idempotency-Key"] = "bench-" .. tag .. "-" .. counter
  end
  return wrk.format()
end
