package pl.sciezka.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.personaldata.DataSubjectId;
import pl.sciezka.api.personaldata.PersonalData;

/**
 * What the encryption costs per event, as a figure printed for people to read (machines differ too
 * much for a timed assertion): events with three personal fields serialised and read back by Axon's
 * Jackson 3 serializer, with and without the module, keys of 500 subjects cached as in a replay.
 */
class PersonalDataThroughputTest {

    record MemberRegistered(String caseId, @DataSubjectId String memberId, @PersonalData String firstName,
                            @PersonalData String lastName, @PersonalData String pesel, int birthYear, String generation) {
    }

    record Unmarked(String caseId, String memberId, String firstName, String lastName, String pesel, int birthYear,
                    String generation) {
    }

    private static final int EVENTS = 10_000;
    private static final int SUBJECTS = 500;

    @Test
    void printsEventsPerSecondWithAndWithoutEncryption() throws Exception {
        try (KeyStoreDatabase database = KeyStoreDatabase.h2()) {
            Jackson3Serializer encrypting = PersonalDataModuleTest.serializerWith(database.keys());
            Jackson3Serializer plain = Jackson3Serializer.builder().build();
            List<Object> marked = new ArrayList<>();
            List<Object> unmarked = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String memberId = "member-" + (i % SUBJECTS);
                marked.add(new MemberRegistered("case-" + i, memberId, "Janina", "Kowalska-Nowak", "85010112345", 1985, "PARENT"));
                unmarked.add(new Unmarked("case-" + i, memberId, "Janina", "Kowalska-Nowak", "85010112345", 1985, "PARENT"));
            }
            for (int warmUp = 0; warmUp < 2; warmUp++) {
                roundTrips(plain, unmarked);
                roundTrips(encrypting, marked);
            }
            double without = roundTrips(plain, unmarked);
            double with = roundTrips(encrypting, marked);

            System.out.printf(Locale.ROOT, "personal-data throughput: %,.0f events/s serialised+deserialised without the"
                    + " module, %,.0f events/s with it (3 encrypted fields an event, %d subjects): %.1f us more per event%n",
                    without, with, SUBJECTS, (1e6 / with) - (1e6 / without));
            assertThat(((MemberRegistered) encrypting.deserialize(encrypting.serialize(marked.get(7), byte[].class)))
                    .lastName()).isEqualTo("Kowalska-Nowak");
        }
    }

    /** Events a second, each serialised to bytes and read back. */
    private static double roundTrips(Serializer serializer, List<Object> events) {
        long start = System.nanoTime();
        int read = 0;
        for (Object event : events) {
            SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
            if (serializer.deserialize(stored) != null) {
                read++;
            }
        }
        return read / ((System.nanoTime() - start) / 1e9);
    }

}
