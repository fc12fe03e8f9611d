# Traces: Zipkin (zipkin-1: its UI and API on BRICKS_ZIPKIN_PORT, spans kept in memory, the
# newest BRICKS_ZIPKIN_MAX_SPANS) and the OTLP/HTTP receiver in front of it (otlp-1, on
# BRICKS_OTLP_PORT), where the bricks' OpenTelemetry exporters send their spans
# (BRICKS_OTLP_ENDPOINT). The receiver (infra/zipkin/OtlpReceiver.java) turns OTLP spans into
# Zipkin spans: Zipkin's own OTLP module is not published on Maven Central. Both come from Maven
# Central through infra/zipkin/pom.xml (Zipkin's executable jar, the OTLP protocol classes); no
# container. Tracing is not on any request's path: the bricks export in the background and drop
# what nobody takes, so a stopped Zipkin slows nothing. Sourced by ./bricks (through servers.sh);
# the server verbs are described in servers.sh.

: "${BRICKS_ZIPKIN_PORT:=9411}"
# the standard OTLP/HTTP port, moved by as much as Zipkin's port is (the private port sets move it)
: "${BRICKS_OTLP_PORT:=$((4318 + BRICKS_ZIPKIN_PORT - 9411))}"
: "${BRICKS_ZIPKIN_MAX_SPANS:=30000}"
# 30,000 spans fit in a 256 MB heap; a Zipkin out of memory exits (and is started again by `up`)
# instead of hanging half dead
: "${BRICKS_ZIPKIN_JAVA_OPTS:=-Xms64m -Xmx256m -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
# the share of new traces sampled (the gateway decides for a request without a traceparent; the
# bricks follow the decision of their caller)
: "${BRICKS_TRACES_SAMPLING:=1.0}"
export BRICKS_ZIPKIN_PORT BRICKS_OTLP_PORT BRICKS_TRACES_SAMPLING
ZIPKIN_HOME="$VAR_DIR/zipkin"
ZIPKIN_LIBS="$ZIPKIN_HOME/libs"
ZIPKIN_CLASSES="$ZIPKIN_HOME/classes"
ZIPKIN_POM="$BRICKS_ROOT/infra/zipkin/pom.xml"
OTLP_RECEIVER_SRC="$BRICKS_ROOT/infra/zipkin/OtlpReceiver.java"

zipkin_names() { echo zipkin-1; }
zipkin_port() { echo "$BRICKS_ZIPKIN_PORT"; }
zipkin_url() { echo "http://127.0.0.1:$BRICKS_ZIPKIN_PORT"; }
zipkin_role() { echo -; }
zipkin_ready() { [ "$(http_status "$(zipkin_url)/health")" = 200 ]; }

otlp_names() { echo otlp-1; }
otlp_port() { echo "$BRICKS_OTLP_PORT"; }
otlp_role() { echo "-> zipkin-1"; }
otlp_ready() { [ "$(http_status "$(otlp_endpoint)/health")" = 200 ]; }
# otlp_endpoint: the base URL the bricks export to (they POST to .../v1/traces).
otlp_endpoint() { echo "http://127.0.0.1:$BRICKS_OTLP_PORT"; }

# zipkin_trace_url TRACE_ID: Zipkin's page of one trace.
zipkin_trace_url() { echo "$(zipkin_url)/zipkin/traces/$1"; }

# zipkin_libs_ensure: Zipkin's jar and the receiver's classes in var/zipkin, fetched and compiled
# once (again when the pom or the receiver's source changes).
zipkin_libs_ensure() {
  local stamp="$ZIPKIN_CLASSES/.sha256" sum
  sum=$(cat "$ZIPKIN_POM" "$OTLP_RECEIVER_SRC" | sha256sum | cut -d' ' -f1)
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && return 0
  say "fetching Zipkin with Maven (first time only)"
  local tmp="$ZIPKIN_HOME/libs.tmp"
  rm -rf "$tmp" "$ZIPKIN_CLASSES"; mkdir -p "$ZIPKIN_HOME"
  if ! "$BRICKS_ROOT/mvnw" -B -q -f "$ZIPKIN_POM" dependency:copy-dependencies \
      -DoutputDirectory="$tmp" >"$LOG_DIR/zipkin-libs.log" 2>&1; then
    rm -rf "$tmp"
    die "could not fetch Zipkin; see $LOG_DIR/zipkin-libs.log"
  fi
  rm -rf "$ZIPKIN_LIBS"; mv "$tmp" "$ZIPKIN_LIBS"
  mkdir -p "$ZIPKIN_CLASSES"
  javac -nowarn -d "$ZIPKIN_CLASSES" -cp "$ZIPKIN_LIBS/*" "$OTLP_RECEIVER_SRC" >>"$LOG_DIR/zipkin-libs.log" 2>&1 \
    || die "could not compile $OTLP_RECEIVER_SRC; see $LOG_DIR/zipkin-libs.log"
  echo "$sum" > "$stamp"
}

zipkin_start() {
  local name=$1 jar
  is_running "$name" && return 0
  need_cmd java openjdk-17-jre-headless
  require_free_port "$BRICKS_ZIPKIN_PORT" "$name"
  zipkin_libs_ensure
  jar=$(ls "$ZIPKIN_LIBS"/zipkin-server-*-exec.jar)
  # shellcheck disable=SC2086 # the JVM options are a list
  STORAGE_TYPE=mem MEM_MAX_SPANS="$BRICKS_ZIPKIN_MAX_SPANS" SELF_TRACING_ENABLED=false \
    start_bg "$name" java $BRICKS_ZIPKIN_JAVA_OPTS -jar "$jar" \
    "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].port=$BRICKS_ZIPKIN_PORT" \
    "--armeria.ports[0].protocols=http"
  wait_started "$name" 90 "$name" zipkin_ready "$name"
  say "$name ready on $(zipkin_url)"
}

otlp_start() {
  local name=$1
  is_running "$name" && return 0
  need_cmd java openjdk-17-jre-headless
  require_free_port "$BRICKS_OTLP_PORT" "$name"
  zipkin_libs_ensure
  start_bg "$name" java -Xmx64m -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "$ZIPKIN_CLASSES:$ZIPKIN_LIBS/*" OtlpReceiver "$BRICKS_OTLP_PORT" "$(zipkin_url)"
  wait_started "$name" 30 "$name (the OTLP receiver)" otlp_ready "$name"
  say "$name ready on $(otlp_endpoint)/v1/traces"
}

zipkin_stop() { stop_bg "$1" 15; }
zipkin_kill() { kill_bg "$1"; }
otlp_stop() { stop_bg "$1" 10; }
otlp_kill() { kill_bg "$1"; }
# the receiver starts while Zipkin does (it answers 503 to the exporters until Zipkin takes spans)
zipkin_up() {
  is_running zipkin-1 && is_running otlp-1 && return 0
  zipkin_libs_ensure
  ( otlp_start otlp-1 ) & local job=$!
  zipkin_start zipkin-1
  wait "$job" || exit 1
}
zipkin_down() { otlp_stop otlp-1; zipkin_stop zipkin-1; }
otlp_up() { otlp_start otlp-1; }
otlp_down() { otlp_stop otlp-1; }

# zipkin_links: where to see the traces, for `up`.
zipkin_links() {
  is_running zipkin-1 || return 0
  echo "  Zipkin:      $(zipkin_url)/zipkin/   (traces; the bricks export to $(otlp_endpoint)/v1/traces)"
}
