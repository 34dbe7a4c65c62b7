#!/usr/bin/env bash
# Runs the shaded spark-submit jar on a real Spark standalone cluster on this machine: a master, a worker
# and two executor JVMs (one core each), then checks that `predict` and `eval` give what `jclas spark`
# gives in local[2]. The cluster's Spark is the one the build resolved (jclas-cli/target/spark-lib and
# the jars of jclas-cli/target/lib that Spark needs), laid out as a SPARK_HOME.
#   usage: jclas-spark/scripts/standalone-cluster-check.sh MODEL_DIR IMAGE_FOLDER
# Build first: mvn -B -DskipTests install (the shaded jar) and ./jclas models (the CLI's jars).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODEL="$(realpath "$1")"; IMAGES="$(realpath "$2")"
LIB="$ROOT/jclas-cli/target"; JAR="$ROOT/jclas-spark/target/jclas-spark-0.1.0-SNAPSHOT-spark-submit.jar"
[ -f "$JAR" ] && [ -d "$LIB/spark-lib" ] || { echo "build first: mvn -B -DskipTests install && ./jclas models" >&2; exit 1; }
WORK="$(mktemp -d /tmp/jclas-standalone-XXXX)"
export SPARK_HOME="$WORK/spark" SPARK_SCALA_VERSION=2.13
mkdir -p "$SPARK_HOME/jars"
echo "Spark from jclas-cli/target" > "$SPARK_HOME/RELEASE"   # tells Spark's launcher to use jars/
ln -s "$LIB"/spark-lib/*.jar "$SPARK_HOME/jars/"
# spark-lib leaves out what the CLI's lib already has; a cluster needs these of them (not jclas, DJL or ORT)
for j in "$LIB"/lib/{jackson,commons,slf4j,protobuf,gson,jna,snakeyaml}*.jar; do ln -s "$j" "$SPARK_HOME/jars/"; done
read -r -a JOPTS < "$LIB/spark-java-options"
spark() { java "${JOPTS[@]}" -cp "$SPARK_HOME/jars/*" "$@"; }
cleanup() { kill $(jobs -p) 2>/dev/null || true; }
trap cleanup EXIT
PORT=$((20000 + RANDOM % 20000))
spark org.apache.spark.deploy.master.Master --host 127.0.0.1 --port $PORT --webui-port 0 > "$WORK/master.log" 2>&1 &
sleep 10
spark org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 --memory 4g --webui-port 0 \
    --work-dir "$WORK/worker" spark://127.0.0.1:$PORT > "$WORK/worker.log" 2>&1 &
sleep 10
submit() {
  spark org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:$PORT --executor-cores 1 \
      --total-executor-cores 2 --executor-memory 1g --conf spark.task.cpus=1 --conf spark.ui.enabled=false \
      --class io.jclas.spark.SparkJobMain "$JAR" "$@" 2> "$WORK/submit.log"
}
echo "cluster predict:"; submit predict --model "$MODEL" --input "$IMAGES" --output "$WORK/cluster.csv" --format csv
echo "cluster eval:   $(submit eval --model "$MODEL" --input "$IMAGES")"
echo "executor JVMs that ran tasks: $(grep -l 'Finished task' "$WORK"/worker/app-*/*/stderr | wc -l)"
"$ROOT/jclas" spark predict --model "$MODEL" --input "$IMAGES" --output "$WORK/local.csv" --format csv --master 'local[2]' 2>/dev/null
rows() { cat "$1"/part-*.csv | grep -v '^path,' | sort; }
if diff -q <(rows "$WORK/cluster.csv") <(rows "$WORK/local.csv") >/dev/null; then
  echo "predictions: the cluster's $(rows "$WORK/cluster.csv" | wc -l) rows equal local[2]'s"
else
  echo "predictions DIFFER between the cluster and local[2]: diff $WORK/cluster.csv $WORK/local.csv"; exit 1
fi
echo "local[2] eval:  $("$ROOT/jclas" spark eval --model "$MODEL" --input "$IMAGES" --master 'local[2]' 2>/dev/null | head -1)"
echo "logs and results: $WORK"
