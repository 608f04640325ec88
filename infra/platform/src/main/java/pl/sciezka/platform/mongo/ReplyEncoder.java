package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * A connection's {@code OP_MSG} replies, byte for byte as the library's encoder writes them, with the document
 * written by {@link BsonBytes}: a query's reply holds every document it found, and the library's encoder looks
 * every field up by its name and checks the buffer at every byte. One per connection, like the library's.
 */
final class ReplyEncoder extends MongoWireMessageEncoder {

    private static final int OP_MSG = 2013;

    private final BsonBytes bson = new BsonBytes();

    @Override
    protected void encode(ChannelHandlerContext context, MongoMessage message, ByteBuf out) {
        try {
            bson.write(message.getDocument());
        } catch (RuntimeException unwritable) {
            context.channel().close(); // as the library does: the client would wait for a reply that cannot come
            throw unwritable;
        }
        int start = out.writerIndex();
        out.writeIntLE(0);
        out.writeIntLE(message.getHeader().getRequestID());
        out.writeIntLE(message.getHeader().getResponseTo());
        out.writeIntLE(OP_MSG);
        out.writeIntLE(message.getFlags());
        out.writeByte(MongoMessage.SECTION_KIND_BODY);
        out.writeBytes(bson.array(), 0, bson.length());
        out.setIntLE(start, out.writerIndex() - start);
        bson.shrink();
    }
}
