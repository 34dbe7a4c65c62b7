package io.jclas.pretrained;

/** Whose parameter names a weight file uses: what {@link KeyMaps} looks a family's key map up by. */
public enum NamingScheme {
    /** torchvision's {@code state_dict()} names ({@code layer1.0.conv1.weight}), in PyTorch files */
    TORCHVISION,
    /** PaddleClas's structured names ({@code conv1_weights}, {@code bn_conv1._mean}), in {@code .pdparams} */
    PADDLECLAS
}
