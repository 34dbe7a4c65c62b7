package io.jclas.bench;

import java.util.List;

/**
 * The result of a benchmark run, as written to report.json.
 *
 * @param startedAt ISO-8601 start time
 * @param machine where it ran
 * @param settings the run's settings
 * @param conditions the load before and after, whether that makes it a result, the anchors' versions
 * @param models one result per model, in option order
 */
public record BenchmarkReport(String startedAt, MachineInfo machine, Settings settings, RunConditions conditions,
        List<ModelResult> models) {

    public BenchmarkReport {
        models = List.copyOf(models);
    }

    /** The options that shape the numbers (the output folder excluded). */
    public record Settings(
            List<Integer> batchSizes, List<Integer> threads, List<String> engines, int warmup, int iterations,
            int repeats,
            int inputSize, int inputChannels, boolean smallInput, int classNum, int trainEpochs, String dataset,
            int trainSubset, int trainThreads, List<String> trainOverrides, boolean dataPath, boolean anchors) {

        /** The settings of {@code o}. */
        public static Settings of(BenchmarkOptions o) {
            return new Settings(o.batchSizes(), o.threads(),
                    o.engines().stream().map(InferenceEngine::id).toList(), o.warmup(), o.iterations(), o.repeats(),
                    o.inputSize(), o.inputChannels(), o.smallInput(), o.classNum(), o.trainEpochs(), o.dataset(),
                    o.trainSubset(), o.resolvedTrainThreads(), o.trainOverrides(), o.dataPath(), o.anchors());
        }
    }
}
