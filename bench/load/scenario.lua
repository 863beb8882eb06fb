-- One wrk script for every page scenario of bench/run-all.sh, chosen by environment variables:
--   SESSION   the session cookie (Spring Session's SESSION) of a logged-in bench account (sent as a cookie on every request)
--   CSRF      that session's CSRF token (POSTs only)
--   SCENARIO  get     GET PATH as is (floor, commune list, dashboard)
--             search  GET /citizens?q=NAME with NAME varied over common Vietnamese name parts
--             form    GET /assessments/{id}/edit, ids from IDS_FILE (one "id version" a line), round robin
--             save    POST /assessments/{id}/edit: the entry form's real save (scores of every indicator in
--                     INDICATORS, "code:max" comma-separated, alternating max and max-1 so each save changes the
--                     scores) with the version the assessment has now. Each wrk thread owns its own slice of ids,
--                     and knows the version of each: a save that succeeds (302 to /assessments/{id}) moves it
--                     on by one; a conflict (200: the form again) carries the stored version in its hidden input,
--                     which is taken for the next round. Saves and conflicts are counted and reported.
-- done() prints one line "RESULT rps=... p50=... p95=... p99=... requests=... errors=... ok=... other=...
-- saves=... conflicts=..." that bench/run-all.sh turns into the markdown tables (latencies in ms).
local scenario = os.getenv("SCENARIO") or "get"
local path = os.getenv("PATH_") or "/"
local session = os.getenv("SESSION") or ""
local csrf = os.getenv("CSRF") or ""

-- no cookie at all for the pages outside the session (the bare page, petclinic)
if session ~= "" then
    wrk.headers["Cookie"] = "SESSION=" .. session
end
wrk.headers["Accept-Encoding"] = "gzip"

local threads = {}
local counter = 1

function setup(thread)
    thread:set("tid", counter)
    counter = counter + 1
    table.insert(threads, thread)
end

local names = { "nguyen", "tran van", "le thi", "pham", "hoang minh", "thi lan", "van hung", "huong", "ngoc anh",
    "duc", "thu trang", "quang huy", "bui", "vo thi", "dang van", "thanh", "mai", "long", "xuan", "yen" }
local ids, versions, rounds = {}, {}, {}
local nextIndex = 1
local indicators = {}
ok, other, saves, conflicts = 0, 0, 0, 0

function init(args)
    local tid, nthreads = tid or 1, tonumber(os.getenv("THREADS") or "1")
    local file = os.getenv("IDS_FILE")
    if file then
        local n = 0
        for line in io.lines(file) do
            local id, version = line:match("^(%d+)%s+(%d+)")
            if id then
                n = n + 1
                -- thread k of T takes lines k, k+T, k+2T...: no two threads ever post the same assessment
                if scenario ~= "save" or (n - tid) % nthreads == 0 then
                    table.insert(ids, id)
                    versions[id] = tonumber(version)
                    rounds[id] = 0
                end
            end
        end
        -- the GET scenario starts each thread at a different place in the list
        nextIndex = ((tid - 1) * 97) % math.max(#ids, 1) + 1
    end
    for code, max in (os.getenv("INDICATORS") or ""):gmatch("([^:,]+):(%d+)") do
        table.insert(indicators, { code = code, max = tonumber(max) })
    end
    nextIndex = nextIndex + (tid - 1)
end

local function nextId()
    local id = ids[(nextIndex - 1) % #ids + 1]
    nextIndex = nextIndex + 1
    return id
end

function request()
    if scenario == "search" then
        local name = names[(nextIndex - 1) % #names + 1]
        nextIndex = nextIndex + 1
        return wrk.format("GET", "/citizens?q=" .. name:gsub(" ", "+"))
    elseif scenario == "form" then
        return wrk.format("GET", "/assessments/" .. nextId() .. "/edit")
    elseif scenario == "save" then
        local id = nextId()
        local round = rounds[id]
        rounds[id] = round + 1
        local body = { "_csrf=" .. csrf, "version=" .. versions[id] }
        for i, indicator in ipairs(indicators) do
            local k = i - 1
            table.insert(body, "items%5B" .. k .. "%5D.code=" .. indicator.code)
            table.insert(body, "items%5B" .. k .. "%5D.score=" .. (indicator.max - (round % 2)))
            table.insert(body, "items%5B" .. k .. "%5D.note=")
        end
        -- headers given to wrk.format replace wrk.headers: keep the cookie (and Host) in them
        local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
        for name, value in pairs(wrk.headers) do
            headers[name] = value
        end
        -- a conflict answers with the form, which response() reads for the new version: wrk's Lua cannot unzip it
        headers["Accept-Encoding"] = nil
        return wrk.format("POST", "/assessments/" .. id .. "/edit", headers, table.concat(body, "&"))
    end
    return wrk.format("GET", path)
end

-- counted, and the first few written to stderr (kept in target/bench/load/<scenario>-<users>.txt)
function unexpected(status, location)
    other = other + 1
    if other <= 3 then
        io.stderr:write("unexpected response: " .. status .. " " .. tostring(location) .. "\n")
    end
end

function response(status, headers, body)
    if scenario == "save" then
        local location = headers["Location"] or headers["location"]
        local saved = status == 302 and location and location:match("/assessments/(%d+)$")
        if saved then
            saves = saves + 1
            ok = ok + 1
            if versions[saved] then
                versions[saved] = versions[saved] + 1
            end
            return
        end
        if status == 200 and body then
            local id = body:match('action="/assessments/(%d+)/edit"')
            local version = body:match('name="version" value="(%d+)"') or body:match('value="(%d+)" name="version"')
            if id and version and versions[id] then
                versions[id] = tonumber(version)
                conflicts = conflicts + 1
                return
            end
        end
        unexpected(status, location)
    elseif status == 200 then
        ok = ok + 1
    else
        unexpected(status, headers["Location"])
    end
end

function done(summary, latency, requests)
    local tok, tother, tsaves, tconflicts = 0, 0, 0, 0
    for _, thread in ipairs(threads) do
        tok = tok + (thread:get("ok") or 0)
        tother = tother + (thread:get("other") or 0)
        tsaves = tsaves + (thread:get("saves") or 0)
        tconflicts = tconflicts + (thread:get("conflicts") or 0)
    end
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("RESULT rps=%.1f p50=%.1f p95=%.1f p99=%.1f requests=%d errors=%d ok=%d other=%d "
        .. "saves=%d conflicts=%d\n", summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
        latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests, errors, tok, tother,
        tsaves, tconflicts))
end
