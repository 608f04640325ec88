package pl.sciezka.query.charts;

import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.outcomes.CohortGroup;
import pl.sciezka.api.outcomes.Cohorts;

/** Cycle-broken rate of each cohort group, one bar per horizon: does the effect hold over time? */
final class CohortChart {

    private CohortChart() {
    }

    static JFreeChart of(Map<Horizon, Cohorts> byHorizon) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String groupBy = "";
        for (Map.Entry<Horizon, Cohorts> entry : byHorizon.entrySet()) {
            groupBy = entry.getValue().groupBy().labelEn();
            for (CohortGroup group : entry.getValue().groups()) {
                if (group.cycleBrokenRate() != null) {
                    data.addValue(group.cycleBrokenRate(), entry.getKey().labelEn(),
                            group.key() + " (n=" + group.families() + ")");
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Cycle broken, by " + groupBy + " and horizon",
                groupBy, "share of measured families", data, PlotOrientation.VERTICAL, true, false, false);
        NumberAxis rate = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        rate.setRange(0, 1);
        return chart;
    }
}
