package io.jclas.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.jclas.JclasException;
import io.jclas.layers.Dropout;
import io.jclas.layers.Scalars;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Forward and backward of one batch on N model replicas inside one process, as PyTorch's
 * DistributedDataParallel does on CPU ({@code Global.data_parallel}): each replica computes its
 * share of the batch on a thread of its own with one intra-op thread, the gradients of all shares
 * add up, and one optimizer step follows. Intra-op threads split every op and pay a wake-up and a
 * join per op, which costs more than the half op they take over for the small convolutions of
 * ShuffleNetV2 or ResNet18_vd on Fashion-MNIST (docs/training.md); a replica per core hands over
 * once per batch.
 *
 * <p>The replicas share one set of weights: libtorch's grad mode is per thread, and concurrent
 * backward passes accumulate into a shared parameter's gradient under that parameter's lock, so the
 * weights are identical on every replica after a step by construction. Each share's mean loss is
 * weighted by its share of the batch, so the gradient is the full batch's mean. With 2 replicas
 * the sum {@code 0 + a + b} is the same in either order of arrival and a seeded run repeats bit
 * for bit; with more, the order can change the last bits.
 *
 * <p>BatchNorm normalises each share by its own statistics (B/N images, DDP without SyncBN). The
 * running statistics follow the first share alone (DDP broadcasts rank 0's buffers); the other
 * replicas update private copies that nothing reads ({@link PrivateStatistics}).
 */
final class DataParallel implements AutoCloseable {

    /** One share's forward pass with the parameters of {@code ps}: its logits and its mean loss. */
    interface Forward {
        Pass apply(ParameterStore ps, NDArray x, NDArray targets);
    }

    /** The logits of a share and its mean loss (on the autograd tape). */
    record Pass(NDArray logits, NDArray loss) {}

    /** A batch's loss (the mean over its images) and its correct top-1 predictions. */
    record Outcome(float loss, long correct) {
        Outcome plus(Outcome o) {
            return new Outcome(loss + o.loss, correct + o.correct);
        }
    }

    private final List<ParameterStore> stores = new ArrayList<>();
    /** The threads of the replicas after the first; the caller's thread computes the first. Null with one. */
    private final ExecutorService pool;
    private final NDManager privateCopies;

    /** {@code replicas} replicas of the network whose parameters live in {@code manager}. */
    DataParallel(NDManager manager, int replicas) {
        privateCopies = manager.newSubManager();
        stores.add(new ParameterStore(manager, false));
        for (int i = 1; i < replicas; i++) {
            stores.add(new PrivateStatistics(manager, privateCopies));
        }
        pool = replicas == 1 ? null : Executors.newFixedThreadPool(replicas - 1, DataParallel::replicaThread);
    }

    /**
     * Refuses a network whose training draws random numbers (dropout) when it would train on several
     * replicas: the draws come from PyTorch's one process-wide generator, which the replicas would
     * take turns on in no fixed order, and a seeded run would not repeat.
     */
    static void refuseRandomLayers(Block net, String arch) {
        if (net instanceof Dropout d && d.drawsMasks()) {
            throw new JclasException("Global.data_parallel cannot train " + arch + ": its dropout draws masks from"
                    + " PyTorch's one generator, which the replicas would share in no fixed order",
                    "train " + arch + " with Global.data_parallel: false, or a model without dropout"
                            + " (e.g. ShuffleNetV2, ResNet)");
        }
        net.getChildren().values().forEach(child -> refuseRandomLayers(child, arch));
    }

    /**
     * Splits the batch {@code x} (with its target rows and, for hard labels, its labels; else null)
     * into one share per replica, runs forward and backward on all of them at once and leaves the
     * summed gradients in the parameters. Returns once every share has finished.
     */
    Outcome forwardBackward(NDArray x, NDArray targets, int[] labels, Forward forward) {
        int n = (int) x.getShape().get(0);
        int shares = Math.min(stores.size(), n);
        List<Callable<Outcome>> work = new ArrayList<>(shares);
        for (int i = 0; i < shares; i++) {
            int from = i * n / shares;
            int to = (i + 1) * n / shares;
            NDArray xs = shares == 1 ? x : x.get("{}:{}", from, to);
            NDArray ts = shares == 1 ? targets : targets.get("{}:{}", from, to);
            int[] ls = labels == null ? null : Arrays.copyOfRange(labels, from, to);
            float weight = (float) (to - from) / n;
            ParameterStore ps = stores.get(i);
            work.add(() -> share(forward, ps, xs, ts, ls, weight));
        }
        List<Future<Outcome>> others = new ArrayList<>(shares - 1);
        for (Callable<Outcome> c : work.subList(1, shares)) {
            others.add(pool.submit(c));
        }
        // Every share is awaited before a failure propagates: the shares read the batch, which the
        // caller closes next.
        Outcome total = null;
        RuntimeException failure = null;
        try {
            total = work.get(0).call();
        } catch (Exception e) {
            failure = rethrown(e);
        }
        for (Future<Outcome> f : others) {
            try {
                Outcome o = await(f);
                if (failure == null) {
                    total = total.plus(o);
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return total;
    }

    private static Outcome share(Forward forward, ParameterStore ps, NDArray x, NDArray targets, int[] labels,
            float weight) {
        boolean wasRecording = JniUtils.isGradMode();
        JniUtils.setGradMode(true); // libtorch's grad mode belongs to the calling thread
        try {
            Pass pass = forward.apply(ps, x, targets);
            NDArray loss = weight == 1f ? pass.loss() : Scalars.mul(pass.loss(), weight);
            JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
            return new Outcome(loss.getFloat(), labels == null ? 0 : countCorrect(pass.logits(), labels));
        } finally {
            JniUtils.setGradMode(wasRecording);
        }
    }

    private static long countCorrect(NDArray logits, int[] labels) {
        long[] pred = logits.argMax(1).toLongArray();
        long c = 0;
        for (int i = 0; i < labels.length; i++) {
            if (pred[i] == labels[i]) {
                c++;
            }
        }
        return c;
    }

    private static Outcome await(Future<Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the replicas computed a batch", e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** A replica's thread: one intra-op thread of its own (libtorch keeps the OpenMP team size per thread). */
    private static Thread replicaThread(Runnable r) {
        Thread t = new Thread(() -> {
            JniUtils.setNumThreads(1);
            r.run();
        }, "jclas-replica");
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        privateCopies.close();
    }

    /**
     * The parameters of a replica after the first: the shared ones, except that BatchNorm's running
     * statistics in training are private copies. Training-mode BatchNorm normalises by the share's own
     * statistics and only writes the running ones, so the copies keep the replicas from writing the
     * shared statistics at the same time; in evaluation mode (a distillation teacher) the shared
     * statistics are read.
     */
    private static final class PrivateStatistics extends ParameterStore {
        private final NDManager copies;
        private final Map<Parameter, NDArray> own = new IdentityHashMap<>();

        PrivateStatistics(NDManager manager, NDManager copies) {
            super(manager, false);
            this.copies = copies;
        }

        @Override
        public NDArray getValue(Parameter p, Device device, boolean training) {
            if (training && p != null && (p.getType() == Parameter.Type.RUNNING_MEAN
                    || p.getType() == Parameter.Type.RUNNING_VAR)) {
                return own.computeIfAbsent(p, k -> {
                    NDArray copy = k.getArray().duplicate();
                    copy.attach(copies);
                    return copy;
                });
            }
            return super.getValue(p, device, training);
        }
    }
}
