package io.jclas.data;

import java.util.List;

/** A random-access list of labelled images; {@link #get} is safe to call from several threads. */
public interface Dataset {
    int size();

    /** The i-th sample, decoded (0 &lt;= i &lt; size()). */
    Sample get(int i);

    /** The label of the i-th sample without decoding it (used by samplers). */
    default int label(int i) {
        return get(i).label();
    }

    /** Class names by class id. */
    List<String> classNames();
}
