package io.jclas.zoo;

import io.jclas.JclasException;
import io.jclas.layers.Act;
import io.jclas.layers.Activate;
import io.jclas.layers.ConvBnAct;
import io.jclas.layers.Dropout;
import io.jclas.layers.Fc;
import io.jclas.layers.Flatten;
import io.jclas.layers.Pool2d;
import io.jclas.layers.Sequential;

/**
 * AlexNet (Krizhevsky et al., NeurIPS 2012) as PaddleClas defines it ({@code model_zoo/alexnet.py}):
 * biased convs with ReLU, floor-mode 3x3 stride-2 max-pools after conv1, conv2 and conv5, then a
 * head of flatten (9216 = 256x6x6), Dropout(0.5) - fc6 - ReLU - Dropout(0.5) - fc7 - ReLU - fc8.
 * The dropouts are Paddle's {@code downscale_in_infer}: at inference they multiply by 0.5, which
 * changes the logits since fc6 and fc7 carry biases.
 *
 * <p>{@link Variant#TORCHVISION} builds torchvision's {@code alexnet}: the same layers with dropout that
 * is the identity at inference (torchvision's adaptive 6x6 average pool is the identity on the 6x6
 * map of the accepted input sizes).
 *
 * <p>The fixed 9216-wide fc6 needs a 6x6 last map, which inputs of 223 to 254 pixels give. There
 * is no small-input mode: asking for one is an error (resize tiny images to 224 instead).
 */
final class AlexNet {
    /** Input sides whose conv5 map pools to 6x6 (found by running the model). */
    static final int MIN_INPUT = 223;
    static final int MAX_INPUT = 254;
    private static final int LAST_MAP = 6;
    private static final float DROPOUT = 0.5f;

    private AlexNet() {}

    static void register(Registry r) {
        r.add("AlexNet", Family.ALEXNET, 224, MIN_INPUT, MAX_INPUT, AlexNet::build);
    }

    static Network build(ModelOptions o) {
        if (o.smallInput()) {
            throw new JclasException("AlexNet has no small-input mode: its 9216-wide fc6 needs inputs of "
                    + MIN_INPUT + " to " + MAX_INPUT + " pixels",
                    "set Arch.small_input=false and resize the images to 224x224");
        }
        Sequential features = new Sequential()
                .add("conv1", convPool(o.inputChannels(), 64, 11, 4, 2))
                .add("conv2", convPool(64, 192, 5, 1, 2))
                .add("conv3", conv(192, 384, 3, 1, 1))
                .add("conv4", conv(384, 256, 3, 1, 1))
                .add("conv5", convPool(256, 256, 3, 1, 1));
        int channels = 256;
        Sequential head = new Sequential()
                .add("flatten", new Flatten())
                .add("drop1", new Dropout(DROPOUT, o.dropoutMode()))
                .add("fc6", new Fc(channels * LAST_MAP * LAST_MAP, 4096))
                .add("relu6", new Activate(Act.RELU))
                .add("drop2", new Dropout(DROPOUT, o.dropoutMode()))
                .add("fc7", new Fc(4096, 4096))
                .add("relu7", new Activate(Act.RELU))
                .add("fc8", new Fc(4096, o.classNum()));
        return new Network(features, channels, head, o);
    }

    /** Biased conv + ReLU. */
    private static ConvBnAct conv(int in, int out, int kernel, int stride, int padding) {
        return ConvBnAct.builder(in, out, kernel).optStride(stride).optPadding(padding)
                .noBatchNormWithBias().optAct(Act.RELU).build();
    }

    /** PaddleClas's ConvPoolLayer: biased conv + ReLU, then max-pool 3x3 stride 2 (floor). */
    private static Sequential convPool(int in, int out, int kernel, int stride, int padding) {
        return new Sequential()
                .add("conv", conv(in, out, kernel, stride, padding))
                .add("pool", Pool2d.max(3, 2, 0));
    }
}
