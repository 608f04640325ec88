package pl.sciezka.query.charts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.awt.Color;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** A chart as PNG bytes, on a white background. */
final class Png {

    static final int WIDTH = 960;
    static final int HEIGHT = 540;

    private Png() {
    }

    static byte[] of(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
