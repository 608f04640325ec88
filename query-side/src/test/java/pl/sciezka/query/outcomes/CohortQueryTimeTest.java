package pl.sciezka.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.query.TestMongoDatabase;
import pl.sciezka.api.familycase.Employment;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.HouseholdIndicators;
import pl.sciezka.api.familycase.MemberIndicators;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.outcomes.CohortGroup;
import pl.sciezka.api.outcomes.CohortGrouping;
import pl.sciezka.api.outcomes.CycleDefinition;
import pl.sciezka.query.outcomes.CohortCells.CellChange;

/**
 * Prints how long one cohort answer takes from the cells and from a scan as the number of families
 * grows (a figure to read, not an assertion on time); asserts only that both give the same groups.
 * Families are written straight into the collections, cells summed from the same functions the
 * projection uses, so the figure is the read alone.
 */
class CohortQueryTimeTest {

    @Test
    void printsTheTimeOfACohortAnswerFromCellsAndFromAScanAsFamiliesGrow() {
        try (TestMongoDatabase database = new TestMongoDatabase()) {
            MongoTemplate mongo = database.template();
            CohortCellStore cells = new CohortCellStore(mongo);
            for (int families : List.of(250, 1000, 4000)) {
                mongo.dropCollection(OutcomeDocument.class);
                mongo.dropCollection(CohortCellDocument.class);
                fill(mongo, families);
                List<CohortGroup> fromCells = cells.groups(CohortGrouping.DISTRICT, Horizon.FOLLOW_UP_12M, false);
                List<CohortGroup> fromScan = scan(mongo);
                assertThat(fromCells).isEqualTo(fromScan);
                System.out.printf("cohort answer, %5d families: cells %7.2f ms, scan %8.2f ms (median)%n", families,
                        medianMillis(15, () -> cells.groups(CohortGrouping.DISTRICT, Horizon.FOLLOW_UP_12M, false)),
                        medianMillis(3, () -> scan(mongo)));
            }
        }
    }

    private static List<CohortGroup> scan(MongoTemplate mongo) {
        return CohortCalculation.groups(mongo.findAll(OutcomeDocument.class), CohortGrouping.DISTRICT,
                Horizon.FOLLOW_UP_12M, CycleDefinition.DEFAULT, false);
    }

    private static void fill(MongoTemplate mongo, int families) {
        List<OutcomeDocument> documents = new ArrayList<>();
        Map<String, CellChange> cells = new LinkedHashMap<>();
        for (int i = 0; i < families; i++) {
            OutcomeDocument family = family(i);
            documents.add(family);
            CohortCells.of(family).forEach((cellId, change) -> cells.merge(cellId, change, (sum, next) ->
                    new CellChange(cellId, sum.key(), sum.figures().plus(next.figures()))));
        }
        mongo.insertAll(documents);
        mongo.insertAll(cells.values().stream().map(change -> {
            CohortCellDocument cell = new CohortCellDocument();
            cell.id = change.cellId();
            cell.key = change.key();
            cell.figures = change.figures();
            return cell;
        }).toList());
    }

    private static OutcomeDocument family(int i) {
        OutcomeDocument family = new OutcomeDocument();
        family.caseId = "case-" + i;
        family.district = "district-" + i % 7;
        family.enrolmentYear = 2020 + i % 5;
        family.problemAreas.add(ProblemArea.values()[i % 4]);
        family.deliveries = i % 13;
        family.members.put(family.caseId + "-p", new OutcomeDocument.Member(Generation.PARENT, 1980));
        family.members.put(family.caseId + "-c", new OutcomeDocument.Member(Generation.CHILD, 2014));
        if (i % 3 != 0) {
            family.measurements.put("m" + i, new OutcomeMeasured(family.caseId, "m" + i, 1, Horizon.FOLLOW_UP_12M,
                    LocalDate.of(2026, 6, 1), new HouseholdIndicators(BigDecimal.valueOf(600 + i % 900, 1 + i % 2),
                    i % 4 == 0, i % 4 == 0 ? 3 : 0, null), List.of(
                    new MemberIndicators(family.caseId + "-p", i % 2 == 0 ? Employment.EMPLOYED : Employment.UNEMPLOYED,
                            null, null, null),
                    new MemberIndicators(family.caseId + "-c", null, null, 0.5 + (i % 50) / 100.0, null)), null));
        }
        family.version = 10;
        return family;
    }

    private static double medianMillis(int runs, Supplier<?> answer) {
        List<Long> nanos = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            answer.get();
            nanos.add(System.nanoTime() - start);
        }
        nanos.sort(null);
        return nanos.get(runs / 2) / 1e6;
    }
}
