package pl.sciezka.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import pl.sciezka.api.personaldata.DataSubjectId;
import pl.sciezka.api.personaldata.PersonalData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Personal data through Axon's Jackson 3 serializer with the module, keys in a real H2 database. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataModuleTest {

    record MemberRegistered(String caseId, @DataSubjectId String memberId, @PersonalData String firstName,
                            @PersonalData String lastName, @PersonalData String pesel, int birthYear, String generation) {
    }

    record Participant(@DataSubjectId String personId, @PersonalData String name, String institution) {
    }

    record MeetingRecorded(String caseId, String meetingId, LocalDate heldOn, List<Participant> participants) {
    }

    record Address(@PersonalData String street, String district) {
    }

    record MemberMoved(@DataSubjectId String memberId, Address address, @PersonalData LocalDate bornOn,
                       @PersonalData Address previousAddress) {
    }

    record NoteWithoutSubject(String caseId, @PersonalData String note) {
    }

    private static final JsonMapper PLAIN_JSON = JsonMapper.builder().build();

    private static KeyStoreDatabase database;
    private static PersonalDataKeys keys;
    private static Jackson3Serializer serializer;

    @BeforeAll
    static void start() {
        database = KeyStoreDatabase.h2();
        keys = database.keys();
        serializer = serializerWith(keys);
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void aPersonsDataRoundTrips() {
        MemberRegistered registered = nowak(newId());

        assertThat(readBack(store(registered))).isEqualTo(registered);
    }

    @Test
    void theStoredJsonHoldsNoPlaintextButSaysWhatIsEncryptedForWhom() {
        String memberId = newId();

        SerializedObject<byte[]> stored = store(nowak(memberId));

        String json = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("Jan").doesNotContain("Nowak").doesNotContain("85010112345");
        JsonNode event = PLAIN_JSON.readTree(json);
        for (String personal : List.of("firstName", "lastName", "pesel")) {
            assertThat(event.at("/" + personal + "/encrypted").asString()).isEqualTo("AES-256-GCM");
            assertThat(event.at("/" + personal + "/subject").asString()).isEqualTo(memberId);
            assertThat(Base64.getDecoder().decode(event.at("/" + personal + "/iv").asString())).hasSize(12);
        }
        assertThat(event.get("birthYear").asInt()).isEqualTo(1985);
        assertThat(event.get("generation").asString()).isEqualTo("PARENT");
        assertThat(event.get("memberId").asString()).isEqualTo(memberId);
    }

    @Test
    void anErasedPersonsDataReadsAsTheMarkerAndTheRestOfTheEventStays() {
        String memberId = newId();
        SerializedObject<byte[]> stored = store(nowak(memberId));

        keys.destroy(memberId);

        MemberRegistered erased = new MemberRegistered("case-1", memberId, PersonalData.ERASED, PersonalData.ERASED,
                PersonalData.ERASED, 1985, "PARENT");
        assertThat(readBack(stored)).isEqualTo(erased);
        assertThat(serializerWith(database.keys()).<byte[], MemberRegistered>deserialize(stored))
                .as("a process that never saw the key").isEqualTo(erased);
    }

    @Test
    void eachParticipantIsEncryptedForThemselvesAndErasedAlone() {
        String anna = newId();
        String jan = newId();
        MeetingRecorded meeting = new MeetingRecorded("case-1", "meeting-1", LocalDate.of(2026, 3, 1), List.of(
                new Participant(anna, "Anna Kowalska", "MOPS"), new Participant(jan, "Jan Nowak", null)));
        SerializedObject<byte[]> stored = store(meeting);
        JsonNode json = PLAIN_JSON.readTree(stored.getData());
        assertThat(json.at("/participants/0/name/subject").asString()).isEqualTo(anna);
        assertThat(json.at("/participants/1/name/subject").asString()).isEqualTo(jan);

        keys.destroy(jan);

        assertThat(readBack(stored)).isEqualTo(new MeetingRecorded("case-1", "meeting-1", LocalDate.of(2026, 3, 1),
                List.of(new Participant(anna, "Anna Kowalska", "MOPS"), new Participant(jan, PersonalData.ERASED, null))));
    }

    @Test
    void aNestedRecordWithoutASubjectOfItsOwnBelongsToTheRecordAroundIt() {
        String memberId = newId();
        MemberMoved moved = new MemberMoved(memberId, new Address("ul. Wiejska 4", "Wilchwy"), LocalDate.of(1985, 1, 1),
                new Address("ul. Polna 1", "Radlin"));
        SerializedObject<byte[]> stored = store(moved);
        assertThat(PLAIN_JSON.readTree(stored.getData()).at("/address/street/subject").asString()).isEqualTo(memberId);
        assertThat(readBack(stored)).isEqualTo(moved);

        keys.destroy(memberId);

        assertThat(readBack(stored)).isEqualTo(
                new MemberMoved(memberId, new Address(PersonalData.ERASED, "Wilchwy"), null, null));
    }

    @Test
    void valuesOfOtherTypesAreEncryptedAsTheirJson() {
        String json = new String(store(new MemberMoved(newId(), null, LocalDate.of(1985, 1, 1),
                new Address("ul. Polna 1", "Radlin"))).getData(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("1985").doesNotContain("Polna").doesNotContain("Radlin");
        assertThat(PLAIN_JSON.readTree(json).get("address").isNull()).isTrue();
    }

    @Test
    void absentValuesStayAbsent() {
        MemberRegistered withoutPesel = new MemberRegistered("case-1", newId(), "Jan", "Nowak", null, 1985, "PARENT");
        SerializedObject<byte[]> stored = store(withoutPesel);

        assertThat(PLAIN_JSON.readTree(stored.getData()).get("pesel").isNull()).isTrue();
        assertThat(readBack(stored)).isEqualTo(withoutPesel);
    }

    @Test
    void personalDataWithoutADataSubjectIsRefusedRatherThanStoredInPlaintext() {
        assertThatThrownBy(() -> store(new NoteWithoutSubject("case-1", "pije")))
                .isInstanceOf(SerializationException.class)
                .rootCause().hasMessageContaining("@DataSubjectId");
        assertThatThrownBy(() -> store(nowak(" ")))
                .isInstanceOf(SerializationException.class)
                .rootCause().hasMessageContaining("is empty");
    }

    @Test
    void theSameValueIsEncryptedDifferentlyEveryTime() {
        MemberRegistered registered = nowak(newId());

        JsonNode once = PLAIN_JSON.readTree(store(registered).getData());
        JsonNode twice = PLAIN_JSON.readTree(store(registered).getData());

        assertThat(once.at("/lastName/iv")).isNotEqualTo(twice.at("/lastName/iv"));
        assertThat(once.at("/lastName/ciphertext")).isNotEqualTo(twice.at("/lastName/ciphertext"));
    }

    @Test
    void aValueStoredBeforeItsComponentWasMarkedIsReadAsItIs() {
        String json = "{\"caseId\":\"case-1\",\"memberId\":\"m-1\",\"firstName\":\"Jan\",\"lastName\":\"Nowak\","
                + "\"pesel\":null,\"birthYear\":1985,\"generation\":\"PARENT\"}";

        assertThat(readBack(raw(json, MemberRegistered.class)))
                .isEqualTo(new MemberRegistered("case-1", "m-1", "Jan", "Nowak", null, 1985, "PARENT"));
    }

    @Test
    void aDamagedOrMisplacedCiphertextReadsAsErasedNotAsAFailure() {
        String jan = newId();
        String anna = newId();
        ObjectNode event = (ObjectNode) PLAIN_JSON.readTree(store(nowak(jan)).getData());
        store(nowak(anna));
        byte[] ciphertext = Base64.getDecoder().decode(event.at("/firstName/ciphertext").asString());
        ciphertext[0] ^= 1;
        ((ObjectNode) event.get("firstName")).put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        ((ObjectNode) event.get("lastName")).put("subject", anna);

        MemberRegistered read = readMember(raw(event.toString(), MemberRegistered.class));

        assertThat(read.firstName()).isEqualTo(PersonalData.ERASED);
        assertThat(read.lastName()).as("sealed for jan, relabelled as anna's").isEqualTo(PersonalData.ERASED);
        assertThat(read.pesel()).isEqualTo("85010112345");
    }

    @Test
    void dataWrittenForAnAlreadyErasedPersonIsStoredAsErased() {
        String memberId = newId();
        keys.destroy(memberId);

        SerializedObject<byte[]> stored = store(nowak(memberId));

        JsonNode json = PLAIN_JSON.readTree(stored.getData());
        assertThat(json.get("firstName").has("ciphertext")).isFalse();
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).doesNotContain("Nowak");
        assertThat(readMember(stored).lastName()).isEqualTo(PersonalData.ERASED);
        assertThat(keys.isDestroyed(memberId)).isTrue();
    }

    @Test
    void withoutAKeyStorePersonalDataIsRefusedOnWriteAndReadsAsErased() {
        Jackson3Serializer withoutKeys = serializerWith(null);
        SerializedObject<byte[]> stored = store(nowak(newId()));

        assertThatThrownBy(() -> withoutKeys.serialize(nowak(newId()), byte[].class))
                .isInstanceOf(SerializationException.class)
                .rootCause().hasMessageContaining("no personal-data key store");
        assertThat(withoutKeys.<byte[], MemberRegistered>deserialize(stored).firstName()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void keysNeverReachTheLog(CapturedOutput log) {
        String memberId = newId();
        SerializedObject<byte[]> stored = store(nowak(memberId));
        byte[] key = keys.forReading(memberId).key().getEncoded();
        ObjectNode damaged = (ObjectNode) PLAIN_JSON.readTree(stored.getData());
        ((ObjectNode) damaged.get("pesel")).put("iv", Base64.getEncoder().encodeToString(new byte[12]));
        readBack(raw(damaged.toString(), MemberRegistered.class));
        keys.destroy(memberId);
        store(nowak(memberId));
        readBack(stored);

        assertThat(log.getAll()).contains(memberId)
                .doesNotContain(Base64.getEncoder().encodeToString(key))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(key))
                .doesNotContainIgnoringCase(HexFormat.of().formatHex(key))
                .doesNotContain("85010112345");
    }

    private static MemberRegistered nowak(String memberId) {
        return new MemberRegistered("case-1", memberId, "Jan", "Nowak", "85010112345", 1985, "PARENT");
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static SerializedObject<byte[]> store(Object event) {
        return serializer.serialize(event, byte[].class);
    }

    private static Object readBack(SerializedObject<byte[]> stored) {
        return serializer.deserialize(stored);
    }

    private static MemberRegistered readMember(SerializedObject<byte[]> stored) {
        return (MemberRegistered) readBack(stored);
    }

    private static SerializedObject<byte[]> raw(String json, Class<?> type) {
        return new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(type.getName(), null));
    }

    static Jackson3Serializer serializerWith(PersonalDataKeys keys) {
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(builder -> builder.addModule(new PersonalDataModule(keys)))
                .build();
    }
}
