# Renders a result document of ./bricks bench (bench/results/*.json) as Markdown.
def n: if . == null then "–" elif type == "number" then (. * 100 | round / 100 | tostring) else tostring end;
def x: if . == null then "–" else (n + "×") end;
def row($name; $r): "| \($name) | \($r.rps | n) | \($r.p50_ms | n) | \($r.p99_ms | n) | \($r.p999_ms | n) | \($r.errors | n) |";

"# Bricks benchmark, \(.date) (\(.mode) mode, commit \(.commit))",
"",
"Machine: \(.machine.nproc) cores (\(.machine.cpu)), \(.machine.memory), \(.machine.os), \(.machine.jdk).",
"Load average at start \(.machine.loadAverageAtStart), at end \(.machine.loadAverageAtEnd // "–") — a shared, noisy machine: compare the ratios, not the absolute figures.",
"Each figure is the median of \(.settings.runs) run(s) of \(.settings.seconds) s (after \(.settings.warmupSeconds) s of warm-up), wrk with \(.settings.wrkThreads) threads and \(.settings.connections) connections; every ratio compares figures of this run. Bricks run with JAVA_OPTS `\(.machine.brickJavaOpts)`.",
"",
(if .catalog then
  "## 1. Catalog: one replica direct, through the gateway, and a bare Vert.x route serving the same bytes",
  "",
  "| target | req/s | p50 ms | p99 ms | p99.9 ms | errors |",
  "|---|---:|---:|---:|---:|---:|",
  (.catalog as $c | ["sku", "search"][] as $e | select($c[$e]) |
    row("GET /products/{sku}" | if $e == "search" then "search (4 queries)" else . end | . + " — catalog direct"; $c[$e].direct),
    row("… through the gateway"; $c[$e].gateway),
    row("… baseline (bare Vert.x)"; $c[$e].baseline)),
  "",
  (.catalog as $c | ["sku", "search"][] as $e | select($c[$e]) |
    "- \($e): catalog ÷ baseline = **\($c[$e].ratios.directOverBaseline | x)** direct, \($c[$e].ratios.gatewayOverBaseline | x) through the gateway; gateway ÷ direct = \($c[$e].ratios.gatewayOverDirect | x)"),
  ""
 else empty end),
(if .cart then
  "## 3. Cart `PUT /api/carts/{id}/items/{sku}` (one replica, direct) vs `redis-benchmark` HSET on the same Redis",
  "",
  "| target | req/s | p50 ms | p99 ms | p99.9 ms | errors |",
  "|---|---:|---:|---:|---:|---:|",
  row("cart PUT item"; .cart.put),
  row("redis-benchmark HSET"; .cart.redisHset),
  (if .cart.redisChange then row("bare client: the cart's set_line script + WAIT 1 (bench/probes/RedisChange.java)"; .cart.redisChange) else empty end),
  "",
  "- cart ÷ Redis: **\(.cart.ratios.putOverHsetRps | x)** in req/s, p99 \(.cart.ratios.putOverHsetP99 | x)",
  (if .cart.redisChange then "- the same change without the cart (script + WAIT for a replica, as the cart sends it) ÷ HSET: \(.cart.ratios.changeOverHsetRps | x); cart ÷ that change: **\(.cart.ratios.putOverChangeRps | x)**: what the cart itself costs" else empty end),
  ""
 else empty end),
(if .startup or .rss or .startupParallel then
  "## 5. Start-to-ready and resident memory",
  "",
  "Against a bare Quarkus REST app (bench/bare: quarkus-rest + Jackson + Health) started the same way (same JVM options, class-data sharing): \(.startup.bare.readyMs | n) ms to ready, RSS \(.startup.bare.rssAtReadyMb | n) MiB at ready and \(.startup.bareRssAfterLoadMb | n) MiB after a short load.",
  "",
  "| brick | process start → /q/health/ready 200 (ms) | ÷ bare | failed starts | RSS at ready (MiB) | RSS after the run (MiB) | ÷ bare after load |",
  "|---|---:|---:|---:|---:|---:|---:|",
  (. as $r | ["catalog", "cart", "customer", "order"][] as $b |
    select($r.startup[$b] or $r.rss[$b] or ($r.startupParallel // [] | map(select(.brick == $b)) | length > 0)) |
    "| \($b) | \(($r.startup[$b].readyMs // (($r.startupParallel // []) | map(select(.brick == $b)) | .[0].readyMs | if . then "\(.) (started together with others)" else null end)) | n) | \(if $r.startup[$b].readyMs and $r.startup.bare.readyMs then ($r.startup[$b].readyMs / $r.startup.bare.readyMs * 100 | round / 100) else null end | x) | \($r.startup[$b].failedStarts | n) | \($r.startup[$b].rssAtReadyMb | n) | \($r.rss[$b].rssMb | n) | \(if $r.rss[$b].rssMb and $r.startup.bareRssAfterLoadMb then ($r.rss[$b].rssMb / $r.startup.bareRssAfterLoadMb * 100 | round / 100) else null end | x) |"),
  ""
 else empty end),
(if .scaling then
  "## 6. Catalog through the gateway with 1, 2, 3 replicas (GET /products/{sku})",
  "",
  "| replicas | req/s | p50 ms | p99 ms | errors |",
  "|---:|---:|---:|---:|---:|",
  (.scaling as $s | [1, 2, 3][] as $i | $s["replicas\($i)"] as $r | select($r) |
    "| \($i) | \($r.rps | n) | \($r.p50_ms | n) | \($r.p99_ms | n) | \($r.errors | n) |"),
  "",
  "- 2 ÷ 1 = \(.scaling.ratios.twoOverOne | x), 3 ÷ 1 = \(.scaling.ratios.threeOverOne | x): on \(.machine.nproc) cores shared by wrk, HAProxy and every replica, more replicas only add contention — this shows the cores' and the gateway's limit, not the bricks' scaling.",
  ""
 else empty end),
(if .orders then
  "## 4. Checkout → order visible, and the drain rate of order-service",
  "",
  "- checkout sent → `GET /api/orders/{id}` answers 200: p50 **\(.orders.endToEnd.p50_ms | n) ms**, p99 \(.orders.endToEnd.p99_ms | n) ms, max \(.orders.endToEnd.max_ms | n) ms (\(.orders.endToEnd.orders) orders one after the other, per run)",
  "- drain of a running, warmed-up replica (\(.orders.drain.orders) copies of the placed orders under new ids published straight to Kafka, a backlog it works through; first to last `received_at`): **\(.orders.drain.ordersPerSec | n) orders/s**",
  (if .orders.drainJustStarted then "- drain of a just-started replica (order-service stopped while the orders are placed at \(.orders.checkoutRate.checkoutsPerSec | n)/s, then started; JIT still compiling): \(.orders.drainJustStarted.ordersPerSec | n) orders/s → ÷ JDBC \(.orders.ratios.justStartedOverPlainJdbc | x)" else empty end),
  "- (a) a plain Kafka consumer reading the same records: \(.orders.plainConsumer.consumerPerSec | n) records/s → drain ÷ consumer = **\(.orders.ratios.drainOverPlainConsumer | x)**",
  "- (b) a plain JDBC loop inserting the same orders (order, lines, status row), one transaction each, same database: \(.orders.plainJdbc.jdbcPerSec | n) orders/s → drain ÷ JDBC = **\(.orders.ratios.drainOverPlainJdbc | x)** (the real ceiling of one order at a time, exactly once)",
  ""
 else empty end),
(if .cutover then
  "## 2. Generation cutover under load",
  "",
  "- \(.cutover.products) products uploaded through the gateway, activation \(.cutover.activationLeadSeconds) s ahead, \(.cutover.catalogReplicas) catalog replica(s), under wrk load (\(.cutover.load.rps | n) req/s, \(.cutover.load.errors | n) errors) plus a checking probe",
  "- probe: \(.cutover.probe.requests) requests, **errors \(.cutover.probe.errors)**, **\(.cutover.probe.oldGenerationAfterInstant) of \(.cutover.probe.afterInstant) answers to requests sent after the instant carried the old generation** (\(.cutover.probe.oldGeneration) → \(.cutover.probe.newGeneration)); \(.cutover.probe.newGenerationBeforeInstant) answers received before the instant carried the new one",
  "- worst latency of a request sent within ±2 s of the switch: \(.cutover.probe.worstLatencyAroundSwitchMs) ms (p99 over the whole window \(.cutover.probe.p99_ms | n) ms)",
  ""
 else empty end),
(if .gatling then
  "## 7. Shopper journeys (Gatling), through the gateway",
  "",
  "- \(.gatling.seconds) s, open model: \(.gatling.shoppersPerSec) new shoppers/s (browse, search, open products, cart of 2-3 items, register, sign in, check out, poll the order until visible) and \(.gatling.browsersPerSec) new browsers/s (browse and search only)",
  "- all requests: **\(.gatling.global.rps | n) req/s**, p50 \(.gatling.global.p50_ms | n) ms, p95 \(.gatling.global.p95_ms | n) ms, p99 \(.gatling.global.p99_ms | n) ms, max \(.gatling.global.max_ms | n) ms; \(.gatling.global.requests | n) requests, **\(.gatling.global.ko | n) KO**",
  "- HTML report (local, not committed): `\(.gatling.report)`",
  "",
  "| request | count | KO | p50 ms | p95 ms | p99 ms | max ms |",
  "|---|---:|---:|---:|---:|---:|---:|",
  (.gatling.requests[] | "| \(.name) | \(.requests | n) | \(.ko | n) | \(.p50_ms | n) | \(.p95_ms | n) | \(.p99_ms | n) | \(.max_ms | n) |"),
  ""
 else empty end),
(if .tracing then
  "## 9. What tracing costs: catalog `GET /products/{sku}` and cart `PUT` item (one extra replica each, direct)",
  "",
  "Tracing off (no OTLP endpoint, ratio 0), new traces sampled at \(.tracing.ratio) (the test command's ratio), and every request traced and exported to Zipkin (1.0).",
  "",
  "| brick | tracing | req/s | p50 ms | p99 ms | p99.9 ms | errors | spans exported (both bricks) |",
  "|---|---|---:|---:|---:|---:|---:|---:|",
  (.tracing as $t | ["catalog", "cart"][] as $b | ["off", "sampled", "full"][] as $m | select($t[$m]) |
    "| \($b) | \(if $m == "off" then "off" else ($t[$m].sampling | tostring) end) | \($t[$m][$b].rps | n) | \($t[$m][$b].p50_ms | n) | \($t[$m][$b].p99_ms | n) | \($t[$m][$b].p999_ms | n) | \($t[$m][$b].errors | n) | \(if $b == "catalog" then ($t[$m].spansExported | n) else "〃" end) |"),
  "",
  "- req/s ÷ off, the median of each round's ratio (the rounds: \(.tracing.ratios.catalogFullOverOff.rounds | map(tostring) | join(", ")) for catalog at 1.0): catalog **\(.tracing.ratios.catalogSampledOverOff.median | x)** at \(.tracing.ratio), **\(.tracing.ratios.catalogFullOverOff.median | x)** at 1.0; cart **\(.tracing.ratios.cartSampledOverOff.median | x)** at \(.tracing.ratio), **\(.tracing.ratios.cartFullOverOff.median | x)** at 1.0",
  ""
 else empty end),
(if .failed then "## Failed sections", "", (.failed | to_entries[] | "- \(.key): \(.value)"), "" else empty end),
"Section durations (s): \(.sectionSeconds // {} | to_entries | map("\(.key) \(.value)") | join(", "))"
