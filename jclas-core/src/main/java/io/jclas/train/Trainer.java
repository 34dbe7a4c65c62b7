package io.jclas.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.jclas.JclasException;
import io.jclas.config.Config;
import io.jclas.data.Batch;
import io.jclas.data.DataLoader;
import io.jclas.data.transform.Preprocessing;
import io.jclas.data.transform.Transforms;
import io.jclas.model.CheckpointFiles;
import io.jclas.model.Checkpoints;
import io.jclas.model.Weights;
import io.jclas.pretrained.PretrainedWeights;
import io.jclas.zoo.Network;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training run: the state {@link TrainingEngine#train} works on. A resumable checkpoint goes to
 * {@code latest} after every epoch and, with {@code Global.save_steps}, every that many iterations;
 * resuming from one mid-epoch skips the batches the epoch already trained on, so that the run ends
 * with the parameters of an uninterrupted one.
 */
final class Trainer implements AutoCloseable {
    /** Consecutive steps with a non-finite loss or gradient after which the run is declared diverged. */
    private static final int MAX_BAD_STEPS_IN_A_ROW = 5;

    private final Config config;
    private final TrainListener listener;
    private final TrainSettings s;
    private final NDManager manager;
    private final Network net;
    private final List<TrainParam> params;
    private final Optimizer optimizer;
    private final Ema ema;
    private final Network teacher;
    private final DistillationLoss distillation;
    private final List<String> labels;
    private final ClassificationLoss loss;
    private final int itersPerEpoch;
    private final LrSchedule schedule;
    private final Path out;
    private final DataParallel replicas;
    /** The model's preprocessing, run by the Eval loader; null when the run does not evaluate. */
    private final Transforms evalTransforms;
    private int startEpoch = 1;
    /** Where the resumed epoch stands: its first batch to train and its sums so far. */
    private EpochProgress resumedProgress = EpochProgress.START;
    private double bestTop1;
    private int bestEpoch;

    Trainer(Config given, TrainListener listener) {
        this.s = TrainSettings.from(given);
        // The resolved config travels with every checkpoint: loaders of a checkpoint need these keys.
        this.config = given.copy()
                .set("Arch.small_input", s.smallInput())
                .set("Arch.class_num", s.classNum())
                .set("Global.image_shape", java.util.Arrays.stream(s.imageShape()).boxed().toList());
        this.listener = listener;
        Device device = s.resolveDevice(listener::onMessage);
        s.applyTrainingThreads();
        // Seeds parameter initialisation; every step reseeds (dropout, see stepSeed), so that a
        // resumed run draws the same numbers as an uninterrupted one.
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) s.seed());
        manager = NDManager.newBaseManager(device);
        net = s.architecture().build(manager);
        out = s.outputDir();
        evalTransforms = s.evalDuringTrain() && config.has("DataLoader.Eval")
                ? Preprocessing.fromConfig(config).transforms() : null;
        if (s.pretrained() != null) {
            PretrainedWeights.initialise(net, config, s.pretrained(), true).forEach(listener::onMessage);
        }
        if (s.freezeBackbone()) {
            net.features().freezeParameters(true);
        }
        params = TrainParam.of(net, config.getDouble(Optimizers.BACKBONE_MULT, 1));
        optimizer = Optimizers.create(config.section("Optimizer"));
        ema = config.has("EMA") ? new Ema(net, config.getDouble("EMA.decay", 0.9999)) : null;
        try (DataLoader probe = DataLoader.create(config.section("DataLoader.Train"), s.classNum(), s.seed(), 1)) {
            itersPerEpoch = probe.size();
            labels = probe.dataset().classNames();
            loss = Losses.trainLoss(config, s.classNum(), probe.dataset());
        }
        if (itersPerEpoch == 0) {
            throw new JclasException("DataLoader.Train yields no batches",
                    "check the dataset path, and drop_last with a batch_size larger than the dataset");
        }
        schedule = Optimizers.schedule(config.section("Optimizer.lr"), s.epochs(), itersPerEpoch);
        if (config.has("Distillation")) {
            teacher = teacher(config.section("Distillation"));
            distillation = new DistillationLoss(loss, config.getDouble("Distillation.temperature", 4),
                    config.getDouble("Distillation.alpha", 0.5));
        } else {
            teacher = null;
            distillation = null;
        }
        if (s.replicas() > 1) {
            if (device.isGpu()) {
                throw new JclasException("Global.data_parallel runs replicas on CPU cores, but the run trains on " + device,
                        "drop Global.data_parallel on a GPU (its kernels already use the whole device)");
            }
            DataParallel.refuseRandomLayers(net, s.archName());
        }
        if (s.checkpoints() != null) {
            resume(Checkpoints.directory(s.checkpoints(), "Global.checkpoints"));
        }
        replicas = new DataParallel(manager, s.replicas()); // last: its threads start here
    }

    private Network teacher(Config d) {
        String name = d.getString("teacher");
        Network t = s.architecture().named(name).build(manager);
        String weights = d.getString("teacher_pretrained_model", null);
        if (weights == null) {
            throw new JclasException("Distillation.teacher_pretrained_model is missing",
                    "point it at the teacher's checkpoint directory (e.g. output/" + name + "/best_model)");
        }
        Path dir = Checkpoints.directory(Path.of(weights), "Distillation.teacher_pretrained_model");
        Weights.load(t, dir.resolve(Weights.FILE_NAME), false);
        t.freezeParameters(true);
        return t;
    }

    private void resume(Path dir) {
        Map<String, Object> state = Checkpoints.readState(dir);
        Object arch = state.get("arch");
        if (arch != null && !arch.equals(s.archName())) {
            throw new JclasException("Global.checkpoints " + dir + " holds a " + arch + " checkpoint ("
                    + Checkpoints.STATE + "), but the config trains " + s.archName(),
                    "resume with the config of that run, or start " + s.archName() + " without Global.checkpoints");
        }
        Weights.load(net, dir.resolve(Weights.FILE_NAME), false);
        try (NDManager tmp = NDManager.newBaseManager()) {
            Map<String, NDArray> saved = CheckpointFiles.readArrays(dir.resolve(Checkpoints.OPTIMIZER), tmp);
            Map<String, NDArray> opt = new LinkedHashMap<>();
            Map<String, NDArray> avg = new LinkedHashMap<>();
            saved.forEach((k, v) -> {
                if (k.startsWith(Checkpoints.EMA_PREFIX)) {
                    avg.put(k.substring(Checkpoints.EMA_PREFIX.length()), v);
                } else {
                    opt.put(k, v);
                }
            });
            optimizer.loadState(opt, params);
            if (ema != null) {
                ema.loadState(avg);
            }
        }
        int epoch = ((Number) state.getOrDefault("epoch", 0)).intValue();
        bestTop1 = state.get("best_top1") instanceof Number n ? n.doubleValue() : 0;
        bestEpoch = state.get("best_epoch") instanceof Number n ? n.intValue() : 0;
        EpochProgress progress = EpochProgress.fromState(state, itersPerEpoch, dir);
        if (progress == null) {
            startEpoch = epoch + 1;
            listener.onMessage("resumed from " + dir + " at epoch " + startEpoch);
        } else {
            startEpoch = epoch;
            resumedProgress = progress;
            listener.onMessage("resumed from " + dir + " at epoch " + epoch + ", step " + (progress.steps() + 1)
                    + " of " + itersPerEpoch);
        }
    }

    TrainResult run() {
        long start = System.nanoTime();
        config.save(out.resolve(Checkpoints.CONFIG));
        MetricsLog log = new MetricsLog(out.resolve("metrics.jsonl"), startEpoch - 1);
        EvalResult lastEval = null;
        for (int epoch = startEpoch; epoch <= s.epochs(); epoch++) {
            TrainListener.EpochSummary summary = trainEpoch(epoch, epoch == startEpoch ? resumedProgress
                    : EpochProgress.START);
            listener.onEpoch(summary);
            log.epoch(summary);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("train_loss", summary.loss());
            metrics.put("train_top1", summary.top1());
            boolean best = false;
            if (evalTransforms != null && (epoch % s.evalInterval() == 0 || epoch == s.epochs())) {
                lastEval = evaluate();
                best = lastEval.top1() > bestTop1 || bestEpoch == 0;
                if (best) {
                    bestTop1 = lastEval.top1();
                    bestEpoch = epoch;
                }
                metrics.put("eval_top1", lastEval.top1());
                metrics.put("eval_top5", lastEval.top5());
                metrics.put("eval_loss", lastEval.loss());
                listener.onEval(epoch, lastEval, best);
                log.eval(epoch, lastEval, best);
            }
            save(epoch, metrics, best);
        }
        log.writeCurves(out.resolve("curves.png"));
        return new TrainResult(out, s.epochs(), bestTop1, bestEpoch, lastEval, (System.nanoTime() - start) / 1e9);
    }

    /** Trains one epoch from {@code from} (the start, or where a mid-epoch checkpoint stopped). */
    private TrainListener.EpochSummary trainEpoch(int epoch, EpochProgress from) {
        EpochProgress sums = from;
        long seenNow = 0;
        double lr = 0;
        long start = System.nanoTime();
        CpuClock cpu = new CpuClock();
        int step = from.steps();
        int skipped = 0;
        int badInARow = 0;
        double loaderRate;
        try (DataLoader loader = DataLoader.create(config.section("DataLoader.Train"), s.classNum(), s.seed(), epoch)) {
            int steps = loader.size();
            for (Batch b : loader.from(from.steps())) {
                long globalStep = (long) (epoch - 1) * itersPerEpoch + step;
                lr = schedule.at(globalStep);
                ai.djl.engine.Engine.getInstance().setRandomSeed(stepSeed(globalStep));
                step++;
                DataParallel.Outcome outcome;
                // Every temporary of the batch (inputs, activations, graph) lives in this sub-manager.
                try (NDManager sub = manager.newSubManager()) {
                    NDArray x = sub.create(b.images(), new Shape(b.n(), b.c(), b.h(), b.w()));
                    NDArray targets = b.softTargets() != null
                            ? sub.create(b.softTargets(), new Shape(b.n(), s.classNum()))
                            : ClassificationLoss.oneHot(x, b.labels(), s.classNum());
                    outcome = replicas.forwardBackward(x, targets, b.softTargets() == null ? b.labels() : null,
                            this::forward);
                }
                float batchLoss = outcome.loss();
                long correct = outcome.correct();
                // step() refuses non-finite gradients itself; a non-finite loss never reaches it.
                boolean applied = false;
                if (Float.isFinite(batchLoss)) {
                    applied = optimizer.step(params, lr);
                } else {
                    optimizer.zeroGradients(params);
                }
                if (applied) {
                    badInARow = 0;
                    if (ema != null) {
                        ema.update();
                    }
                    sums = sums.plus(batchLoss, b.n(), b.softTargets() == null, correct);
                    seenNow += b.n();
                    double secs = (System.nanoTime() - start) / 1e9;
                    listener.onBatch(new TrainListener.BatchProgress(epoch, s.epochs(), step, steps, batchLoss, lr,
                            seenNow / secs, secs / (step - from.steps()) * (steps - step)));
                } else {
                    // A lone bad batch leaves the weights untouched; a run of them is divergence.
                    skipped++;
                    if (++badInARow >= MAX_BAD_STEPS_IN_A_ROW) {
                        throw new JclasException("training diverged: loss or gradients not finite in " + badInARow
                                + " steps in a row (last loss " + batchLoss + ") at epoch " + epoch + " step " + step,
                                "lower Optimizer.lr.learning_rate or add warmup_epoch");
                    }
                }
                if (s.saveSteps() > 0 && (globalStep + 1) % s.saveSteps() == 0 && step < steps) {
                    saveLatest(state(epoch, sums.atStep(step), Map.of()));
                }
            }
            loaderRate = loader.imagesPerSecond();
        }
        if (skipped > 0) {
            listener.onMessage("epoch " + epoch + ": skipped " + skipped + " of " + (step - from.steps())
                    + " steps whose loss or gradients were not finite (weights left unchanged)");
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return new TrainListener.EpochSummary(epoch, s.epochs(), sums.meanLoss(), sums.top1(), lr, secs,
                seenNow / secs, loaderRate, cpu.coresUsed());
    }

    /**
     * The PyTorch seed of one step (dropout masks): a function of the step alone, so that a run resumed
     * mid-epoch draws what the uninterrupted run drew at that step.
     */
    private int stepSeed(long globalStep) {
        return Long.hashCode(s.seed() * 0x9E3779B97F4A7C15L + globalStep);
    }

    /** One share of a batch through the network (and the teacher), with its loss. */
    private DataParallel.Pass forward(ParameterStore ps, NDArray x, NDArray targets) {
        NDArray teacherLogits = teacher == null ? null : teacher.forward(ps, new NDList(x), false).singletonOrThrow();
        NDArray logits = net.forward(ps, new NDList(x), true).singletonOrThrow();
        NDArray l = distillation != null ? distillation.compute(logits, teacherLogits, targets)
                : loss.compute(logits, targets);
        return new DataParallel.Pass(logits, l);
    }

    private EvalResult evaluate() {
        s.applyEvaluationThreads(); // the replicas idle between epochs
        try (DataLoader loader = DataLoader.create(config.section("DataLoader.Eval"), evalTransforms, s.classNum(),
                s.seed(), 0)) {
            List<String> names = loader.dataset().classNames();
            if (ema != null) {
                return ema.withAverage(() -> Evaluator.evaluate(net, manager, loader, s.classNum(), names, listener));
            }
            return Evaluator.evaluate(net, manager, loader, s.classNum(), names, listener);
        } finally {
            s.applyTrainingThreads();
        }
    }

    /** The {@code state.json} of a checkpoint inside {@code epoch}, {@code progress.steps()} batches into it. */
    private Map<String, Object> state(int epoch, EpochProgress progress, Map<String, Object> metrics) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", Checkpoints.FORMAT);
        state.put("epoch", epoch);
        state.put("epochs", s.epochs());
        state.put("arch", s.archName());
        state.put("global_step", (long) (epoch - 1) * itersPerEpoch + progress.steps());
        progress.putInto(state, itersPerEpoch);
        state.put("metrics", metrics);
        state.put("best_top1", bestTop1);
        state.put("best_epoch", bestEpoch);
        return state;
    }

    private Map<String, NDArray> optimizerState() {
        Map<String, NDArray> opt = new LinkedHashMap<>(optimizer.state());
        if (ema != null) {
            ema.state().forEach((k, v) -> opt.put(Checkpoints.EMA_PREFIX + k, v));
        }
        return opt;
    }

    private void saveLatest(Map<String, Object> state) {
        Checkpoints.save(out.resolve(Checkpoints.LATEST), net, optimizerState(), state, config, labels);
    }

    private void save(int epoch, Map<String, Object> metrics, boolean best) {
        Map<String, Object> state = state(epoch, EpochProgress.START.atStep(itersPerEpoch), metrics);
        Map<String, NDArray> opt = optimizerState();
        saveLatest(state);
        if (epoch % s.saveInterval() == 0) {
            Checkpoints.save(out.resolve(Checkpoints.epochDir(epoch)), net, opt, state, config, labels);
        }
        if (best) {
            if (ema != null) {
                ema.withAverage(() -> {
                    Checkpoints.save(out.resolve(Checkpoints.BEST), net, opt, state, config, labels);
                    return null;
                });
            } else {
                Checkpoints.save(out.resolve(Checkpoints.BEST), net, opt, state, config, labels);
            }
        }
    }

    @Override
    public void close() {
        replicas.close();
        optimizer.close();
        if (ema != null) {
            ema.close();
        }
        manager.close();
    }
}
