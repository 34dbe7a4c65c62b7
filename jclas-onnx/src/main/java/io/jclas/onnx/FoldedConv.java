package io.jclas.onnx;

import io.jclas.layers.ConvBnAct;

/**
 * The weights of a {@link ConvBnAct} with its inference-time BatchNorm folded into the
 * convolution: w' = w * gamma / sqrt(var + eps), b' = beta + (b - mean) * gamma / sqrt(var + eps).
 * One Conv node then computes what conv + BatchNorm computed, with one pass over the feature map
 * fewer.
 *
 * @param weight [out, in/groups, k, k], row-major
 * @param bias [out], or null for a convolution without bias and without BatchNorm
 */
record FoldedConv(float[] weight, float[] bias) {

    static FoldedConv of(ConvBnAct conv) {
        float[] w = conv.weight().getArray().toFloatArray();
        float[] b = conv.bias() == null ? null : conv.bias().getArray().toFloatArray();
        if (!conv.hasBatchNorm()) {
            return new FoldedConv(w, b);
        }
        float[] gamma = conv.gamma().getArray().toFloatArray();
        float[] beta = conv.beta().getArray().toFloatArray();
        float[] mean = conv.runningMean().getArray().toFloatArray();
        float[] var = conv.runningVar().getArray().toFloatArray();
        int out = gamma.length;
        int perOutput = w.length / out;
        float[] folded = new float[w.length];
        float[] foldedBias = new float[out];
        for (int o = 0; o < out; o++) {
            // double keeps the folded weights within float rounding of the unfolded computation
            double scale = gamma[o] / Math.sqrt((double) var[o] + ConvBnAct.BN_EPSILON);
            for (int i = o * perOutput; i < (o + 1) * perOutput; i++) {
                folded[i] = (float) (w[i] * scale);
            }
            double convBias = b == null ? 0.0 : b[o];
            foldedBias[o] = (float) (beta[o] + (convBias - mean[o]) * scale);
        }
        return new FoldedConv(folded, foldedBias);
    }
}
