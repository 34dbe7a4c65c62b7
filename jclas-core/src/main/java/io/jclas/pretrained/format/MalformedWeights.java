package io.jclas.pretrained.format;

/**
 * A weight file whose content breaks its format (a tensor past its storage, an array of strings);
 * {@link WeightFiles} turns it into a one-line error naming the file.
 */
final class MalformedWeights extends RuntimeException {
    MalformedWeights(String message) {
        super(message);
    }
}
