package io.jclas.cli;

import io.jclas.train.EvalResult;
import io.jclas.train.TrainListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints training and evaluation as they run: a progress bar per epoch, one summary line each. */
final class ConsoleTrainListener implements TrainListener {
    private final PrintWriter out;
    private final ProgressBar bar;

    ConsoleTrainListener(PrintWriter out, boolean terminal) {
        this.out = out;
        this.bar = new ProgressBar(out, terminal);
    }

    @Override
    public void onBatch(BatchProgress p) {
        bar.update(String.format(Locale.ROOT, "epoch %d/%d", p.epoch(), p.epochs()), p.step(), p.steps(),
                String.format(Locale.ROOT, "loss %.4f  lr %.5f  %.0f img/s  ETA %s", p.loss(), p.lr(),
                        p.imagesPerSecond(), ProgressBar.duration(p.etaSeconds())));
    }

    @Override
    public void onEpoch(EpochSummary s) {
        bar.finish();
        out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  train top1 %s  lr %.5f  %s  %.0f img/s (loader %.0f img/s)  CPU %.0f%%%n",
                s.epoch(), s.epochs(), s.loss(),
                Double.isNaN(s.top1()) ? "-" : String.format(Locale.ROOT, "%.4f", s.top1()),
                s.lr(), ProgressBar.duration(s.seconds()), s.imagesPerSecond(), s.loaderImagesPerSecond(),
                100 * s.cpuCores());
        out.flush();
    }

    @Override
    public void onEvalBatch(int step, int steps) {
        bar.update("eval", step, steps, "");
    }

    @Override
    public void onEval(int epoch, EvalResult r, boolean best) {
        bar.finish();
        out.printf(Locale.ROOT, "eval%s  top1 %.4f  top5 %.4f  loss %.4f  %d images  %.0f img/s%s%n",
                epoch > 0 ? " epoch " + epoch : "", r.top1(), r.top5(), r.loss(), r.samples(),
                r.imagesPerSecond(), best ? "  (best so far)" : "");
        out.flush();
    }

    @Override
    public void onMessage(String message) {
        bar.finish();
        out.println(message);
        out.flush();
    }
}
