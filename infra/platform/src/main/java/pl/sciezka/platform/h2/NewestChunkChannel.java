package pl.sciezka.platform.h2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.h2.mvstore.DataUtils;
import org.h2.store.fs.FileBase;

/**
 * An H2 store file that corrects the store header H2 writes right after a chunk, so that the header names
 * that chunk.
 * <p>
 * Why: when H2 (2.5.252 and its master of 2026-12) writes a chunk somewhere other than where the previous
 * chunk predicted, it writes the store header so that recovery after a crash can find the chunk. But it
 * writes the header before it records the new chunk as the last one, so the header names the chunk before
 * it. After a SIGKILL, recovery starts from that chunk, follows its prediction, does not find the new one,
 * and opens the file as it was before it: every commit in that chunk and in the chunks written after it
 * (each where the one before predicted) is gone, though each commit had returned. Once freed space is written
 * over (45 s after H2 frees it), this happened in one kill of six under {@code infra/tools/h2-crash-stress}.
 * <p>
 * The header is corrected only when a write of the two header blocks follows a chunk newer than the chunk
 * the header names; any other header (a clean close, chunks moved while compacting) is written as it is.
 */
final class NewestChunkChannel extends FileBase {

    private static final int BLOCK_SIZE = 4096;
    private static final int HEADER_LENGTH = 2 * BLOCK_SIZE;

    private final FileChannel file;
    /** The newest chunk written through this channel, or null before the first. */
    private ChunkPlace newest;

    private record ChunkPlace(long id, long block, long version) {
    }

    NewestChunkChannel(FileChannel file) {
        this.file = file;
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
        // H2 writes chunks and the header one at a time, under its own lock; the monitor only guards `newest`
        ByteBuffer toWrite = source;
        synchronized (this) {
            if (position == 0 && source.remaining() == HEADER_LENGTH) {
                toWrite = naming(newest, source);
            } else if (position >= HEADER_LENGTH && position % BLOCK_SIZE == 0) {
                remember(source, position);
            }
        }
        if (toWrite == source) {
            return file.write(source, position);
        }
        int written = 0;
        while (toWrite.hasRemaining()) {
            written += file.write(toWrite, position + written);
        }
        source.position(source.limit());
        return written;
    }

    private void remember(ByteBuffer source, long position) {
        HashMap<String, String> chunk = parsed(lineOf(source), "chunk:");
        if (chunk == null || !chunk.containsKey("version")) {
            return;
        }
        long version = Long.parseLong(chunk.get("version"), 16);
        if (newest == null || version >= newest.version()) {
            newest = new ChunkPlace(Long.parseLong(chunk.get("chunk"), 16), position / BLOCK_SIZE, version);
        }
    }

    /** The header H2 meant to write, naming the given chunk if it is newer than the one H2 named. */
    private static ByteBuffer naming(ChunkPlace chunk, ByteBuffer header) {
        HashMap<String, String> fields = checksummedFirstLine(header);
        if (chunk == null || fields == null || !fields.containsKey("version")
                || Long.parseLong(fields.get("version"), 16) >= chunk.version()) {
            return header;
        }
        fields.put("chunk", Long.toHexString(chunk.id()));
        fields.put("block", Long.toHexString(chunk.block()));
        fields.put("version", Long.toHexString(chunk.version()));
        StringBuilder text = DataUtils.appendMap(new StringBuilder(), fields);
        DataUtils.appendMap(text, "fletcher", fletcherOf(text.toString()));
        byte[] line = text.append('\n').toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer corrected = ByteBuffer.allocate(HEADER_LENGTH);
        corrected.put(line).position(BLOCK_SIZE);
        corrected.put(line).rewind();
        return corrected;
    }

    /** The header's fields without its checksum, or null if the checksum does not match: then it is left alone. */
    private static HashMap<String, String> checksummedFirstLine(ByteBuffer header) {
        String line = lineOf(header);
        HashMap<String, String> fields = parsed(line, "H:");
        int checksum = fields == null ? -1 : line.lastIndexOf(",fletcher:");
        if (checksum < 0 || !Integer.toHexString(fletcherOf(line.substring(0, checksum))).equals(fields.remove("fletcher"))) {
            return null;
        }
        return fields;
    }

    private static int fletcherOf(String checksummed) {
        byte[] bytes = checksummed.getBytes(StandardCharsets.ISO_8859_1);
        return DataUtils.getFletcher32(bytes, 0, bytes.length);
    }

    /** The fields of a line that starts with the prefix, or null for any other line. */
    private static HashMap<String, String> parsed(String line, String prefix) {
        if (line == null || !line.startsWith(prefix)) {
            return null;
        }
        try {
            return DataUtils.parseMap(line);
        } catch (RuntimeException notAMap) {
            return null;
        }
    }

    /** The text up to the first line feed within the first block, without moving the buffer. */
    private static String lineOf(ByteBuffer buffer) {
        int length = Math.min(buffer.remaining(), BLOCK_SIZE);
        byte[] start = new byte[length];
        buffer.duplicate().get(start);
        for (int i = 0; i < length; i++) {
            if (start[i] == '\n') {
                return new String(start, 0, i, StandardCharsets.ISO_8859_1).trim();
            }
        }
        return null;
    }

    @Override
    public int read(ByteBuffer target, long position) throws IOException {
        return file.read(target, position);
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        return file.read(target);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        return file.write(source);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long position) throws IOException {
        file.position(position);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        file.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        file.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
