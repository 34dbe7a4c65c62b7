package io.jclas.bench;

/**
 * Where the accuracy axis of a report comes from: the benchmark's own short training when it ran,
 * else the published ImageNet Top-1 of the zoo.
 */
public enum Top1Source {
    TRAINED("Top-1 after the benchmark's short training (%)"),
    PUBLISHED("published ImageNet Top-1 (%)");

    private final String label;

    Top1Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** TRAINED when any model has a training result. */
    public static Top1Source of(BenchmarkReport report) {
        return report.models().stream().anyMatch(m -> m.training() != null) ? TRAINED : PUBLISHED;
    }

    /** Top-1 in percent of {@code m} from this source, or null. */
    public Double percent(ModelResult m) {
        if (this == TRAINED) {
            return m.training() == null ? null : m.training().top1() * 100;
        }
        return m.publishedTop1() == null ? null : m.publishedTop1() * 100;
    }
}
