package io.jclas.bench;

/** One model on one engine, ready to run forwards on a fixed input batch. */
public interface ForwardRunner extends AutoCloseable {
    /** Runs one forward of the whole batch and reads the logits back. */
    void forward();

    @Override
    void close();
}
