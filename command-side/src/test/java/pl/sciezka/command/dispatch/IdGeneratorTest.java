package pl.sciezka.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void withAKeyTheSameRequestGetsTheSameId() {
        assertThat(IdGenerator.newId("anna", "key-1", "caseId")).isEqualTo(IdGenerator.newId("anna", "key-1", "caseId"));
    }

    @Test
    void userKeyAndPurposeEachMakeADifferentId() {
        assertThat(Set.of(
                IdGenerator.newId("anna", "key-1", "caseId"),
                IdGenerator.newId("bartek", "key-1", "caseId"),
                IdGenerator.newId("anna", "key-2", "caseId"),
                IdGenerator.newId("anna", "key-1", "diagnosisId"))).hasSize(4);
    }

    @Test
    void withoutAKeyEveryIdIsNewAndAUuid() {
        String id = IdGenerator.newId("anna", null, "caseId");
        assertThat(id).isNotEqualTo(IdGenerator.newId("anna", null, "caseId"));
        assertThat(UUID.fromString(id)).hasToString(id);
    }
}
