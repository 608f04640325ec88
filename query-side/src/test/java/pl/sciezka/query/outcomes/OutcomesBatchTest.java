package pl.sciezka.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pl.sciezka.query.projection.BatchEquivalence;
import pl.sciezka.query.projection.FamilyHistory;
import pl.sciezka.query.projection.ReadModelWriter;
import pl.sciezka.query.pseudonyms.TestPseudonyms;

/** Outcome facts are the same whether their events come one per batch or a hundred. */
class OutcomesBatchTest {

    @Test
    void fullBatchesLeaveTheSameOutcomesAsOneEventPerBatch() {
        var documents = BatchEquivalence.assertSameDocuments(OutcomesProjection.NAME,
                mongo -> new OutcomesProjection(new ReadModelWriter(mongo), mongo, TestPseudonyms.of(mongo)),
                FamilyHistory.of(7), List.of("outcomes"));
        assertThat(documents.get("outcomes")).hasSize(7).allSatisfy(outcome -> {
            assertThat(outcome.getInteger("deliveries")).isEqualTo(2);
            assertThat(outcome.getString("pseudonym")).isNotBlank();
        });
    }
}
