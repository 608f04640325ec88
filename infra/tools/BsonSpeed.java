import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How fast the read models a rebuild leaves are written as BSON and read back, by the mongo-java-server library's
 * encoder and decoder and by the application's own ({@code BsonBytes}, {@code BsonParser}), which store and read
 * the embedded server's documents: every document of the file, each way in turn, several rounds, in one JVM.
 * Opens the file read-only (the application must not be running on it). Run by infra/tools/bson-speed.
 */
public class BsonSpeed {

    /** The application's document tag (BsonDocuments.BSON); a value without it was written by the library. */
    private static final byte BSON = 126;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        List<byte[]> stored = storedBson(args[0]);
        List<Document> documents = new ArrayList<>();
        long bytes = 0;
        for (byte[] bson : stored) {
            documents.add(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)));
            bytes += bson.length;
        }
        System.out.printf("%,d documents, %,d bytes of BSON%n", documents.size(), bytes);

        Class<?> bytesClass = Class.forName("pl.sciezka.platform.mongo.BsonBytes");
        Constructor<?> newBytes = bytesClass.getDeclaredConstructor();
        newBytes.setAccessible(true);
        Object ours = newBytes.newInstance();
        Method write = bytesClass.getDeclaredMethod("write", Map.class);
        write.setAccessible(true);
        Class<?> parserClass = Class.forName("pl.sciezka.platform.mongo.BsonParser");
        Constructor<?> newParser = parserClass.getDeclaredConstructor();
        newParser.setAccessible(true);
        Object parser = newParser.newInstance();
        Method parse = parserClass.getDeclaredMethod("parse", byte[].class, int.class);
        parse.setAccessible(true);

        ByteBuf library = Unpooled.buffer(4096);
        for (int round = 1; round <= ROUNDS; round++) {
            Run libraryWrite = Run.of(() -> {
                for (Document document : documents) {
                    library.clear();
                    BsonEncoder.encodeDocument(document, library);
                }
            });
            Run ourWrite = Run.of(() -> {
                for (Document document : documents) {
                    write.invoke(ours, document);
                }
            });
            Run libraryRead = Run.of(() -> {
                for (byte[] bson : stored) {
                    BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
                }
            });
            Run ourRead = Run.of(() -> {
                for (byte[] bson : stored) {
                    parse.invoke(parser, bson, 0);
                }
            });
            System.out.printf("round %d: write by the library %s, here %s; read by the library %s, here %s%n",
                    round, libraryWrite.per(bytes), ourWrite.per(bytes), libraryRead.per(bytes), ourRead.per(bytes));
        }
    }

    interface Work {
        void run() throws Exception;
    }

    /** CPU time and memory allocated by this thread (a collector's work on other threads is not in them). */
    record Run(long cpuNanos, long allocated) {

        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

        static Run of(Work work) throws Exception {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long allocated = THREADS.getCurrentThreadAllocatedBytes();
            work.run();
            return new Run(THREADS.getCurrentThreadCpuTime() - cpu, THREADS.getCurrentThreadAllocatedBytes() - allocated);
        }

        String per(long bytes) {
            return String.format("%.0f MB/s of CPU, %.2f bytes allocated per byte", bytes * 1e3 / cpuNanos,
                    (double) allocated / bytes);
        }
    }

    private static List<byte[]> storedBson(String file) {
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            List<byte[]> all = new ArrayList<>();
            for (String name : store.getMapNames()) {
                if (!name.startsWith("databases.") || name.contains("._index_")) {
                    continue;
                }
                MVMap<Object, byte[]> map = store.openMap(name, new MVMap.Builder<Object, byte[]>()
                        .keyType(new ObjectDataType()).valueType(new RawBson()));
                for (byte[] bson : map.values()) {
                    if (bson != null) {
                        all.add(bson);
                    }
                }
            }
            return all;
        } finally {
            store.close();
        }
    }

    /** A stored document's BSON as it is in the file; null for one the library Java-serialised. */
    private static final class RawBson extends BasicDataType<byte[]> {

        @Override
        public byte[] read(ByteBuffer buffer) {
            if (buffer.get(buffer.position()) != BSON) {
                new ObjectDataType().read(buffer);
                return null;
            }
            int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(buffer.position() + 1);
            byte[] bson = new byte[length];
            buffer.get(buffer.position() + 1, bson);
            buffer.position(buffer.position() + 1 + length);
            return bson;
        }

        @Override
        public int getMemory(byte[] bson) {
            return bson == null ? 16 : bson.length;
        }

        @Override
        public void write(WriteBuffer buffer, byte[] bson) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }
}
