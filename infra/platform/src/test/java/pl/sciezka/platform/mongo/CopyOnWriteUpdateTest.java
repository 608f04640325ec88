package pl.sciezka.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The updates leave the stored document and every document inside it as they were, share what they do not
 * change, and give the library whatever they do not apply. That they answer as the library does is
 * {@link IdFirstH2BackendTest#answersAsTheLibrarysBackendDoes}.
 */
class CopyOnWriteUpdateTest {

    private static Document caseload() {
        return new Document("_id", "cw-01")
                .append("lines", new Document("case-1", new Document("family", "A").append("open", true))
                        .append("case-2", new Document("family", "B").append("open", true)))
                .append("team", new Document("name", "north"));
    }

    @Test
    void changesACopyAlongThePathAndSharesTheRest() {
        Document stored = caseload();
        Document before = caseload();

        Document updated = CopyOnWriteUpdate.apply(stored, new Document("$set",
                new Document("lines.case-3", new Document("family", "C")).append("lines.case-1.open", false))
                .append("$unset", new Document("lines.case-2", "")), "_id");

        assertThat(stored).as("the stored document, nested ones included, unchanged").isEqualTo(before);
        assertThat(updated).isEqualTo(new Document("_id", "cw-01")
                .append("lines", new Document("case-1", new Document("family", "A").append("open", false))
                        .append("case-3", new Document("family", "C")))
                .append("team", new Document("name", "north")));
        assertThat(updated.get("team")).as("what the update does not touch is shared").isSameAs(stored.get("team"));
    }

    @Test
    void givesTheStoredDocumentBackWhenNothingChanges() {
        Document stored = caseload();

        assertThat(CopyOnWriteUpdate.apply(stored, new Document("$set", new Document("team.name", "north"))
                .append("$unset", new Document("lines.case-9", "").append("absent.deeper", "")), "_id")).isSameAs(stored);
        assertThat(CopyOnWriteUpdate.apply(stored, caseload().append("_id", "cw-01"), "_id")).isSameAs(stored);
    }

    @Test
    void makesTheDocumentsAMissingPathNeeds() {
        Document updated = CopyOnWriteUpdate.apply(caseload(), new Document("$set", new Document("a.b.c", 1)), "_id");

        assertThat(updated.get("a")).isEqualTo(new Document("b", new Document("c", 1)));
    }

    /** A cohort cell's increment: added as the library adds numbers, new fields made, each token added once. */
    @Test
    void incrementsAndAddsToASetAsACohortCellIs() {
        Document stored = new Document("_id", "cell").append("key", "2024")
                .append("figures", new Document("families", 3).append("incomeSum", new Decimal128(new BigDecimal("10.50"))))
                .append("applying", List.of("case-1@4"));
        Document before = stored.cloneDeeply();

        Document updated = CopyOnWriteUpdate.apply(stored, new Document("$setOnInsert", new Document("key", "other"))
                .append("$inc", new Document("figures.families", 1).append("figures.incomeSum", new Decimal128(new BigDecimal("2.25")))
                        .append("figures.parents", 2).append("figures.big", Long.MAX_VALUE))
                .append("$addToSet", new Document("applying", new Document("$each", List.of("case-1@4", "case-2@7", "case-2@7")))), "_id");

        assertThat(stored).as("the stored document unchanged").isEqualTo(before);
        assertThat(updated).isEqualTo(new Document("_id", "cell").append("key", "2024")
                .append("figures", new Document("families", 4).append("incomeSum", new Decimal128(new BigDecimal("12.75")))
                        .append("parents", 2).append("big", Long.MAX_VALUE))
                .append("applying", List.of("case-1@4", "case-2@7")));
        assertThat(CopyOnWriteUpdate.apply(updated, new Document("$inc", new Document("figures.families", 0))
                .append("$addToSet", new Document("applying", "case-2@7")), "_id"))
                .as("adding nothing new changes nothing").isSameAs(updated);
    }

    @Test
    void pullsStringsOutOfAnArray() {
        Document stored = new Document("_id", "cell").append("applying", List.of("a", "b", "c", "b"));

        assertThat(CopyOnWriteUpdate.apply(stored, new Document("$pullAll", new Document("applying", List.of("b", "x"))), "_id"))
                .isEqualTo(new Document("_id", "cell").append("applying", List.of("a", "c")));
        assertThat(CopyOnWriteUpdate.apply(stored, new Document("$pullAll", new Document("applying", List.of("x"))
                .append("missing.deeper", List.of("a"))), "_id")).isSameAs(stored);
    }

    @Test
    void leavesToTheLibraryWhatItDoesNotApply() {
        Document stored = caseload().append("members", List.of(new Document("role", "mother"))).append("count", 3)
                .append("tokens", List.of("t1"));
        List<Document> updates = List.of(
                new Document("$push", new Document("members", new Document("role", "son"))),
                new Document("$inc", new Document("team", 1)),
                new Document("$inc", new Document("count", "1")),
                new Document("$addToSet", new Document("count", "t1")),
                new Document("$addToSet", new Document("members", new Document("$each", "t1"))),
                new Document("$pullAll", new Document("members", List.of("t1"))),
                new Document("$pullAll", new Document("tokens", List.of(1))),
                new Document("$set", new Document("members.0.role", "father")),
                new Document("$set", new Document("members.$.role", "father")),
                new Document("$set", new Document("count.deeper", 1)),
                new Document("$unset", new Document("count.deeper", "")),
                new Document("$set", new Document("lines", new Document())).append("$unset", new Document("lines.case-1", "")),
                new Document("$set", new Document("_id", "cw-02")),
                new Document("$set", new Document()),
                new Document("_id", "cw-02").append("lines", new Document()),
                new Document());

        assertThat(updates).allSatisfy(update ->
                assertThat(CopyOnWriteUpdate.apply(stored, update, "_id")).as(update.toString()).isNull());
    }
}
