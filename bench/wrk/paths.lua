-- wrk script of ./bricks bench: cycles through the request paths listed in the file $BENCH_PATHS
-- (one a line), with method $BENCH_METHOD (default GET) and JSON body $BENCH_BODY (optional),
-- and prints one line "BENCH_JSON {...}" with requests/s, p50/p99/p99.9 and the errors.
local paths = {}
local idx = 0
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local headers = {}
if body and #body > 0 then headers["Content-Type"] = "application/json" else body = nil end

function init(args)
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  -- the threads start at different places of the list
  idx = (tonumber(tostring({}):sub(8), 16) or 0) % #paths
end

function request()
  idx = idx % #paths + 1
  return wrk.format(method, paths[idx], headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,' ..
    '"max_ms":%.3f,"errors":%d,"errors_status":%d,"errors_socket":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout + e.status, e.status,
    e.connect + e.read + e.write + e.timeout))
end
