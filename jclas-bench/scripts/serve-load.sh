#!/usr/bin/env bash
# Serving under load, measured by an independent client (ApacheBench, apache2-utils): `./jclas serve`
# with dynamic batching (--max-batch 8) and without (--max-batch 1), each for two rounds of REQUESTS
# single-image POSTs at concurrency 16 after a warm-up. Prints throughput, p50, p99 and the server's RSS
# after each round, then the batching/no-batching throughput ratio, p99/p50 and the RSS growth.
#   usage: jclas-bench/scripts/serve-load.sh INFERENCE_DIR IMAGE [REQUESTS] [THREADS]
# Measure on a quiet machine (uptime's load below 0.5), nothing else running.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODEL="$1"; IMAGE="$2"; REQUESTS="${3:-10000}"; THREADS="${4:-2}"; CONCURRENCY=16
command -v ab >/dev/null || { echo "ab not found: apt-get install -y apache2-utils" >&2; exit 1; }
case "$IMAGE" in *.png) TYPE=image/png ;; *) TYPE=image/jpeg ;; esac
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); model $MODEL, image $IMAGE, $REQUESTS requests x 2 rounds, c=$CONCURRENCY, $THREADS intra-op thread(s)"
declare -A RPS
for batch in 8 1; do
  PORT=$((20000 + RANDOM % 20000))
  "$ROOT/jclas" serve --model "$MODEL" --port $PORT --max-batch $batch --threads "$THREADS" > /tmp/serve-load-$PORT.log 2>&1 &
  LAUNCHER=$!
  for _ in $(seq 120); do curl -sf http://127.0.0.1:$PORT/health >/dev/null && break; sleep 1; done
  PID=$(pgrep -f "io.jclas.cli.Main serve .*--port $PORT" | head -1)
  ab -q -l -n 500 -c $CONCURRENCY -p "$IMAGE" -T $TYPE http://127.0.0.1:$PORT/predict >/dev/null   # warm-up
  for round in 1 2; do
    out=$(ab -q -l -n "$REQUESTS" -c $CONCURRENCY -p "$IMAGE" -T $TYPE http://127.0.0.1:$PORT/predict)
    rps=$(awk '/Requests per second/ {print $4}' <<< "$out")
    p50=$(awk '$1 == "50%" {print $2}' <<< "$out"); p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
    failed=$(awk '/Failed requests/ {print $3}' <<< "$out"); non2xx=$(awk '/Non-2xx/ {print $3}' <<< "$out")
    rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$PID/status)
    printf 'max-batch %s round %s: %8.1f req/s  p50 %4s ms  p99 %4s ms  p99/p50 %.2f  failed %s non-2xx %s  RSS %s MB\n' \
        $batch $round "$rps" "$p50" "$p99" "$(echo "$p99 / $p50" | bc -l)" "$failed" "${non2xx:-0}" "$rss"
    RPS[$batch.$round]=$rps; [ $round = 1 ] && RSS1=$rss
  done
  printf 'max-batch %s: RSS round 2 / round 1 = %.3f\n' $batch "$(echo "$rss / $RSS1" | bc -l)"
  kill $LAUNCHER 2>/dev/null; wait $LAUNCHER 2>/dev/null || true
done
printf 'throughput with batching / without (round 2): %.2fx\n' "$(echo "${RPS[8.2]} / ${RPS[1.2]}" | bc -l)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
