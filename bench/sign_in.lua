-- Sign-in step 1 (password check: the argon2 work). Each solved bot check is accepted once, so
-- run.py pre-solves a few thousand and writes one ready JSON body per line to BENCH_BODIES; each
-- wrk thread takes every n-th line (its own share) and never reuses one. Running out is not
-- hidden: the thread then repeats its last body, the server refuses it (422) and the driver
-- reports the non-2xx answers and fails.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")

local threads = 0
function setup(thread)
  bench_track(thread)
  threads = threads + 1
  thread:set("thread_index", threads - 1)
end

local mine = {}
local next_body = 1

function init(args)
  local count = tonumber(os.getenv("BENCH_THREADS"))
  local i = 0
  for line in io.lines(os.getenv("BENCH_BODIES")) do
    if i % count == thread_index then mine[#mine + 1] = line end
    i = i + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local body = mine[next_body] or mine[#mine]
  next_body = next_body + 1
  return wrk.format(nil, nil, nil, body)
end
