package io.jclas.pretrained.format;

/** An object a pickle completes with its BUILD opcode (Python's {@code __setstate__}). */
interface Buildable {
    void build(Object state);
}
