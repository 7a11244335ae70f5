-- Shared by every scenario: at the end wrk prints one JSON line (prefixed BENCH_JSON) that
-- run.py parses, so numbers never come from scraping wrk's human-readable text.
-- Latencies are microseconds; errors.status counts answers >= 400 (wrk's own count), and
-- "statuses" says which ones, with the start of one refused body, so a failure can be diagnosed.

-- Each wrk thread has its own Lua state: setup() (in the main state) keeps them so that done()
-- can collect their counts. Scripts with their own setup() must call bench_track(thread).
local bench_threads = {}
function bench_track(thread) table.insert(bench_threads, thread) end
function setup(thread) bench_track(thread) end

statuses = {}
sample = ""
function response(status, headers, body)
  if status >= 400 then
    statuses[status] = (statuses[status] or 0) + 1
    if sample == "" then sample = string.sub(body or "", 1, 300) end
  end
end

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function done(summary, latency, requests)
  local counts, first = {}, ""
  for _, thread in ipairs(bench_threads) do
    for status, n in pairs(thread:get("statuses") or {}) do
      counts[status] = (counts[status] or 0) + n
    end
    if first == "" then first = thread:get("sample") or "" end
  end
  local parts = {}
  for status, n in pairs(counts) do table.insert(parts, string.format('"%d":%d', status, n)) end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"statuses":{%s},"sample":%s}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout, table.concat(parts, ","),
    json_string(first)))
end
