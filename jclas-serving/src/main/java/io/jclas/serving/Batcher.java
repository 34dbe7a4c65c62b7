package io.jclas.serving;

import io.jclas.infer.Prediction;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Dynamic batching: each request thread decodes and preprocesses its own image (in parallel), then one
 * thread takes the first waiting input, collects more for up to {@code maxWaitMs} or until {@code
 * maxBatch}, and runs them as one forward. Preprocessing on the batching thread made it the
 * bottleneck: with it there, batching at concurrency 16 served half the requests per second of no
 * batching (ShuffleNetV2_x1_0 at 224 on 500x375 JPEGs, `ab`, 2 cores). Each request gets its
 * own answer through its future, truncated to its own top-k. When a batch fails, its images are
 * retried one by one so that a single bad input fails only its own request.
 */
final class Batcher implements AutoCloseable {
    private record Job(float[] input, int topk, CompletableFuture<List<Prediction>> result) {}

    private final GuardedClassifier classifier;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final BlockingQueue<Job> queue;
    private final Thread thread;
    private volatile boolean running = true;

    Batcher(GuardedClassifier classifier, int maxBatch, long maxWaitMs, int queueCapacity) {
        this.classifier = classifier;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMs);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::loop, "jclas-batcher");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Preprocesses one image on the calling thread and queues it; the future fails with a 503 {@link
     * ServingException} when the queue is full.
     */
    CompletableFuture<List<Prediction>> submit(BufferedImage image, int topk) {
        CompletableFuture<List<Prediction>> result = new CompletableFuture<>();
        if (!running || !queue.offer(new Job(classifier.preprocess(image), topk, result))) {
            result.completeExceptionally(new ServingException(503, "the server is overloaded ("
                    + queue.size() + " images waiting)", "retry later or send fewer concurrent requests"));
        }
        return result;
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    run(collect(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        failRemaining();
    }

    private List<Job> collect(Job first) throws InterruptedException {
        List<Job> batch = new ArrayList<>(maxBatch);
        batch.add(first);
        long deadline = System.nanoTime() + maxWaitNanos;
        while (batch.size() < maxBatch) {
            long left = deadline - System.nanoTime();
            // Past the deadline, still take whatever is already queued: it costs no waiting.
            Job next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void run(List<Job> batch) {
        int topk = batch.stream().mapToInt(Job::topk).max().orElse(1);
        try {
            List<List<Prediction>> results = classifier.predictTensor(concatenated(batch), batch.size(), topk);
            for (int i = 0; i < batch.size(); i++) {
                Job job = batch.get(i);
                List<Prediction> all = results.get(i);
                job.result().complete(List.copyOf(all.subList(0, Math.min(job.topk(), all.size()))));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
            } else {
                for (Job job : batch) {
                    run(List.of(job));
                }
            }
        }
    }

    private static float[] concatenated(List<Job> batch) {
        if (batch.size() == 1) {
            return batch.get(0).input();
        }
        int each = batch.get(0).input().length;
        float[] all = new float[each * batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(batch.get(i).input(), 0, all, i * each, each);
        }
        return all;
    }

    private void failRemaining() {
        Job job;
        while ((job = queue.poll()) != null) {
            job.result().completeExceptionally(
                    new ServingException(503, "the server is shutting down", "retry on another instance"));
        }
    }

    /** Answers every queued image, then ends the thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
