package pl.sciezka.query.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import pl.sciezka.query.projection.BatchEquivalence;
import pl.sciezka.query.projection.FamilyHistory;
import pl.sciezka.query.projection.ReadModelWriter;

/** Case files are the same whether their events come one per batch or a hundred. */
class CaseFileBatchTest {

    @Test
    void fullBatchesLeaveTheSameCaseFilesAsOneEventPerBatch() {
        var documents = BatchEquivalence.assertSameDocuments(CaseFileProjection.NAME,
                mongo -> new CaseFileProjection(new ReadModelWriter(mongo),
                        new MongoRepositoryFactory(mongo).getRepository(CaseFileRepository.class)),
                FamilyHistory.of(7), List.of("case_files"));
        assertThat(documents.get("case_files")).hasSize(7).allSatisfy(file -> {
            assertThat(file.getLong("version")).isEqualTo(9);
            assertThat(file.getString("coordinatorId")).isEqualTo("bartek");
        });
    }
}
