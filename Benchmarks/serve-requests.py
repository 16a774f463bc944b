"""Request times of a running esp serve: median and 90th percentile over one kept-alive connection.

Usage: serve-requests.py PORT VISIT_FILE (Benchmarks/serve.sh starts the server and calls it).
"""
import http.client, time, statistics, sys
port = int(sys.argv[1])
body = open(sys.argv[2], "rb").read()
def run(method, path, body=None, n=200):
    c = http.client.HTTPConnection("127.0.0.1", port)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        c.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
        r = c.getresponse(); r.read()
        times.append((time.perf_counter() - t) * 1000)
        assert r.status == 200, r.status
    times.sort()
    print(f"{method} {path}: median {statistics.median(times):.2f} ms, p90 {times[int(n*0.9)]:.2f} ms ({n} requests)")
run("GET", "/")
run("GET", "/visits/new")
run("POST", "/api/v1/advice", body)
run("POST", "/api/v1/sheet", body, n=50)
