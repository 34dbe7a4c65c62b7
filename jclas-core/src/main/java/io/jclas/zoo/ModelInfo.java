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
 * @param input the eval preprocessing its published figures were measured with
 * @param published the seeds' figures, or {@link Published#NONE}
 */
public record ModelInfo(
        String name,
        String architecture,
        Family family,
        int inputSize,
        int minInputSize,
        int maxInputSize,
        InputDefaults input,
        Published published) {

    /** Eval resize of the short side: {@code inputSize / input().cropRatio()}, PaddleClas's 256 for 224. */
    public int resizeShort() {
        return (int) Math.round(inputSize / input.cropRatio());
    }

    public boolean isAlias() {
        return !name.equals(architecture);
    }

    /**
     * A model's default eval preprocessing, as timm's {@code pretrained_cfg} carries it: resize the short
     * side to {@code inputSize / cropRatio} with {@code interpolation}, center-crop {@code inputSize},
     * scale to [0, 1], then {@code (x - mean) / std} per RGB channel.
     */
    public record InputDefaults(double cropRatio, String interpolation, float[] mean, float[] std) {
        /** PaddleClas's ImageNet eval preprocessing, that of every model of the zoo. */
        public static final InputDefaults IMAGENET = new InputDefaults(0.875, "bilinear",
                new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

        public InputDefaults {
            mean = mean.clone();
            std = std.clone();
        }

        /** The same with another crop ratio (crop side / resized short side). */
        public InputDefaults withCropRatio(double ratio) {
            return new InputDefaults(ratio, interpolation, mean, std);
        }

        @Override
        public float[] mean() {
            return mean.clone();
        }

        @Override
        public float[] std() {
            return std.clone();
        }
    }

    /** Published Top-1/Top-5 (fractions), FLOPs (G) and params (M); NaN where unknown. */
    public record Published(double top1, double top5, double flopsG, double paramsM) {
        public static final Published NONE = new Published(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        public boolean known() {
            return !Double.isNaN(top1) || !Double.isNaN(flopsG);
        }
    }
}
