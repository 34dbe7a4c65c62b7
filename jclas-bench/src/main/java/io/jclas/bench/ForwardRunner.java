package io.jclas.bench;

/** One model on one engine, ready to run forwards on a fixed input batch. */
public interface ForwardRunner extends AutoCloseable {
    /** Runs one forward of the whole batch and reads the logits back. */
    void forward();

    @Override
    void close();

    /** A runner of {@code work} that holds nothing to close (a decoder, a whole classifier call). */
    static ForwardRunner of(Runnable work) {
        return new ForwardRunner() {
            @Override
            public void forward() {
                work.run();
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
