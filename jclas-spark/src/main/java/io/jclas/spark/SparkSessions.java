package io.jclas.spark;

import org.apache.spark.sql.SparkSession;

/** The embedded Spark that {@code jclas spark ...}, the tests and the benchmark run in. */
public final class SparkSessions {
    private SparkSessions() {}

    /**
     * A session on {@code master} ({@code local[*]}, {@code local[2]}, or a cluster's URL): no web UI,
     * the driver bound to loopback for local masters (nothing listens beyond this machine). Under
     * spark-submit, {@code SparkSession.builder().getOrCreate()} takes spark-submit's settings instead.
     */
    public static SparkSession start(String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("jclas").master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8");
        if (master.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
    }
}
