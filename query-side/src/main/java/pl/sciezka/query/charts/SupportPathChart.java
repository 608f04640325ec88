package pl.sciezka.query.charts;

import java.awt.BasicStroke;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import pl.sciezka.api.casefile.CaseFile;
import pl.sciezka.api.casefile.CaseFileReferral;

/**
 * A case's support path on a time line: one lane for measurements, one for task-team meetings and
 * one per referral (issued, then each delivery), and the closure. No names: lanes are numbered.
 * The issue of a referral is dated by the clock, its deliveries by the caller, so a referral recorded
 * after the services it covers shows its issue after its deliveries.
 */
final class SupportPathChart {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private SupportPathChart() {
    }

    static JFreeChart of(CaseFile file) {
        List<String> lanes = new ArrayList<>();
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries measurements = lane(lanes, data, "measurements");
        file.measurements().forEach(m -> measurements.add(millis(m.measuredOn()), lanes.size() - 1));
        XYSeries meetings = lane(lanes, data, "task-team meetings");
        file.meetings().forEach(m -> meetings.add(millis(m.heldOn()), lanes.size() - 1));
        int number = 1;
        for (CaseFileReferral referral : file.referrals()) {
            XYSeries lane = lane(lanes, data, "referral " + number++ + " (" + referral.status().labelEn() + ")");
            int y = lanes.size() - 1;
            if (referral.issuedAt() != null) {
                lane.add(millis(referral.issuedAt()), y);
            }
            referral.deliveries().forEach(d -> lane.add(millis(d.deliveredOn()), y));
        }
        if (file.closure() != null && file.closure().closedOn() != null) {
            lane(lanes, data, "closure").add(millis(file.closure().closedOn()), lanes.size() - 1);
        }
        SymbolAxis laneAxis = new SymbolAxis(null, lanes.toArray(String[]::new));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDefaultStroke(new BasicStroke(3f));
        renderer.setAutoPopulateSeriesStroke(false);
        // measurements and meetings are moments, not a stretch of service: points only
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesLinesVisible(1, false);
        XYPlot plot = new XYPlot(data, new DateAxis("date"), laneAxis, renderer);
        plot.setOrientation(org.jfree.chart.plot.PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart("Support path of case " + file.caseId().substring(0, Math.min(8,
                file.caseId().length())), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return chart;
    }

    private static XYSeries lane(List<String> lanes, XYSeriesCollection data, String name) {
        lanes.add(name);
        XYSeries series = new XYSeries(name, false, true);
        data.addSeries(series);
        return series;
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(WARSAW).toInstant().toEpochMilli();
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }
}
