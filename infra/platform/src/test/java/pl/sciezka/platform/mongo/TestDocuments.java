package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/** Documents of the embedded server for tests of its BSON: one of every kind of value, and random ones, nested, beyond ASCII. */
final class TestDocuments {

    private static final String ALPHABET = "abcxyzABC019 _.-$łąęśćźżńóŁ—€😀";

    private TestDocuments() {
    }

    /** One field of each kind of value the library's BSON knows, some twice (negative, before 1970, nested, empty). */
    static Document ofEveryKind() {
        return new Document("_id", "case-1")
                .append("name", "Kowalska — Łódź, 😀")
                .append("zażółć", "gęślą jaźń")
                .append("count", 7)
                .append("negative", -123_456)
                .append("version", 1L << 40)
                .append("share", -0.25)
                .append("cost", Decimal128.fromNumber(new BigDecimal("1234.56")))
                .append("closed", false)
                .append("open", true)
                .append("nothing", null)
                .append("empty", "")
                .append("object", new ObjectId())
                .append("at", Instant.parse("2026-12-06T03:30:00.123Z"))
                .append("before1970", Instant.parse("1951-03-01T00:00:00.123Z"))
                .append("token", UUID.randomUUID())
                .append("legacy", new LegacyUUID(UUID.randomUUID()))
                .append("data", new BinData(new byte[] {1, 2, 3}))
                .append("pattern", new BsonRegularExpression("^a.*", "i"))
                .append("script", new BsonJavaScript("return 1"))
                .append("stamp", new BsonTimestamp(42L))
                .append("lowest", MinKey.getInstance())
                .append("highest", MaxKey.getInstance())
                .append("members", List.of(new Document("role", "mother"), List.of(1, 2L, "three"), List.of()))
                .append("tags", new LinkedHashSet<>(List.of("b", "a", "c")))
                .append("plainMap", Map.of("k", "v"))
                .append("manyValues", IntStream.range(0, 1_500).boxed().toList())
                .append("nested", new Document("deeper", new Document("deepest", new Document())));
    }

    /** A short alphabet makes names repeat, as a collection's do. */
    static Document random(Random random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            document.append(text(random, 6) + i, value(random, depth));
        }
        return document;
    }

    private static Object value(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 12 : 10)) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextDouble();
            case 4 -> text(random, 20);
            case 5 -> random.nextBoolean();
            case 6 -> Instant.ofEpochMilli(random.nextLong() % 10_000_000_000_000L);
            case 7 -> Decimal128.fromNumber(BigDecimal.valueOf(random.nextInt(), 2));
            case 8 -> new ObjectId();
            case 9 -> new UUID(random.nextLong(), random.nextLong());
            case 10 -> random(random, depth - 1);
            default -> IntStream.range(0, random.nextInt(5)).mapToObj(n -> value(random, depth - 1)).toList();
        };
    }

    private static String text(Random random, int longest) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(longest);
        int letters = ALPHABET.codePointCount(0, ALPHABET.length());
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(letters))));
        }
        return text.toString();
    }
}
