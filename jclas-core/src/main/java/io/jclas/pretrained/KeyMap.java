package io.jclas.pretrained;

/**
 * Where a family's published weight files keep each jclas parameter: one implementation per
 * naming scheme and family (torchvision's ResNet, PaddleClas's ResNet_vd, ...). jclas parameter
 * names are the block-tree names {@code Weights.save} writes ({@code features_stem_0_weight}).
 */
public interface KeyMap {

    /**
     * The file key holding a jclas parameter, and how its array is laid out there; null when this
     * naming scheme has no such parameter.
     */
    Source sourceOf(String parameterName);

    /** A file key and the layout change that turns its array into the jclas parameter. */
    record Source(String key, Layout layout) {
        public static Source of(String key) {
            return new Source(key, Layout.AS_IS);
        }
    }

    /** How a stored array differs from the jclas parameter. */
    enum Layout {
        AS_IS,
        /** a 2-D matrix stored [in, out], as Paddle's {@code Linear} stores its weight */
        TRANSPOSED
    }
}
