-- wrk script of the HTTP benchmark (bench/http.py).
-- WRK_PATHS names a file with one request per line: "<path>" or "<path>\t<cookie>". Each thread starts at a
-- different line and every request takes the next one, so the connections carry different paths, search terms
-- and sessions at the same time. Every answer other than 200 counts as an error. done() prints one JSON line;
-- its socket_errors include the timeouts, which it also gives on their own.

local lines = {}
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(os.getenv("WRK_PATHS"), "r"))
  for line in file:lines() do
    if line ~= "" then
      local path, cookie = line:match("^([^\t]*)\t?(.*)$")
      table.insert(lines, {path = path, cookie = cookie})
    end
  end
  file:close()
  local per_thread = math.max(1, math.floor(#lines / math.max(1, tonumber(os.getenv("WRK_THREADS") or "2"))))
  counter = (id or 0) * per_thread
  non200 = 0
end

function request()
  local line = lines[(counter % #lines) + 1]
  counter = counter + 1
  local headers = {["X-Forwarded-Proto"] = "https"}
  if line.cookie ~= "" then
    headers["Cookie"] = line.cookie
  end
  return wrk.format("GET", line.path, headers)
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non200") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_s": %.6f, "bytes": %d, "socket_errors": %d, "timeouts": %d, "non_200": %d, '
      .. '"p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "mean_ms": %.3f, "max_ms": %.3f}\n',
    summary.requests, summary.duration / 1e6, summary.bytes, e.connect + e.read + e.write + e.timeout, e.timeout, bad,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000, latency.max / 1000))
end
