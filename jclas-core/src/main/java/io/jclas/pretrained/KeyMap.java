package io.jclas.pretrained;

/**
 * Where a family's published weight files keep each jclas parameter: one implementation per
 * naming scheme and family (torchvision's ResNet, PaddleClas's ResNet_vd, ...). jclas parameter
 * names are the block-tree paths of {@code Weights.save} without DJL's child ordinals, joined by
 * {@code _}: {@code features_stem_0_weight} for the {@code model.npz} key {@code
 * 01features_01stem_010_weight} ({@link ParameterPaths} computes them). {@link KeyMaps} finds the
 * map of an architecture.
 */
public interface KeyMap {

    /**
     * The file key holding a jclas parameter, and how its array is laid out there; null when this
     * naming scheme has no such parameter.
     */
    Source sourceOf(String parameterName);

    /**
     * The value a parameter takes when the file's architecture has no such layer and the layer is
     * equivalent to the identity there (a 1x1 conv + BatchNorm that torchvision omits); null when
     * the parameter is simply missing. Asked only where {@link #sourceOf} gives null.
     *
     * @param shape the jclas parameter's shape
     */
    default StoredTensor fixedValue(String parameterName, long[] shape) {
        return null;
    }

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
