package pl.sciezka.platform.axon;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * Random version-4 UUIDs, as Axon's default gives, from a generator per thread. The default's
 * {@code UUID.randomUUID()} draws from one {@code SecureRandom} for the whole JVM behind a monitor, and
 * every event and every new case, member or referral takes an id from it: under eight clients on two
 * cores a thread preempted while holding that monitor stalled the others 58 ms on average (JFR, command
 * benchmark). A {@code new SecureRandom()} per thread would not help: on Linux it is NativePRNG, whose
 * instances all read through one locked stream; a DRBG instance keeps its own state, seeded once.
 * Found by Axon through {@code META-INF/services}; the command side's ids and the correlation ids
 * of requests come from here too.
 */
public final class PerThreadIdentifierFactory extends IdentifierFactory {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(PerThreadIdentifierFactory::drbg);

    @Override
    public String generateIdentifier() {
        SecureRandom random = RANDOM.get();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException missing) { // every JDK since 9 has it
            throw new IllegalStateException(missing);
        }
    }
}
