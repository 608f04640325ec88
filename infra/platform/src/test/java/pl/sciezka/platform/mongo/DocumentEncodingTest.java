package pl.sciezka.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The documents {@link DocumentEncoding} writes are byte for byte those of the driver's codec. */
class DocumentEncodingTest {

    private static final CodecRegistry DRIVER = MongoClientSettings.getDefaultCodecRegistry();
    private static final CodecRegistry OURS = CodecRegistries.fromRegistries(
            CodecRegistries.fromProviders(new DocumentEncoding.Provider()), DRIVER);

    @Test
    void theRegistryGivesThisCodecForDocuments() {
        assertThat(OURS.get(Document.class)).isInstanceOf(DocumentEncoding.class);
    }

    @Test
    void everyKindOfValueIsWrittenAsTheDriverWritesIt() {
        Document document = everyKind();
        for (boolean collectible : List.of(true, false)) {
            EncoderContext context = EncoderContext.builder().isEncodingCollectibleDocument(collectible).build();
            assertThat(bytes(OURS.get(Document.class), document, context))
                    .as("collectible: " + collectible).isEqualTo(bytes(new DocumentCodec(DRIVER), document, context));
        }
    }

    @Test
    void aUuidIsWrittenAndReadInTheClientsRepresentation() {
        Document document = new Document("_id", "x").append("at", UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
        CodecRegistry standard = CodecRegistries.withUuidRepresentation(OURS, UuidRepresentation.STANDARD);
        CodecRegistry driverStandard = CodecRegistries.withUuidRepresentation(DRIVER, UuidRepresentation.STANDARD);
        EncoderContext context = EncoderContext.builder().isEncodingCollectibleDocument(true).build();
        byte[] ours = bytes(standard.get(Document.class), document, context);

        assertThat(ours).isEqualTo(bytes(driverStandard.get(Document.class), document, context));
        Document read = standard.get(Document.class)
                .decode(new BsonBinaryReader(ByteBuffer.wrap(ours)), DecoderContext.builder().build());
        assertThat(read).isEqualTo(document);
    }

    @Test
    void theIdAndWhatItReadsAreTheDriversCodecs() {
        DocumentEncoding codec = (DocumentEncoding) OURS.get(Document.class);
        Document inserted = new Document("name", "a");

        assertThat(codec.documentHasId(inserted)).isFalse();
        codec.generateIdIfAbsentFromDocument(inserted);
        assertThat(inserted.get("_id")).isInstanceOf(ObjectId.class);
        assertThat(codec.getDocumentId(inserted)).isEqualTo(new DocumentCodec(DRIVER).getDocumentId(inserted));
        byte[] written = bytes(codec, everyKind(), EncoderContext.builder().build());
        assertThat(codec.decode(new BsonBinaryReader(ByteBuffer.wrap(written)), DecoderContext.builder().build()))
                .isEqualTo(new DocumentCodec(DRIVER).decode(new BsonBinaryReader(ByteBuffer.wrap(written)),
                        DecoderContext.builder().build()));
    }

    /** The id last, so a collection's document must be written with it moved first; values of every kind, nested. */
    private static Document everyKind() {
        Map<String, Object> plainMap = new LinkedHashMap<>();
        plainMap.put("in", "a map that is not a document");
        plainMap.put("n", 3);
        List<Object> mixed = new ArrayList<>(Arrays.asList("s", 1, 2L, 2.5, true, null,
                new Document("deep", List.of(new Document("deeper", new Decimal128(new BigDecimal("-0.0010")))))));
        return new Document("name", "Kowalska")
                .append("count", 42)
                .append("big", 1L << 40)
                .append("share", 0.125)
                .append("yes", false)
                .append("nothing", null)
                .append("sum", new Decimal128(new BigDecimal("12.340")))
                .append("at", Date.from(Instant.parse("2026-12-07T10:15:30.123Z")))
                .append("oid", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("set", new LinkedHashSet<>(List.of("b", "a")))
                .append("map", plainMap)
                .append("list", mixed)
                .append("nested", new Document("_id", "not first here").append("x", List.of(List.of(1, 2), List.of())))
                .append("_id", "case-1");
    }

    private static byte[] bytes(Codec<Document> codec, Document document, EncoderContext context) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            codec.encode(writer, document, context);
        }
        return buffer.toByteArray();
    }
}
