package io.jclas.train;

import io.jclas.util.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** {@code curves.png}: training loss and top-1 (train and eval) per epoch, side by side. */
public final class TrainingCurves {
    private static final int W = 640;
    private static final int H = 420;

    private TrainingCurves() {}

    /**
     * One point per epoch; {@code evalEpochs}/{@code evalTop1} may be shorter (eval every few epochs).
     * NaN training top-1 values (mixed soft targets) are left out.
     */
    public static void write(Path file, List<Integer> epochs, List<Double> trainLoss, List<Double> trainTop1,
            List<Integer> evalEpochs, List<Double> evalTop1) {
        XYChart loss = chart("Loss", "loss");
        loss.addSeries("train", epochs, trainLoss).setMarker(SeriesMarkers.CIRCLE);
        XYChart acc = chart("Top-1", "top-1");
        List<Integer> trainEpochs = new java.util.ArrayList<>();
        List<Double> trainAcc = new java.util.ArrayList<>();
        for (int i = 0; i < epochs.size(); i++) {
            if (!Double.isNaN(trainTop1.get(i))) {
                trainEpochs.add(epochs.get(i));
                trainAcc.add(trainTop1.get(i));
            }
        }
        if (!trainEpochs.isEmpty()) {
            acc.addSeries("train", trainEpochs, trainAcc).setMarker(SeriesMarkers.CIRCLE);
        }
        if (!evalEpochs.isEmpty()) {
            acc.addSeries("eval", evalEpochs, evalTop1).setMarker(SeriesMarkers.DIAMOND);
        }
        BufferedImage out = new BufferedImage(2 * W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2 * W, H);
        g.drawImage(BitmapEncoder.getBufferedImage(loss), 0, 0, null);
        if (acc.getSeriesMap().isEmpty()) {
            g.setColor(Color.GRAY);
            g.drawString("no accuracy recorded", W + 40, H / 2);
        } else {
            g.drawImage(BitmapEncoder.getBufferedImage(acc), W, 0, null);
        }
        g.dispose();
        AtomicFiles.write(file, os -> ImageIO.write(out, "png", os));
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle("epoch").yAxisTitle(yTitle)
                .build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setXAxisDecimalPattern("0");
        return c;
    }
}
