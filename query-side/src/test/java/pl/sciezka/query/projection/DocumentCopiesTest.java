package pl.sciezka.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.query.TestMongoDatabase;

/**
 * The copies a batch takes after every event: written, a copy is exactly what the original is; changed,
 * it leaves the original as it was (and the other way round); the records inside are shared, not
 * copied; and a document this class cannot copy field by field is still copied, through BSON.
 */
class DocumentCopiesTest {

    private final TestMongoDatabase database = new TestMongoDatabase();
    private final DocumentCopies copies = new DocumentCopies(database.template().getConverter());

    @AfterEach
    void close() {
        database.close();
    }

    record Entry(String id, Instant at, List<String> memberIds) {
    }

    static class Note {
        String text;
        List<String> tags = new ArrayList<>();
    }

    @org.springframework.data.mongodb.core.mapping.Document("test_copies")
    static class Folder {
        @org.springframework.data.annotation.Id
        String id;
        int version;
        BigDecimal cost = BigDecimal.ZERO;
        LocalDate openedOn;
        Set<Generation> generations = EnumSet.noneOf(Generation.class);
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Entry> history = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>();
        Note note = new Note();
        List<Note> notes = new ArrayList<>();
        Document extra = new Document();
    }

    /** A field the copier does not know how to copy: a linked list. */
    @org.springframework.data.mongodb.core.mapping.Document("test_copies")
    static class Unusual {
        @org.springframework.data.annotation.Id
        String id;
        LinkedList<String> queue = new LinkedList<>();
    }

    @Test
    void aCopyIsWrittenExactlyAsTheOriginal() {
        Folder original = folder();
        Folder copied = (Folder) copies.copy(original);
        assertThat(copied).isNotSameAs(original);
        assertThat(copies.bson(copied)).isEqualTo(copies.bson(original));
    }

    @Test
    void changingTheCopyLeavesTheOriginalAsItWasAndTheOtherWayRound() {
        Folder original = folder();
        Document before = copies.bson(original);
        Folder copied = (Folder) copies.copy(original);

        copied.version = 9;
        copied.generations.add(Generation.GRANDPARENT);
        copied.entries.put("e3", new Entry("e3", Instant.EPOCH, List.of()));
        copied.history.remove(0);
        copied.counts.merge("a", 1L, Long::sum);
        copied.note.tags.add("changed");
        copied.notes.get(0).text = "changed";
        copied.extra.put("more", 1);
        assertThat(copies.bson(original)).isEqualTo(before);

        Folder again = (Folder) copies.copy(original);
        original.history.clear();
        original.note.text = "changed";
        assertThat(copies.bson(again)).isEqualTo(before);
    }

    @Test
    void recordsAndImmutableValuesAreSharedNotCopied() {
        Folder original = folder();
        Folder copied = (Folder) copies.copy(original);
        assertThat(copied.entries.get("e1")).isSameAs(original.entries.get("e1"));
        assertThat(copied.history.get(0)).isSameAs(original.history.get(0));
        assertThat(copied.cost).isSameAs(original.cost);
        assertThat(copied.entries).isNotSameAs(original.entries);
        assertThat(copied.note).isNotSameAs(original.note);
        assertThat(copies.copy(original.history.get(0))).isSameAs(original.history.get(0));
    }

    @Test
    void aDocumentThatCannotBeCopiedFieldByFieldIsCopiedThroughBson() {
        Unusual original = new Unusual();
        original.id = "u1";
        original.queue.add("first");
        Unusual copied = (Unusual) copies.copy(original);
        assertThat(copies.bson(copied)).isEqualTo(copies.bson(original));

        copied.queue.add("second");
        assertThat(original.queue).containsExactly("first");
    }

    private static Folder folder() {
        Folder folder = new Folder();
        folder.id = "f1";
        folder.version = 4;
        folder.cost = new BigDecimal("12.50");
        folder.openedOn = LocalDate.of(2026, 3, 1);
        folder.generations.add(Generation.CHILD);
        folder.entries.put("e1", new Entry("e1", Instant.parse("2026-03-01T10:00:00Z"), List.of("m1", "m2")));
        folder.entries.put("e2", new Entry("e2", Instant.parse("2026-03-02T10:00:00Z"), new ArrayList<>(List.of("m3"))));
        folder.history.addAll(folder.entries.values());
        folder.counts.put("b", 2L);
        folder.note.text = "first";
        folder.note.tags.add("t1");
        Note second = new Note();
        second.text = "second";
        folder.notes.add(second);
        folder.extra.put("nested", new Document("k", List.of(1, 2)));
        return folder;
    }
}
