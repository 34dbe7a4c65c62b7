package io.jclas.pretrained.format;

import io.jclas.pretrained.NamingScheme;

/** The foreign weight-file formats jclas reads, told apart by their first bytes. */
public enum WeightFormat {
    /** {@code torch.save} since 1.6: a zip of {@code <name>/data.pkl} and the storages {@code <name>/data/<key>} */
    PYTORCH_ZIP("PyTorch zip", NamingScheme.TORCHVISION),
    /** {@code torch.save(..., _use_new_zipfile_serialization=False)}: pickles then raw storages, one stream */
    PYTORCH_LEGACY("PyTorch legacy", NamingScheme.TORCHVISION),
    /** {@code paddle.save(state_dict)}: one pickle (protocol 2-4) of a dict of NumPy arrays */
    PDPARAMS("PaddlePaddle .pdparams", NamingScheme.PADDLECLAS);

    private final String label;
    private final NamingScheme scheme;

    WeightFormat(String label, NamingScheme scheme) {
        this.label = label;
        this.scheme = scheme;
    }

    /** The naming scheme files of this format use. */
    public NamingScheme scheme() {
        return scheme;
    }

    @Override
    public String toString() {
        return label;
    }
}
