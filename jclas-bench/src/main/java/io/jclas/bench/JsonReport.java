package io.jclas.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** report.json: the whole {@link BenchmarkReport} through Jackson, readable back with {@link #parse}. */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static String render(BenchmarkReport r) {
        try {
            return MAPPER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report", e);
        }
    }

    /** Reads a report.json back. */
    public static BenchmarkReport parse(String json) {
        try {
            return MAPPER.readValue(json, BenchmarkReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a jclas benchmark report: " + e.getOriginalMessage(), e);
        }
    }
}
