package pl.sciezka.platform.axon;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * Random version-4 UUIDs, as Axon's default gives, from a generator per thread that draws the bytes of
 * {@link #IDS_PER_DRAW} ids at once. The default's {@code UUID.randomUUID()} draws from one
 * {@code SecureRandom} for the whole JVM behind a monitor, and every event and every new case, member or
 * referral takes an id from it: under eight clients on two cores a thread preempted while holding that
 * monitor stalled the others 58 ms on average (JFR, command benchmark). A {@code new SecureRandom()}
 * per thread would not help: on Linux it is NativePRNG, whose instances all read through one locked
 * stream; a DRBG instance keeps its own state, seeded once.
 * <p>
 * Drawing in bulk, because a DRBG request costs several SHA-256 rounds besides its output, and Axon
 * takes an id for every message it makes, including the result of each event handled by each
 * processor: two requests per id were a fifth of a projection rebuild's pass threads' CPU. One request of 1 KB costs
 * little more than its output.
 * Found by Axon through {@code META-INF/services}; the command side's ids and the correlation ids
 * of requests come from here too.
 */
public final class PerThreadIdentifierFactory extends IdentifierFactory {

    private static final int IDS_PER_DRAW = 64;

    private static final ThreadLocal<Draws> DRAWS = ThreadLocal.withInitial(Draws::new);

    @Override
    public String generateIdentifier() {
        return DRAWS.get().next().toString();
    }

    /** One thread's generator and the bytes it drew and has not yet handed out. */
    private static final class Draws {

        private final SecureRandom random = drbg();
        private final ByteBuffer drawn = ByteBuffer.allocate(16 * IDS_PER_DRAW).position(16 * IDS_PER_DRAW);

        UUID next() {
            if (!drawn.hasRemaining()) {
                random.nextBytes(drawn.array());
                drawn.clear();
            }
            long high = drawn.getLong() & ~0xF000L | 0x4000L; // version 4
            long low = drawn.getLong() & ~(0xC000L << 48) | (0x8000L << 48); // IETF variant
            return new UUID(high, low);
        }

        private static SecureRandom drbg() {
            try {
                return SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException missing) { // every JDK since 9 has it
                throw new IllegalStateException(missing);
            }
        }
    }
}
