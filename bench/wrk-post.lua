-- wrk-post.lua: wrk POSTs the file named by $BENCH_BODY_FILE (bench/bridge-bench)
-- SPDX-License-Identifier: LGPL-2.1-or-later
local f = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
wrk.headers["Content-Type"] = "application/json"
f:close()
