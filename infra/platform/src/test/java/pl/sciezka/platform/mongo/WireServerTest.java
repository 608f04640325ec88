package pl.sciezka.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's own connection handlers read every request and write every reply as the library's do:
 * the driver gets the same answers from {@link WireServer} as from the library's server over the same backend,
 * and requests and replies decoded and encoded by both are the same, however they arrive.
 */
class WireServerTest {

    @Test
    void answersTheDriverAsTheLibrarysServerDoes() {
        List<Object> library = libraryServer(new MemoryBackend(), WireServerTest::operations);
        List<Object> ours = wireServer(new MemoryBackend(), WireServerTest::operations);

        assertThat(ours).isEqualTo(library);
        assertThat(ours).as("the operations found, counted and refused something")
                .contains(3_000L, "duplicate key: 11000", 5_000_000);
    }

    @Test
    void decodesAMessageAsTheLibraryDoesWhetherWholeInPiecesOrTwoAtOnce() {
        Random random = new Random(28);
        for (boolean checksum : new boolean[] {false, true}) {
            byte[] message = opMsg(random, checksum, 7);
            MongoMessage expected = (MongoMessage) decoded(MongoWireProtocolHandler::new, message).get(0);

            MongoMessage whole = (MongoMessage) decoded(RequestDecoder::new, message).get(0);
            assertThat(whole.getDocument()).isEqualTo(expected.getDocument());
            assertThat(whole.getHeader().toString()).isEqualTo(expected.getHeader().toString());

            EmbeddedChannel pieces = new EmbeddedChannel(new RequestDecoder());
            for (int from = 0; from < message.length; from += 37) {
                pieces.writeInbound(Unpooled.wrappedBuffer(message, from, Math.min(37, message.length - from)));
            }
            assertThat(((MongoMessage) pieces.readInbound()).getDocument()).isEqualTo(expected.getDocument());

            byte[] two = new byte[2 * message.length];
            System.arraycopy(message, 0, two, 0, message.length);
            System.arraycopy(message, 0, two, message.length, message.length);
            assertThat(decoded(RequestDecoder::new, two)).extracting(request -> ((MongoMessage) request).getDocument())
                    .containsExactly(expected.getDocument(), expected.getDocument());

            Document kept = ((MongoMessage) decoded(() -> new RequestDecoder(true), message).get(0)).getDocument();
            @SuppressWarnings("unchecked")
            List<Document> inserted = (List<Document>) kept.get("documents");
            assertThat(inserted).as("documents with a string id first kept as their bytes")
                    .allMatch(document -> RawDocuments.bson(document) != null);
            inserted.replaceAll(RawDocuments::expanded);
            assertThat(kept).isEqualTo(expected.getDocument());
        }
    }

    @Test
    void leavesALegacyQueryToTheLibrary() {
        ByteBuf query = Unpooled.buffer();
        query.writeIntLE(0).writeIntLE(9).writeIntLE(0).writeIntLE(2004); // OP_QUERY
        query.writeIntLE(0).writeBytes("admin.$cmd\0".getBytes(StandardCharsets.US_ASCII)).writeIntLE(0).writeIntLE(-1);
        BsonEncoder.encodeDocument(new Document("isMaster", 1), query);
        query.setIntLE(0, query.writerIndex());

        Object decoded = decoded(RequestDecoder::new, ByteBufUtil.getBytes(query)).get(0);

        assertThat(decoded).isInstanceOf(MongoQuery.class);
        assertThat(((MongoQuery) decoded).getQuery()).isEqualTo(new Document("isMaster", 1));
    }

    @Test
    void encodesAReplyAsTheLibraryDoes() {
        Random random = new Random(28);
        for (int i = 0; i < 200; i++) {
            MongoMessage reply = new MongoMessage(null, new MessageHeader(random.nextInt(), random.nextInt()),
                    TestDocuments.random(random, 3));
            assertThat(encoded(new ReplyEncoder(), reply)).isEqualTo(encoded(new MongoWireMessageEncoder(), reply));
        }
    }

    private static List<Object> operations(MongoCollection<org.bson.Document> cases) {
        List<Object> seen = new ArrayList<>();
        List<org.bson.Document> many = IntStream.range(0, 3_000).mapToObj(i -> new org.bson.Document("_id", "case-" + i)
                .append("n", i).append("name", "Łukasz " + i).append("members", List.of(i, "" + i, List.of()))).toList();
        cases.insertMany(many, new InsertManyOptions().ordered(false)); // in three document sequences, at most
        seen.add(cases.countDocuments());
        seen.add(cases.find(Filters.gte("n", 10)).sort(Sorts.descending("n")).batchSize(100).into(new ArrayList<>()));
        Throwable duplicate = catchThrowable(() -> cases.insertOne(new org.bson.Document("_id", "case-1")));
        seen.add(duplicate instanceof com.mongodb.MongoWriteException refused
                ? "duplicate key: " + refused.getError().getCode() : "not refused: " + duplicate);
        seen.add(cases.updateMany(Filters.lt("n", 100), Updates.inc("n", 1)).getModifiedCount());
        String large = "x".repeat(5_000_000);
        cases.insertOne(new org.bson.Document("_id", "large").append("text", large));
        seen.add(cases.find(Filters.eq("_id", "large")).first().getString("text").length());
        seen.add(cases.aggregate(List.of(Aggregates.group("$members", Accumulators.sum("c", 1)),
                Aggregates.sort(Sorts.ascending("_id")), Aggregates.limit(5))).into(new ArrayList<>()));
        seen.add(cases.deleteMany(Filters.regex("name", "^Łukasz 1")).getDeletedCount());
        return seen;
    }

    private static List<Object> libraryServer(MongoBackend backend,
                                              Function<MongoCollection<org.bson.Document>, List<Object>> operations) {
        MongoServer server = new MongoServer(backend);
        try {
            return withClient(server.bind(), operations);
        } finally {
            server.shutdownNow();
        }
    }

    private static List<Object> wireServer(MongoBackend backend,
                                           Function<MongoCollection<org.bson.Document>, List<Object>> operations) {
        try (WireServer server = new WireServer(backend, new InetSocketAddress("127.0.0.1", 0))) {
            return withClient(server.address(), operations);
        }
    }

    private static List<Object> withClient(InetSocketAddress address,
                                           Function<MongoCollection<org.bson.Document>, List<Object>> operations) {
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            return operations.apply(client.getDatabase("test").getCollection("cases"));
        }
    }

    /** An insert as a driver sends it: a body and a document sequence of {@code documents} random documents. */
    private static byte[] opMsg(Random random, boolean checksum, int documents) {
        ByteBuf message = Unpooled.buffer();
        message.writeIntLE(0).writeIntLE(random.nextInt()).writeIntLE(0).writeIntLE(2013).writeIntLE(checksum ? 1 : 0);
        message.writeByte(0);
        BsonEncoder.encodeDocument(new Document("insert", "cases").append("$db", "test").append("ordered", false), message);
        message.writeByte(1);
        int section = message.writerIndex();
        message.writeIntLE(0).writeBytes("documents\0".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < documents; i++) {
            BsonEncoder.encodeDocument(new Document("_id", "case-" + i).appendAll(TestDocuments.random(random, 3)), message);
        }
        message.setIntLE(section, message.writerIndex() - section);
        if (checksum) {
            message.writeIntLE(12345); // not checked, by the library or here
        }
        message.setIntLE(0, message.writerIndex());
        return ByteBufUtil.getBytes(message);
    }

    private static List<Object> decoded(Supplier<ChannelHandler> decoder, byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder.get());
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        List<Object> decoded = new ArrayList<>();
        for (Object request = channel.readInbound(); request != null; request = channel.readInbound()) {
            decoded.add(request);
        }
        return decoded;
    }

    private static byte[] encoded(ChannelHandler encoder, MongoMessage reply) {
        EmbeddedChannel channel = new EmbeddedChannel(encoder);
        channel.writeOutbound(reply);
        ByteBuf written = channel.readOutbound();
        return ByteBufUtil.getBytes(written);
    }
}
