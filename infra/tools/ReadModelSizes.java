import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How many documents each collection of the embedded read models' file holds and how many bytes of BSON
 * they take, largest first: what a rebuild has to write. Opens the file read-only (the application must
 * not be running on it). Run by infra/tools/read-model-sizes.
 */
public class ReadModelSizes {

    /** The application's document tag (BsonDocuments.BSON); a value without it was written by the library. */
    private static final byte BSON = 126;

    public static void main(String[] args) {
        MVStore store = new MVStore.Builder().fileName(args[0]).readOnly().open();
        try {
            Map<Long, String> lines = new TreeMap<>(Comparator.reverseOrder());
            long allDocuments = 0;
            long allBytes = 0;
            for (String name : store.getMapNames()) {
                if (!name.startsWith("databases.") || name.contains("._index_")) {
                    continue;
                }
                MVMap<Object, Integer> map = store.openMap(name, new MVMap.Builder<Object, Integer>()
                        .keyType(new ObjectDataType()).valueType(new EncodedLength()));
                long documents = 0;
                long bytes = 0;
                for (Integer length : map.values()) {
                    documents++;
                    bytes += length;
                }
                allDocuments += documents;
                allBytes += bytes;
                lines.put(bytes * 1000 + lines.size(), String.format("%-60s %10d documents %10.1f MB %8d bytes each",
                        name.substring("databases.".length()), documents, bytes / 1e6, documents == 0 ? 0 : bytes / documents));
            }
            lines.values().forEach(System.out::println);
            System.out.printf("%-60s %10d documents %10.1f MB%n", "all", allDocuments, allBytes / 1e6);
        } finally {
            store.close();
        }
    }

    /** A document's encoded length, without decoding it. */
    private static final class EncodedLength extends BasicDataType<Integer> {
        private final ObjectDataType older = new ObjectDataType();

        @Override
        public int getMemory(Integer length) {
            return 16;
        }

        @Override
        public void write(WriteBuffer buffer, Integer length) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public Integer read(ByteBuffer buffer) {
            int start = buffer.position();
            if (buffer.get(start) != BSON) {
                older.read(buffer);
                return buffer.position() - start;
            }
            int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start + 1);
            buffer.position(start + 1 + length);
            return length;
        }

        @Override
        public Integer[] createStorage(int size) {
            return new Integer[size];
        }
    }
}
