package io.jclas.train;

import io.jclas.util.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Files that describe an {@link EvalResult}: per-class metrics and the confusion matrix, as CSV and PNG. */
public final class EvalReports {
    private EvalReports() {}

    /** {@code class,precision,recall,f1,support}, one row per class. */
    public static void writePerClassCsv(EvalResult r, Path file) {
        StringBuilder sb = new StringBuilder("class,precision,recall,f1,support\n");
        for (int c = 0; c < r.f1().length; c++) {
            long support = 0;
            for (long v : r.confusion()[c]) {
                support += v;
            }
            sb.append(csv(name(r, c))).append(String.format(Locale.ROOT, ",%.6f,%.6f,%.6f,%d%n",
                    r.precision()[c], r.recall()[c], r.f1()[c], support));
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** The confusion matrix with a header row of predicted classes and one row per true class. */
    public static void writeConfusionCsv(EvalResult r, Path file) {
        int k = r.confusion().length;
        StringBuilder sb = new StringBuilder("true\\predicted");
        for (int c = 0; c < k; c++) {
            sb.append(',').append(csv(name(r, c)));
        }
        sb.append('\n');
        for (int t = 0; t < k; t++) {
            sb.append(csv(name(r, t)));
            for (int p = 0; p < k; p++) {
                sb.append(',').append(r.confusion()[t][p]);
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * A heat map of the confusion matrix, each row shaded by its share of the row (recall view),
     * counts written in the cells when there are at most 30 classes.
     */
    public static void writeConfusionPng(EvalResult r, Path file) {
        int k = r.confusion().length;
        int cell = Math.max(6, Math.min(48, 900 / Math.max(1, k)));
        int margin = 140;
        int size = margin + k * cell + 20;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, Math.min(12, cell / 3))));
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "top-1 %.2f%%  (rows: true, columns: predicted)",
                100 * r.top1()), 10, 16);
        for (int t = 0; t < k; t++) {
            long row = 0;
            for (long v : r.confusion()[t]) {
                row += v;
            }
            for (int p = 0; p < k; p++) {
                long v = r.confusion()[t][p];
                float share = row == 0 ? 0f : v / (float) row;
                int shade = Math.round(255 * (1 - share));
                g.setColor(new Color(shade, shade, 255));
                int x = margin + p * cell;
                int y = margin + t * cell;
                g.fillRect(x, y, cell, cell);
                if (k <= 30 && cell >= 20) {
                    g.setColor(share > 0.5f ? Color.WHITE : Color.BLACK);
                    g.drawString(Long.toString(v), x + 3, y + cell / 2 + 4);
                }
            }
            if (cell >= 10) {
                g.setColor(Color.BLACK);
                g.drawString(shorten(name(r, t)), 5, margin + t * cell + cell / 2 + 4);
                Graphics2D rotated = (Graphics2D) g.create();
                rotated.rotate(-Math.PI / 2, margin + t * cell + cell / 2 + 4, margin - 5);
                rotated.drawString(shorten(name(r, t)), margin + t * cell + cell / 2 + 4, margin - 5);
                rotated.dispose();
            }
        }
        g.dispose();
        AtomicFiles.write(file, os -> ImageIO.write(img, "png", os));
    }

    private static String name(EvalResult r, int c) {
        List<String> names = r.classNames();
        return names != null && c < names.size() ? names.get(c) : Integer.toString(c);
    }

    private static String shorten(String s) {
        return s.length() <= 18 ? s : s.substring(0, 17) + "…";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
