package io.jclas.bench;

/** Runs the training dimension of one model. */
@FunctionalInterface
public interface TrainingRunner {
    /**
     * Trains {@code model} for {@code options.trainEpochs()} epochs on {@code options.dataset()}
     * (limited to {@code options.trainSubset()} images) and evaluates it.
     */
    TrainingResult train(String model, BenchmarkOptions options, BenchmarkListener listener);
}
