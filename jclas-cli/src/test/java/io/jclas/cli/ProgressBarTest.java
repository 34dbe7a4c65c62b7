package io.jclas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersFillAndCounts() {
        assertEquals("epoch 1/2 [============            ] 50/100 loss 0.5", ProgressBar.render("epoch 1/2", 50, 100, "loss 0.5"));
        assertEquals("e [========================] 7/7", ProgressBar.render("e", 7, 7, ""));
    }

    @Test
    void formatsDurations() {
        assertEquals("0:59", ProgressBar.duration(59.4));
        assertEquals("2:05", ProgressBar.duration(125));
        assertEquals("1:00:01", ProgressBar.duration(3601));
        assertEquals("--:--", ProgressBar.duration(Double.NaN));
    }

    @Test
    void printsEveryTenthWhenNotATerminal() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), false);
        for (int i = 1; i <= 100; i++) {
            bar.update("e", i, 100, "");
        }
        bar.finish();
        assertEquals(11, out.toString().lines().count(), out.toString());
    }
}
