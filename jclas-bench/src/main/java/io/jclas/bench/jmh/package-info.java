/**
 * JMH micro-benchmarks: preprocessing one image, one forward of a light model, one training step.
 * Build and run from the repository root:
 *
 * <pre>
 * mvn -q -o -pl jclas-bench -am compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=runtime
 * nice -n 10 java -Dai.djl.offline=true \
 *     -cp jclas-bench/target/classes:$(cat jclas-bench/target/jmh.classpath) \
 *     org.openjdk.jmh.Main -f 1 -wi 2 -i 3 'io.jclas.bench.jmh.*'
 * </pre>
 *
 * {@code -l} lists the benchmarks; {@code -p threads=2} changes the intra-op threads.
 */
package io.jclas.bench.jmh;
