#!/usr/bin/env python3
# Usage: python3 infra/bench/command-latency.py PORT N  (against a running embedded default, e.g. on 8080).
# Always give 127.0.0.1, not localhost: resolving localhost here added ~100 ms to every curl request.
# Sequential HTTP latency of the slice's commands, one client, keep-alive.
import base64, http.client, json, sys, time, statistics
host, port, n = "127.0.0.1", int(sys.argv[1]), int(sys.argv[2])
auth = "Basic " + base64.b64encode(b"anna:anna").decode()
c = http.client.HTTPConnection(host, port)
def post(path, body):
    t = time.perf_counter()
    c.request("POST", path, json.dumps(body), {"Authorization": auth, "Content-Type": "application/json"})
    r = c.getresponse(); data = r.read(); dt = time.perf_counter() - t
    assert r.status == 201, (r.status, data)
    return json.loads(data), dt
def report(name, xs):
    xs = sorted(xs); ms = lambda v: f"{v*1000:.1f}"
    print(f"{name:>16}: n={len(xs)} p50={ms(xs[len(xs)//2])} ms p90={ms(xs[int(len(xs)*.9)])} ms p99={ms(xs[int(len(xs)*.99)])} ms mean={ms(statistics.mean(xs))} ms")
for _ in range(50):  # warm-up
    cid, _ = post("/api/cases", {"familyName": "W", "district": "Wilchwy"})
opens, diags = [], []
for i in range(n):
    cid, dt = post("/api/cases", {"familyName": "Rodzina", "district": "Wilchwy"}); opens.append(dt)
    _, dt = post(f"/api/cases/{cid['caseId']}/diagnoses", {"source": "COMMUNITY_INTERVIEW", "problems": [{"area": "POVERTY", "severity": "HIGH"}]}); diags.append(dt)
report("OpenFamilyCase", opens); report("RecordDiagnosis", diags)
