#!/usr/bin/env bash
# Request Workflows benchmark: starts the service (fresh data), drives it over HTTP, measures the raw stores'
# ceilings, prints a table and writes bench/results/<timestamp>.json (also printed as the last line).
#   bench/run.sh [--quick|--full|--smoke] [--postgres] [--million] [--clients N]      (see bench/README.md)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAR="standalone/target/request-workflows.jar"
LIB="bench/target/lib"

MODE=full STORE=h2 MILLION=false CLIENTS=16
RESULTS_DIR="${BENCH_RESULTS_DIR:-bench/results}"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick ;;
    --full) MODE=full ;;
    --smoke) MODE=smoke ;;
    --postgres) STORE=postgres ;;
    --million) MILLION=true ;;
    --clients) CLIENTS="$2"; shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "unknown flag: $1 (see bench/README.md)" >&2; exit 2 ;;
  esac
  shift
done

case "$MODE" in
  quick) ARGS=(--stages 10000 --ops 500 --queries 300 --lag-samples 100 --raw-seconds 3) ;;
  full)  ARGS=(--stages 10000,100000 --ops 2000 --queries 1000 --lag-samples 200 --raw-seconds 10) ;;
  # Every step of a --million run (the import too) on a tiny scale, in about a minute: shows that the benchmark
  # works (the tests run it); its figures mean nothing.
  smoke) ARGS=(--stages 200,1200 --ops 40 --queries 40 --lag-samples 10 --raw-seconds 1 --import-above 200) ;;
esac
IMPORTS=false
[ "$MODE" = smoke ] && IMPORTS=true
if [ "$MILLION" = true ]; then
  [ "$MODE" = full ] || { echo "--million is a full run; drop --$MODE" >&2; exit 2; }
  IMPORTS=true
  # Above 100k the requests are imported into the event store (submits at this rate would take hours), so the
  # benchmark opens the service's event store beside it.
  ARGS=(--stages 10000,100000,1000000 --ops 2000 --queries 1000 --lag-samples 200 --raw-seconds 10
        --import-above 100000)
  MODE=million
  # The embedded view store keeps its indexes in the heap (about 6.5 KB per stored request, twice that while a
  # replay fills fresh copies of the views): more than the default quarter of this machine's memory at 1M.
  BENCH_SERVICE_JAVA_OPTS="${BENCH_SERVICE_JAVA_OPTS:--Xmx18g}"
fi

if [ ! -f "$JAR" ]; then
  echo "Building $JAR ..." >&2
  mvn -B -q package -DskipTests
fi

# The store drivers and the embedded view store for the raw ceilings: the very jars and classes the service ships,
# taken from its fat jar (same versions, no repository access needed).
if [ ! -f "$LIB/.from-$(stat -c %Y "$JAR")" ]; then
  rm -rf "$LIB" && mkdir -p "$LIB"
  unzip -q -j -o "$JAR" 'BOOT-INF/lib/h2-*' 'BOOT-INF/lib/postgresql-*' 'BOOT-INF/lib/mongodb-driver-*' \
    'BOOT-INF/lib/bson-*' 'BOOT-INF/lib/mongo-java-server-*' 'BOOT-INF/lib/netty-*' 'BOOT-INF/lib/slf4j-api-*' \
    'BOOT-INF/lib/query-side-*' -d "$LIB"
  unzip -q -o "$JAR" 'BOOT-INF/classes/com/requestworkflows/embedded/*' -d "$LIB/service"
  rm -f "$LIB"/*grpc* "$LIB"/mongo-java-server-memory-backend-*
  touch "$LIB/.from-$(stat -c %Y "$JAR")"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/request-workflows-bench.XXXXXX")"
LOG="$WORK/service.log"
mkdir -p "$WORK/data" "$WORK/scratch"
SERVICE_PID=""
PG_SCHEMA=""
SERVICE_ARGS=(--server.port=0 "--requests.data-dir=$WORK/data")
if [ "$STORE" = postgres ]; then
  PG_SCHEMA="bench_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  EVENT_STORE_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$PG_SCHEMA"
  SERVICE_ARGS+=("--spring.datasource.url=$EVENT_STORE_URL"
                 --spring.datasource.username=postgres "--spring.flyway.schemas=$PG_SCHEMA")
  export SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}"   # if the server asks for one; not on the command line
  ARGS+=(--event-store-url "$EVENT_STORE_URL" --event-store-user postgres)
elif [ "$IMPORTS" = true ]; then
  # The service's own URL (its application.yml) with AUTO_SERVER, so that a second process may open the file too.
  # H2 refuses AUTO_SERVER with DB_CLOSE_ON_EXIT=FALSE, which only orders the service's shutdown.
  EVENT_STORE_URL="$(unzip -p "$JAR" BOOT-INF/classes/application.yml | grep -o 'jdbc:h2:file:.*' \
    | sed -e "s|\${requests.data-dir}|$WORK/data|" -e 's|DB_CLOSE_ON_EXIT=FALSE|AUTO_SERVER=TRUE|')"
  SERVICE_ARGS+=("--spring.datasource.url=$EVENT_STORE_URL")
  ARGS+=(--event-store-url "$EVENT_STORE_URL")
fi

bench_java() {
  java -Dslf4j.internal.verbosity=ERROR -cp "$LIB/*:$LIB/service/BOOT-INF/classes" bench/src/Bench.java "$@"
}

CLEANED=false
cleanup() {
  $CLEANED && return; CLEANED=true
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"                       # graceful shutdown; SIGKILL if it takes over 30 s
    for _ in $(seq 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVICE_PID" 2>/dev/null || true
  fi
  if [ -n "$PG_SCHEMA" ]; then
    bench_java drop-pg-schema jdbc:postgresql://127.0.0.1:5432/test "$PG_SCHEMA" || echo "could not drop schema $PG_SCHEMA" >&2
  fi
  rm -rf "$WORK/data" "$WORK/scratch"
  echo "Service stopped; its log: $LOG" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Starting the service (event store: $STORE, views: embedded mongo-java-server); log: $LOG" >&2
java ${BENCH_SERVICE_JAVA_OPTS:-} -jar "$JAR" "${SERVICE_ARGS[@]}" >"$LOG" 2>&1 &
SERVICE_PID=$!

PORT=""
for _ in $(seq 360); do
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "The service died at start-up; see $LOG" >&2; exit 1; }
  [ -z "$PORT" ] && PORT="$(grep -o 'Tomcat started on port [0-9]*' "$LOG" | grep -o '[0-9]*$' || true)"
  if [ -n "$PORT" ] && curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
    break
  fi
  sleep 0.5
done
[ -n "$PORT" ] || { echo "The service did not come up within 3 minutes; see $LOG" >&2; exit 1; }
echo "Service UP on port $PORT (pid $SERVICE_PID)" >&2

OUT="$WORK/bench.out"
bench_java --base-url "http://127.0.0.1:$PORT" --service-pid "$SERVICE_PID" --store "$STORE" \
  --scratch-dir "$WORK/scratch" --results-dir "$RESULTS_DIR" --mode "$MODE" --clients "$CLIENTS" \
  --service-log "$LOG" --data-dir "$WORK/data" "${ARGS[@]}" | tee "$OUT"

RESULT="$(sed -n 's/^Results: //p' "$OUT" | tail -1)"
cleanup
cat "$RESULT"
