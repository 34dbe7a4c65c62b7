package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jclas.train.EvalResult;
import io.jclas.train.TrainListener.BatchProgress;
import io.jclas.train.TrainListener.EpochSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTrainListenerTest {

    @Test
    void printsBarLinesThenOneSummaryPerEpochAndEval() {
        StringWriter out = new StringWriter();
        ConsoleTrainListener l = new ConsoleTrainListener(new PrintWriter(out), false);
        l.onBatch(new BatchProgress(1, 2, 1, 2, 2.3012, 0.05, 812.4, 75));
        l.onBatch(new BatchProgress(1, 2, 2, 2, 1.9, 0.1, 900, 0));
        l.onEpoch(new EpochSummary(1, 2, 2.1, Double.NaN, 0.1, 3725, 901.2, 11040.4, 1.93));
        EvalResult r = new EvalResult(0.8765, 0.99, 0.4, new double[0], new double[0], new double[0],
                new long[0][0], List.of(), 10000, 2345.6);
        l.onEval(1, r, true);
        assertEquals(List.of(
                "epoch 1/2 [============            ] 1/2 loss 2.3012  lr 0.05000  812 img/s  ETA 1:15",
                "epoch 1/2 [========================] 2/2 loss 1.9000  lr 0.10000  900 img/s  ETA 0:00",
                "epoch 1/2  loss 2.1000  train top1 -  lr 0.10000  1:02:05  901 img/s (loader 11040 img/s)  CPU 193%",
                "eval epoch 1  top1 0.8765  top5 0.9900  loss 0.4000  10000 images  2346 img/s  (best so far)"),
                out.toString().lines().toList());
    }
}
