package io.jclas.spark;

import io.jclas.infer.Prediction;
import java.util.List;
import org.apache.spark.sql.Row;

/** One input row with its classes, best first, or with why it has none. */
record Scored(Row row, List<Prediction> predictions, String error) {
    static Scored failed(Row row, String error) {
        return new Scored(row, null, error);
    }
}
