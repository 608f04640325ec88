package pl.sciezka.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.query.TestMongoDatabase;
import pl.sciezka.query.outcomes.CohortCells.CellChange;
import pl.sciezka.query.projection.ReadModelBson;

/**
 * A cohort case with real pending changes, as the batch writes it ({@link ReadModelBson}), is the BSON Spring
 * Data and the driver would have sent, and reads back through Spring Data as the case it was.
 */
class CohortCaseBsonTest {

    @Test
    void theCaseWithItsPendingChangesIsWhatSpringDataWouldWriteAndReadsBackTheSame() {
        try (TestMongoDatabase database = new TestMongoDatabase()) {
            MongoTemplate mongo = database.template();
            CohortCaseDocument kase = caseWithChanges();
            assertThat(kase.pending).as("changes with fractional sums, to compare").hasSizeGreaterThan(20)
                    .anySatisfy(change -> assertThat(change.figures().incomeSum().scale()).isPositive())
                    .anySatisfy(change -> assertThat(change.figures().families()).isNegative());

            Codec<Document> documents = mongo.getDb().getCodecRegistry().get(Document.class);
            RawBsonDocument written = ReadModelBson.of(mongo).write(kase);
            Document bySpring = new Document();
            mongo.getConverter().write(kase, bySpring);

            // as sent: Spring Data leaves a BigDecimal to the driver, which writes it as Decimal128
            assertThat(bytes(written)).isEqualTo(bytes(new RawBsonDocument(bySpring, documents)));
            CohortCaseDocument read = mongo.getConverter().read(CohortCaseDocument.class, written.decode(documents));
            assertThat(read.pending).isEqualTo(kase.pending);
            assertThat(read.releasingCells).isEqualTo(kase.releasingCells);
            assertThat(read.facts.version).isEqualTo(kase.facts.version);
        }
    }

    /**
     * A family of three generations measured at two horizons, its changes taken against cells it has left
     * (other figures in a cell it keeps, a cell it is no longer in), so that some are negative.
     */
    private static CohortCaseDocument caseWithChanges() {
        CohortCaseDocument kase = CohortCaseDocument.of("case-1");
        CohortHistory.threeGenerations("case-1", "Wilchwy")
                .forEach(delivery -> OutcomeFacts.apply(kase.facts, delivery.event(), CohortHistory.OPENED));
        kase.facts.version = 41;
        Map<String, CellChange> now = CohortCells.of(kase.facts);
        String kept = now.keySet().iterator().next();
        Map<String, CellChange> before = Map.of(
                kept, new CellChange(kept, now.get(kept).key(), CohortFigures.NONE.plus(now.get(kept).figures())
                        .plus(new CohortFigures(0, 0, 0, new BigDecimal("12.345"), 0, 0, 0, BigDecimal.ZERO, 0))),
                "ELSEWHERE|gone", new CellChange("ELSEWHERE|gone", "gone",
                        new CohortFigures(1, 1, 0, new BigDecimal("880.50"), 1, 2, 1, new BigDecimal("0.75"), 1)));
        kase.pending = CohortCells.changes(before, now);
        kase.releasingCells = List.of("ELSEWHERE|older");
        kase.releasingToken = "case-1@17";
        return kase;
    }

    private static byte[] bytes(RawBsonDocument document) {
        return Arrays.copyOf(document.getByteBuffer().array(), document.getByteBuffer().limit());
    }
}
