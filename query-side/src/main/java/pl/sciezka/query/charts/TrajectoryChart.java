package pl.sciezka.query.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.outcomes.CaseOutcomes;
import pl.sciezka.api.outcomes.GenerationIndicators;
import pl.sciezka.api.outcomes.HorizonOutcome;

/**
 * One case's indicators from baseline to the follow-ups, per generation, all as shares between 0
 * and 1 so they fit one axis: adults in work, young people in education, children's school
 * attendance, and the household's months on assistance out of twelve.
 */
final class TrajectoryChart {

    private TrajectoryChart() {
    }

    static JFreeChart of(CaseOutcomes outcomes) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (HorizonOutcome horizon : outcomes.horizons()) {
            String at = horizon.horizon().labelEn() + (horizon.episode() > 1 ? " #" + horizon.episode() : "");
            data.addValue(horizon.household().monthsOnAssistanceLast12() / 12.0, "household: months on assistance / 12", at);
            horizon.byGeneration().forEach((generation, indicators) -> add(data, generation, indicators, at));
        }
        JFreeChart chart = ChartFactory.createLineChart("Indicators per generation", "horizon", "share",
                data, PlotOrientation.VERTICAL, true, false, false);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 1.05);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setDefaultShapesVisible(true);
        renderer.setDefaultStroke(new java.awt.BasicStroke(2.5f));
        renderer.setAutoPopulateSeriesStroke(false);
        return chart;
    }

    private static void add(DefaultCategoryDataset data, Generation generation, GenerationIndicators indicators,
                            String at) {
        String who = generation.labelEn();
        if (indicators.meanSchoolAttendance() != null) {
            data.addValue(indicators.meanSchoolAttendance(), who + ": school attendance", at);
        }
        if (indicators.measured() > 0 && generation != Generation.CHILD) {
            data.addValue((double) indicators.employed() / indicators.measured(), who + ": employed", at);
        }
    }
}
