package io.jclas.zoo;

/**
 * Registry metadata of one PaddleClas model name.
 *
 * @param name the PaddleClas name, e.g. {@code ResNet50_vd}
 * @param architecture the name whose architecture this is: itself, or for weight-variant aliases
 *     ({@code ResNet50_vd_ssld}) the base architecture
 * @param family the family
 * @param inputSize the default square input side (224; DarkNet53 256; Fix_ResNet50_vd_ssld_v2 320)
 * @param minInputSize the smallest input side a forward accepts at 3 channels (without smallInput)
 * @param maxInputSize the largest one, or 0 when unbounded (AlexNet's 9216-wide FC fixes its size)
 * @param published the seeds' figures, or {@link Published#NONE}
 */
public record ModelInfo(
        String name,
        String architecture,
        Family family,
        int inputSize,
        int minInputSize,
        int maxInputSize,
        Published published) {

    /** Eval resize of the short side: PaddleClas's 256 for 224 (ratio 0.875), 292 for 256, 366 for 320. */
    public int resizeShort() {
        return (int) Math.round(inputSize / 0.875);
    }

    public boolean isAlias() {
        return !name.equals(architecture);
    }

    /** Published Top-1/Top-5 (fractions), FLOPs (G) and params (M); NaN where unknown. */
    public record Published(double top1, double top5, double flopsG, double paramsM) {
        public static final Published NONE = new Published(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        public boolean known() {
            return !Double.isNaN(top1) || !Double.isNaN(flopsG);
        }
    }
}
