-- wrk script for a DPoP route: each request carries the DPoP-bound token and a proof of its own (a proof is accepted
-- once; a replay is refused). Proofs come from a file, one per line (LocalIssuer proofs ...); the thread stops after the
-- first <limit> responses, so the file holds a few spare proofs for the requests still in flight.
--   wrk -s dpop.lua http://host:port/route -- <token> <proofs file> <limit>
local token, proofs, count, limit, sent, received = nil, {}, 0, 0, 0, 0

function init(args)
  token = args[1]
  for line in io.lines(args[2]) do
    count = count + 1
    proofs[count] = line
  end
  limit = tonumber(args[3])
end

function request()
  sent = sent + 1
  -- Past the end (only when more requests than spare proofs were in flight): the last proof again, refused as a replay
  -- and counted by wrk as a non-2xx answer, so an undersized file shows in the report instead of passing unnoticed.
  local proof = proofs[math.min(sent, count)]
  return wrk.format("GET", nil, { ["Authorization"] = "DPoP " .. token, ["DPoP"] = proof })
end

function response(status, headers, body)
  received = received + 1
  if received >= limit then
    wrk.thread:stop()
  end
end
