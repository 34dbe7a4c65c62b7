package io.jclas.train;

import java.util.List;

/**
 * What an evaluation measured.
 *
 * @param top1 fraction of samples whose best class is the label
 * @param top5 fraction whose label is among the best min(5, classNum) classes
 * @param loss mean cross-entropy (no smoothing) over the samples
 * @param precision per class: correct predictions of the class / predictions of the class (0 when none)
 * @param recall per class: correct predictions of the class / samples of the class (0 when none)
 * @param f1 per class: harmonic mean of precision and recall (0 when both are 0)
 * @param confusion counts [true class][predicted class]
 * @param classNames one name per class
 * @param samples number of evaluated samples
 * @param imagesPerSecond evaluation throughput, data loading included
 */
public record EvalResult(
        double top1,
        double top5,
        double loss,
        double[] precision,
        double[] recall,
        double[] f1,
        long[][] confusion,
        List<String> classNames,
        long samples,
        double imagesPerSecond) {

    /** Macro-averaged F1 (mean over classes). */
    public double macroF1() {
        double s = 0;
        for (double v : f1) {
            s += v;
        }
        return f1.length == 0 ? 0 : s / f1.length;
    }
}
