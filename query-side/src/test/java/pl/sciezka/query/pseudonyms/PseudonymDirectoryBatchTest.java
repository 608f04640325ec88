package pl.sciezka.query.pseudonyms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pl.sciezka.query.projection.BatchEquivalence;
import pl.sciezka.query.projection.FamilyHistory;
import pl.sciezka.query.projection.ReadModelWriter;

/** The pseudonym index is the same whether its events come one per batch or a hundred. */
class PseudonymDirectoryBatchTest {

    @Test
    void fullBatchesLeaveTheSameIndexAsOneEventPerBatch() {
        var documents = BatchEquivalence.assertSameDocuments(PseudonymDirectory.NAME,
                mongo -> new PseudonymDirectory(new ReadModelWriter(mongo), mongo, TestPseudonyms.of(mongo)),
                FamilyHistory.of(7), List.of("case_pseudonyms"));
        assertThat(documents.get("case_pseudonyms")).hasSize(7)
                .allSatisfy(entry -> assertThat(entry.getString("caseId")).startsWith("case-"));
    }
}
