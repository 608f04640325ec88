package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection's requests as the library's decoder makes them, but for an {@code OP_MSG} (every request of
 * today's drivers), whose documents are read by {@link BsonParser} from one copy of the message: the library's
 * decoder, reading them through the connection's netty buffer a byte at a time with its checks, took a tenth of
 * the Java code's CPU samples in a rebuild (docs/BENCHMARKS.md, twenty-eighth round). Anything else (a legacy
 * {@code OP_QUERY}, flags the library refuses, a message too large) goes to the library's decoder, which reads
 * or refuses it as before. A whole replacement in an update statement, and a document inserted with a string id
 * first, are not read into documents but kept as the BSON they came as ({@link RawDocuments}), for
 * {@link IdFirstCollection} to store as they are. One per connection, like the library's.
 */
final class RequestDecoder extends MongoWireProtocolHandler {

    private static final int HEADER = 16;
    private static final int OP_MSG = 2013;
    private static final int CHECKSUM_PRESENT = 1;
    /** A connection keeps its copy between messages up to this size: a thousand documents inserted are some 3 MB. */
    private static final int LARGEST_KEPT_COPY = 4 << 20;
    /** The statements of an {@code update} command, sent as a document sequence: their replacements are kept as BSON. */
    private static final String UPDATES = "updates";
    /** The documents of an {@code insert} command: those with a string id first are kept as BSON. */
    private static final String INSERTS = "documents";

    private final BsonParser parser = new BsonParser();
    private final boolean keepWholeDocuments;
    private byte[] message = new byte[4096];

    /** Reads every document, for any backend. */
    RequestDecoder() {
        this(false);
    }

    /** @param keepWholeDocuments keeps whole replacements and inserts as BSON, for {@link IdFirstH2Backend} alone */
    RequestDecoder(boolean keepWholeDocuments) {
        this.keepWholeDocuments = keepWholeDocuments;
    }

    @Override
    protected ClientRequest decode(ChannelHandlerContext context, ByteBuf in) throws Exception {
        if (in.readableBytes() < HEADER + 4) {
            return null; // the rest of the message has not arrived yet
        }
        int start = in.readerIndex();
        int length = in.getIntLE(start);
        int flags = in.getIntLE(start + HEADER);
        if (in.getIntLE(start + 12) != OP_MSG || length > MAX_MESSAGE_SIZE_BYTES || length < HEADER + 4
                || (flags & ~CHECKSUM_PRESENT) != 0) {
            return super.decode(context, in);
        }
        if (in.readableBytes() < length) {
            return null;
        }
        if (message.length < length) {
            message = new byte[Math.max(length, 2 * message.length)];
        }
        in.getBytes(start, message, 0, length);
        MongoMessage request;
        try {
            request = new MongoMessage(context.channel(),
                    new MessageHeader(length, in.getIntLE(start + 4), in.getIntLE(start + 8)),
                    body(length - ((flags & CHECKSUM_PRESENT) != 0 ? 4 : 0)));
        } finally {
            if (message.length > LARGEST_KEPT_COPY) {
                message = new byte[4096];
            }
        }
        in.skipBytes(length);
        return request;
    }

    /** The message's body (section 0) with every document sequence (section 1) added under its name. */
    private Document body(int end) {
        Document body = null;
        Map<String, List<Document>> sequences = new LinkedHashMap<>();
        int at = HEADER + 4;
        while (at < end) {
            byte kind = message[at++];
            if (kind == MongoMessage.SECTION_KIND_BODY && body == null) {
                body = parser.parse(message, at);
                at += BsonParser.int32(message, at);
            } else if (kind == MongoMessage.SECTION_KIND_DOCUMENT_SEQUENCE) {
                int sectionEnd = at + BsonParser.int32(message, at);
                int name = at + 4;
                int nameEnd = BsonParser.terminator(message, name);
                String sequenceName = new String(message, name, nameEnd - name, StandardCharsets.UTF_8);
                boolean updates = keepWholeDocuments && sequenceName.equals(UPDATES);
                boolean inserts = keepWholeDocuments && sequenceName.equals(INSERTS);
                List<Document> documents = new ArrayList<>();
                for (at = nameEnd + 1; at < sectionEnd; at += BsonParser.int32(message, at)) {
                    documents.add(updates ? parser.parseStatement(message, at)
                            : inserts ? parser.parseInsert(message, at) : parser.parse(message, at));
                }
                if (sequences.put(sequenceName, documents) != null
                        || documents.isEmpty()) {
                    throw new IllegalArgumentException("a document sequence named twice, or empty");
                }
            } else {
                throw new IllegalArgumentException("Unexpected section kind: " + kind);
            }
        }
        if (body == null || at != end) {
            throw new IllegalArgumentException("an OP_MSG without a body, or longer than its sections");
        }
        for (Map.Entry<String, List<Document>> sequence : sequences.entrySet()) {
            if (body.put(sequence.getKey(), sequence.getValue()) != null) {
                throw new IllegalArgumentException("a document sequence named as the body's field " + sequence.getKey());
            }
        }
        return body;
    }
}
