package io.jclas.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.jclas.data.transform.Preprocessing;
import io.jclas.infer.ModelDescription;
import io.jclas.infer.Prediction;
import java.util.List;

/** The JSON shapes the service answers with, in snake_case ({@code class_id}, {@code latency_ms}). */
final class Json {
    static final ObjectMapper MAPPER =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Json() {}

    /** Answer of POST /predict. */
    record PredictResponse(List<Prediction> predictions, double latencyMs) {}

    /** One image's answer inside POST /predict/batch. */
    record ImageResult(List<Prediction> predictions) {}

    /** Answer of POST /predict/batch, results in the order the images were sent. */
    record BatchResponse(List<ImageResult> results, double latencyMs) {}

    /** Answer of GET /models: the served model and the preprocessing its classifier runs (null if it tells none). */
    record ModelResponse(String name, String engine, List<String> labels, int threads, PreprocessJson preprocess) {
        ModelResponse(ModelDescription d) {
            this(d.name(), d.engine(), d.labels(), d.threads(),
                    d.preprocess() == null ? null : new PreprocessJson(d.preprocess()));
        }
    }

    /** A {@link Preprocessing} as inference.yml writes it: input shape, channel order, transform ops. */
    record PreprocessJson(int[] inputShape, String channelOrder, List<Object> transformOps) {
        PreprocessJson(Preprocessing p) {
            this(p.inputShape(), p.channelOrder(), p.transformOps());
        }
    }

    /** Every error answer. */
    record ErrorResponse(String error, String hint) {}

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // Only our own records are written; failing here is a programming error.
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
