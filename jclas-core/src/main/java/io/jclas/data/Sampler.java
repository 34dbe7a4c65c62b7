package io.jclas.data;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.util.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order of samples of one epoch, cut into batches. {@code DistributedBatchSampler} /
 * {@code BatchSampler} (PaddleClas names; one process here) visit every sample once, shuffled or not;
 * {@code ClassBalancedSampler} draws as many samples with replacement, each class equally likely, for
 * imbalanced data.
 */
public final class Sampler {
    public static final List<String> NAMES = List.of("DistributedBatchSampler", "BatchSampler", "ClassBalancedSampler");

    private final String name;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;

    public Sampler(String name, int batchSize, boolean shuffle, boolean dropLast) {
        if (!NAMES.contains(name)) {
            throw new JclasException("unknown sampler '" + name + "'", Suggest.hint(name, NAMES));
        }
        if (batchSize <= 0) {
            throw new JclasException("sampler batch_size is " + batchSize + ", expected a positive integer",
                    "set sampler.batch_size, e.g. 64");
        }
        this.name = name;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
    }

    /** From a {@code sampler} section. */
    public static Sampler fromConfig(Config s) {
        return new Sampler(s.getString("name", "DistributedBatchSampler"), s.getInt("batch_size"),
                s.getBool("shuffle", false), s.getBool("drop_last", false));
    }

    public int batchSize() {
        return batchSize;
    }

    /** The batches of one epoch as lists of dataset indices. */
    public List<int[]> batches(Dataset d, long seed, int epoch) {
        int[] order = name.equals("ClassBalancedSampler") ? balanced(d, Seeds.of(seed, epoch, -1, Seeds.ORDER))
                : sequence(d.size(), shuffle ? Seeds.of(seed, epoch, -1, Seeds.ORDER) : null);
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            if (end - start < batchSize && dropLast) {
                break;
            }
            int[] b = new int[end - start];
            System.arraycopy(order, start, b, 0, b.length);
            out.add(b);
        }
        return out;
    }

    private static int[] sequence(int n, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (rng != null) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    private static int[] balanced(Dataset d, SplittableRandom rng) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            int label = d.label(i);
            while (byClass.size() <= label) {
                byClass.add(new ArrayList<>());
            }
            byClass.get(label).add(i);
        }
        List<List<Integer>> present = byClass.stream().filter(l -> !l.isEmpty()).toList();
        int[] order = new int[d.size()];
        for (int i = 0; i < order.length; i++) {
            List<Integer> members = present.get(rng.nextInt(present.size()));
            order[i] = members.get(rng.nextInt(members.size()));
        }
        return order;
    }
}
