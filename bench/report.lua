-- Shared by every scenario: at the end wrk prints one JSON line (prefixed BENCH_JSON) that
-- run.py parses, so numbers never come from scraping wrk's human-readable text.
-- Latencies are microseconds; errors.status counts answers that were not 2xx/3xx.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
