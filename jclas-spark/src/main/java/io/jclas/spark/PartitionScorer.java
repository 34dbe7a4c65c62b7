package io.jclas.spark;

import java.io.Serializable;
import java.util.Iterator;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * What a task needs to classify its partition: the broadcast model (shipped once per executor) and
 * the settings. On the executor it takes this JVM's shared session, then scores rows lazily.
 */
final class PartitionScorer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ModelFiles> model;
    private final int threads;
    private final int batch;
    private final int topk;

    PartitionScorer(Broadcast<ModelFiles> model, int threads, int batch, int topk) {
        this.model = model;
        this.threads = threads;
        this.batch = batch;
        this.topk = topk;
    }

    /** @param contentField see {@link ImageBatches}: -1 reads the file the path names */
    Iterator<Scored> score(Iterator<Row> rows, int pathField, int contentField) {
        return new ImageBatches(rows, pathField, contentField, ExecutorClassifiers.get(model.value(), threads),
                batch, topk);
    }
}
