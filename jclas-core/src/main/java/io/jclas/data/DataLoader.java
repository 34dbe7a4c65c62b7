package io.jclas.data;

import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.transform.BatchOp;
import io.jclas.data.transform.Transforms;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The batches of one epoch, loaded by {@code num_workers} threads with a bounded prefetch queue
 * (PaddleClas {@code DataLoader.Train} / {@code DataLoader.Eval}: {@code dataset} with
 * {@code transform_ops} and {@code batch_transform_ops}, {@code sampler}, {@code loader}).
 *
 * <p>Every sample is transformed with a random stream keyed by (seed, epoch, sample index) and every
 * batch op by (seed, epoch, batch index), and batches come out in sampler order: the batches are the
 * same whatever the worker count. Images are stacked NCHW.
 */
public final class DataLoader implements Iterable<Batch>, AutoCloseable {
    private final Dataset dataset;
    private final Transforms transforms;
    private final List<BatchOp> batchOps;
    private final List<int[]> batches;
    private final int classNum;
    private final long seed;
    private final int epoch;
    private final int workers;
    private final int prefetch;
    private final AtomicLong images = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private ExecutorService pool;

    private DataLoader(Dataset dataset, Transforms transforms, List<BatchOp> batchOps, Sampler sampler, int classNum,
            long seed, int epoch, int workers, int prefetch) {
        this.dataset = dataset;
        this.transforms = transforms;
        this.batchOps = List.copyOf(batchOps);
        this.classNum = classNum;
        this.seed = seed;
        this.epoch = epoch;
        this.workers = workers;
        this.prefetch = prefetch;
        this.batches = sampler.batches(dataset, seed, epoch);
    }

    /**
     * Builds the loader of one epoch from a {@code DataLoader.Train} or {@code DataLoader.Eval} section.
     * The dataset is cached (by its settings) across epochs.
     */
    public static DataLoader create(Config loaderSection, int classNum, long seed, int epoch) {
        return create(loaderSection, Transforms.fromConfig(loaderSection.getList("dataset.transform_ops")), classNum,
                seed, epoch);
    }

    /**
     * Builds the loader of one epoch from a loader section, its images transformed by {@code transforms}
     * instead of the section's {@code transform_ops} (the Eval loader runs the model's preprocessing).
     */
    public static DataLoader create(Config loaderSection, Transforms transforms, int classNum, long seed, int epoch) {
        Config ds = loaderSection.section("dataset");
        Dataset dataset = DatasetCache.get(ds);
        List<BatchOp> batchOps = Transforms.batchOpsFromConfig(ds.getList("batch_transform_ops"));
        Sampler sampler = Sampler.fromConfig(loaderSection.section("sampler"));
        int workers = loaderSection.getInt("loader.num_workers", 0);
        if (workers < 0) {
            throw new JclasException(loaderSection.path() + ".loader.num_workers is " + workers, "use 0 or more workers");
        }
        return new DataLoader(dataset, transforms, batchOps, sampler, classNum, seed, epoch, workers,
                Math.max(2, 2 * workers));
    }

    /** A loader over a given dataset and ops (tests, custom pipelines). */
    public static DataLoader of(Dataset dataset, Transforms transforms, List<BatchOp> batchOps, Sampler sampler,
            int classNum, long seed, int epoch, int workers) {
        return new DataLoader(dataset, transforms, batchOps, sampler, classNum, seed, epoch, workers,
                Math.max(2, 2 * workers));
    }

    public Dataset dataset() {
        return dataset;
    }

    /** The number of batches of this epoch. */
    public int size() {
        return batches.size();
    }

    /** The number of samples of this epoch (after drop_last). */
    public int samples() {
        return batches.stream().mapToInt(b -> b.length).sum();
    }

    /**
     * Loading capacity so far: images decoded, transformed and stacked per second of worker time, times
     * the number of workers (0 before the first batch).
     */
    public double imagesPerSecond() {
        long busy = busyNanos.get();
        return busy == 0 ? 0 : images.get() * 1e9 / busy * Math.max(1, workers);
    }

    /** Loads batch {@code b} of this epoch (what a worker does). */
    public Batch load(int b) {
        long start = System.nanoTime();
        int[] idx = batches.get(b);
        float[][] chw = new float[idx.length][];
        int[] labels = new int[idx.length];
        Image first = null;
        for (int k = 0; k < idx.length; k++) {
            Sample s = dataset.get(idx[k]);
            Image img = transforms.apply(s.image(), Seeds.of(seed, epoch, idx[k], Seeds.SAMPLE));
            if (first == null) {
                first = img;
            } else if (img.h() != first.h() || img.w() != first.w() || img.c() != first.c()) {
                throw new JclasException("images of different sizes in one batch: " + first.c() + "x" + first.h() + "x"
                        + first.w() + " and " + img.c() + "x" + img.h() + "x" + img.w(),
                        "end transform_ops with ResizeImage/CropImage or RandCropImage to a fixed size");
            }
            chw[k] = img.toChw();
            labels[k] = s.label();
            if (labels[k] < 0 || (classNum > 0 && labels[k] >= classNum)) {
                throw new JclasException("sample " + idx[k] + " has label " + labels[k] + " but Arch.class_num is " + classNum,
                        "set Arch.class_num to the number of classes of the dataset");
            }
        }
        int per = chw[0].length;
        float[] stacked = new float[per * idx.length];
        for (int k = 0; k < idx.length; k++) {
            System.arraycopy(chw[k], 0, stacked, k * per, per);
        }
        Batch batch = new Batch(stacked, idx.length, first.c(), first.h(), first.w(), labels, null);
        for (int i = 0; i < batchOps.size(); i++) {
            batch = batchOps.get(i).apply(batch, classNum, Seeds.of(seed, epoch, b * 31L + i, Seeds.BATCH));
        }
        images.addAndGet(idx.length);
        busyNanos.addAndGet(System.nanoTime() - start);
        return batch;
    }

    @Override
    public Iterator<Batch> iterator() {
        return iterator(0);
    }

    /**
     * The batches from batch {@code first} on, the earlier ones neither loaded nor decoded: a run
     * resumed mid-epoch continues with the batches the uninterrupted epoch would have given.
     */
    public Iterable<Batch> from(int first) {
        if (first < 0 || first > batches.size()) {
            throw new IllegalArgumentException("batch " + first + " of an epoch of " + batches.size());
        }
        return () -> iterator(first);
    }

    private synchronized Iterator<Batch> iterator(int first) {
        if (workers == 0) {
            return new Iterator<>() {
                private int next = first;

                @Override
                public boolean hasNext() {
                    return next < batches.size();
                }

                @Override
                public Batch next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return load(next++);
                }
            };
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "jclas-loader");
                t.setDaemon(true);
                return t;
            });
        }
        ExecutorService p = pool;
        return new Iterator<>() {
            private final ArrayDeque<Future<Batch>> queue = new ArrayDeque<>();
            private int submitted = first;

            private void fill() {
                while (submitted < batches.size() && queue.size() < prefetch) {
                    int b = submitted++;
                    queue.add(p.submit(() -> load(b)));
                }
            }

            @Override
            public boolean hasNext() {
                fill();
                return !queue.isEmpty();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Future<Batch> f = queue.poll();
                try {
                    Batch b = f.get();
                    fill();
                    return b;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while loading data", e);
                } catch (ExecutionException e) {
                    queue.forEach(q -> q.cancel(true));
                    queue.clear();
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("data loading failed: " + c, c);
                }
            }
        };
    }

    /** Stops the worker threads. */
    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
