package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.ReferralAccepted;
import pl.sciezka.api.familycase.ReferralDeclined;
import pl.sciezka.api.familycase.ReferralIssued;
import pl.sciezka.api.familycase.ServiceDelivered;
import pl.sciezka.query.pseudonyms.Pseudonyms;
import tools.jackson.databind.JsonNode;

/**
 * The support network's usage equals figures worked out by hand from a known history. The network is
 * set up over HTTP; the families' referrals are stored as events dated weeks ago (the API dates
 * everything now and refuses deliveries in the future), so that times to first service are real.
 */
class NetworkUsageTest extends EmbeddedApplicationTest {

    private static final ZoneId CENTRE = ZoneId.of("Europe/Warsaw");
    private static final Duration READ_SIDE = Duration.ofSeconds(30);

    @Autowired
    EventStore eventStore;
    @Autowired
    Pseudonyms pseudonyms;

    private final LocalDate day0 = LocalDate.now(CENTRE).minusDays(60);
    private final Map<String, Long> sequences = new HashMap<>();
    private String counselling;
    private String counsellingSessions;
    private String internship;
    private String labourOffice;
    private String housing;

    @BeforeEach
    void network() {
        counselling = api.registerInstitution("Poradnia Rodzinna (usage test)");
        labourOffice = api.registerInstitution("Urząd Pracy (usage test)");
        counsellingSessions = api.listOffering(counselling, "SPECIALIST_COUNSELLING", "Terapia rodzinna", "session", "100.00");
        internship = api.listOffering(counselling, "VOCATIONAL_ACTIVATION", "Staż", "month", "1250.50");
        housing = api.listOffering(labourOffice, "HOUSING", "Mieszkanie treningowe", "month", "800");
        api.post("admin", "/api/network/offerings/" + housing + "/withdrawal", Map.of("reason", "no funding"))
                .expect(200);
    }

    @Test
    void usageFiguresEqualTheOnesWorkedOutByHand() {
        String x = openCase();
        String y = openCase();
        String z = openCase();
        // family X: r1 to sessions, accepted, delivered on day 3 (2 units) and day 10 (1); r2 to the internship, declined
        String r1 = issue(x, counsellingSessions, counselling, "100.00", 0);
        String r2 = issue(x, internship, counselling, "1250.50", 1);
        store(x, 1, new ReferralAccepted(x, r1));
        store(x, 2, new ReferralDeclined(x, r2, "no places"));
        deliver(x, r1, 3, 4, "2", "200.00");
        deliver(x, r1, 10, 11, "1", "100.00");
        // family Y: r3 to sessions issued on day 2, delivered on day 12 (3 units), then a delivery dated day 7 (1)
        // recorded later; r4 to sessions issued on day 5, never answered
        String r3 = issue(y, counsellingSessions, counselling, "100.00", 2);
        store(y, 3, new ReferralAccepted(y, r3));
        issue(y, counsellingSessions, counselling, "100.00", 5);
        deliver(y, r3, 12, 12, "3", "300.00");
        deliver(y, r3, 7, 13, "1", "100.00");
        // family Z: r5 to the internship issued on day 4, delivered on day 30 (1 month); r6 to sessions, accepted, no service yet
        String r5 = issue(z, internship, counselling, "1250.50", 4);
        store(z, 5, new ReferralAccepted(z, r5));
        String r6 = issue(z, counsellingSessions, counselling, "100.00", 6);
        store(z, 7, new ReferralAccepted(z, r6));
        deliver(z, r5, 30, 30, "1", "1250.50");

        JsonNode usage = Eventually.get(READ_SIDE, () -> {
            JsonNode current = api.get("celina", "/api/network/usage").expect(200).json();
            assertThat(figures(current, "offerings", "offeringId", counsellingSessions).get("deliveries").asInt()).isEqualTo(4);
            assertThat(figures(current, "offerings", "offeringId", internship).get("deliveries").asInt()).isEqualTo(1);
            assertThat(figures(current, "offerings", "offeringId", counsellingSessions).get("accepted").asInt()).isEqualTo(3);
            assertThat(entry(current, "offerings", "offeringId", housing).get("withdrawn").asBoolean()).isTrue();
            // within one batch the catalogue may list an offering a moment before its institution's name
            assertThat(entry(current, "offerings", "offeringId", housing).get("institutionName")).isNotNull();
            for (String family : List.of(x, y, z)) {
                assertThat(entry(current, "families", "caseId", family).get("deliveries").asInt()).isEqualTo(family == z ? 1 : 2);
            }
            return current;
        });

        // sessions: r1, r3, r4, r6; accepted r1, r3, r6; first service r1 after 3 days, r3 after 5 (day 7 - day 2)
        assertFigures(figures(usage, "offerings", "offeringId", counsellingSessions),
                4, 3, 0, 1, 1.0, 2, 4.0, 4, "7", "700.00");
        // internship: r2 declined, r5 accepted and served after 26 days
        assertFigures(figures(usage, "offerings", "offeringId", internship), 2, 1, 1, 0, 0.5, 1, 26.0, 1, "1", "1250.50");
        // withdrawn housing: listed, never used
        JsonNode housingUsage = entry(usage, "offerings", "offeringId", housing);
        assertThat(housingUsage.get("withdrawn").asBoolean()).isTrue();
        assertThat(housingUsage.get("institutionName").asString()).isEqualTo("Urząd Pracy (usage test)");
        assertFigures(housingUsage.get("usage"), 0, 0, 0, 0, null, 0, null, 0, "0", "0");
        // the counselling centre: both its offerings; accepted 4 of 5 answered; days 3, 5, 26
        JsonNode centre = entry(usage, "institutions", "institutionId", counselling);
        assertThat(centre.get("offerings").asInt()).isEqualTo(2);
        assertFigures(centre.get("usage"), 6, 4, 1, 1, 0.8, 3, 5.0, 5, "8", "1950.50");
        assertThat(entry(usage, "offerings", "offeringId", counsellingSessions).get("category").get("code").asString())
                .isEqualTo("SPECIALIST_COUNSELLING");

        // a supervisor sees each family by case id
        assertThat(usage.get("pseudonymised").asBoolean()).isFalse();
        assertFamily(entry(usage, "families", "caseId", x), 2, 2, "3", "300.00");
        assertFamily(entry(usage, "families", "caseId", y), 2, 2, "4", "400.00");
        assertFamily(entry(usage, "families", "caseId", z), 2, 1, "1", "1250.50");

        // an evaluator sees the same figures, and each family only by its pseudonym
        JsonNode evaluated = api.get("dawid", "/api/network/usage").expect(200).json();
        assertThat(evaluated.get("pseudonymised").asBoolean()).isTrue();
        assertThat(evaluated.get("offerings")).isEqualTo(usage.get("offerings"));
        assertFamily(entry(evaluated, "families", "caseId", pseudonyms.of("case", y)), 2, 2, "4", "400.00");
        assertThat(evaluated.toString()).doesNotContain(x, y, z);
        assertThat(api.get("admin", "/api/network/usage").expect(200).body()).doesNotContain(x, y, z);
    }

    @Test
    void aRebuiltUsageEqualsTheLiveOne() {
        String caseId = openCase();
        String referral = issue(caseId, counsellingSessions, counselling, "100.00", 0);
        store(caseId, 1, new ReferralAccepted(caseId, referral));
        deliver(caseId, referral, 2, 2, "3", "300.00");
        // taken once the projection has caught up: a batch writes its collections one after another, so a view
        // read in between (the offerings written, the institutions not yet) is not what it will stay
        String live = Eventually.get(READ_SIDE, () -> {
            assertThat(networkProjection().get("lag").asLong()).isZero();
            ApiClient.Response usage = api.get("celina", "/api/network/usage").expect(200);
            assertThat(entry(usage.json(), "families", "caseId", caseId).get("deliveries").asInt()).isEqualTo(1);
            // the family's, the offering's and the institution's figures are separate documents, written one after another
            assertThat(entry(usage.json(), "offerings", "offeringId", counsellingSessions).at("/usage/deliveries").asInt())
                    .isEqualTo(1);
            assertThat(entry(usage.json(), "institutions", "institutionId", counselling).at("/usage/deliveries").asInt())
                    .isEqualTo(1);
            assertThat(entry(usage.json(), "offerings", "offeringId", housing).get("withdrawn").asBoolean()).isTrue();
            return usage.body();
        });

        api.post("admin", "/api/admin/projections/network/rebuild", "").expect(202);
        // the referral may be replayed before the offering it names: the rebuilt usage is the same regardless
        Eventually.within(READ_SIDE, () -> {
            JsonNode status = networkProjection();
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("lag").asLong()).isZero();
            assertThat(api.get("celina", "/api/network/usage").expect(200).body()).isEqualTo(live);
        });
    }

    @Test
    void theCatalogueListsEveryOfferingWithItsInstitutionAndLabelsForEveryRole() {
        for (String user : List.of("anna", "ewa", "celina", "dawid", "pup", "admin")) {
            JsonNode catalogue = Eventually.get(READ_SIDE, () -> {
                JsonNode current = api.get(user, "/api/network/offerings").expect(200).json();
                assertThat(entry(current, "offerings", "offeringId", housing).get("withdrawn").asBoolean()).isTrue();
                // a projection batch writes the offerings before the institutions, so wait for both
                assertThat(entry(current, "offerings", "offeringId", counsellingSessions).get("institutionName"))
                        .isNotNull();
                return current;
            });
            JsonNode sessions = entry(catalogue, "offerings", "offeringId", counsellingSessions);
            assertThat(sessions.get("institutionId").asString()).isEqualTo(counselling);
            assertThat(sessions.get("institutionName").asString()).isEqualTo("Poradnia Rodzinna (usage test)");
            assertThat(sessions.get("name").asString()).isEqualTo("Terapia rodzinna");
            assertThat(sessions.get("unit").asString()).isEqualTo("session");
            assertThat(sessions.get("unitCost").decimalValue()).isEqualByComparingTo("100.00");
            assertThat(sessions.get("capacity").asInt()).isEqualTo(20);
            assertThat(sessions.get("withdrawn").asBoolean()).isFalse();
            assertThat(sessions.at("/category/label").asString()).isEqualTo("specialist counselling");
            assertThat(entry(catalogue, "offerings", "offeringId", housing).get("withdrawn").asBoolean()).isTrue();
        }
        assertThat(entry(new ApiClient(port, "pl").get("dawid", "/api/network/offerings").json(), "offerings",
                "offeringId", internship).at("/category/label").asString()).isEqualTo("aktywizacja zawodowa");
    }

    /** The network projection's entry in the projections' status. */
    private JsonNode networkProjection() {
        return api.get("admin", "/api/admin/projections").expect(200).json().valueStream()
                .filter(projection -> projection.get("name").asString().equals("network")).findFirst().orElseThrow();
    }

    private String openCase() {
        String caseId = UUID.randomUUID().toString();
        store(caseId, -1, new FamilyCaseOpened(caseId, "Rodzina", "Wilchwy", "anna"));
        return caseId;
    }

    private String issue(String caseId, String offeringId, String institutionId, String unitCost, int day) {
        String referralId = UUID.randomUUID().toString();
        store(caseId, day, new ReferralIssued(caseId, referralId, offeringId, institutionId, List.of(), null,
                "skierowanie", new BigDecimal(unitCost)));
        return referralId;
    }

    private void deliver(String caseId, String referralId, int deliveredOn, int recordedOn, String units, String cost) {
        store(caseId, recordedOn, new ServiceDelivered(caseId, referralId, UUID.randomUUID().toString(),
                day0.plusDays(deliveredOn), new BigDecimal(units), List.of(), new BigDecimal(cost)));
    }

    /** Appends the case's next event as if recorded at noon of {@code day} (counted from day 0). */
    private void store(String caseId, int day, FamilyCaseEvent event) {
        long sequence = sequences.merge(caseId, 0L, (last, ignored) -> last + 1);
        eventStore.publish(new GenericDomainEventMessage<>("FamilyCase", caseId, sequence, event,
                Map.of(MetadataKeys.ACTOR_ID, "anna", MetadataKeys.ACTOR_ROLE, "CASEWORKER"),
                UUID.randomUUID().toString(), day0.plusDays(day).atTime(LocalTime.NOON).atZone(CENTRE).toInstant()));
    }

    private static JsonNode entry(JsonNode usage, String list, String idField, String id) {
        return usage.get(list).valueStream().filter(entry -> entry.get(idField).asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + list + " of " + usage));
    }

    private static JsonNode figures(JsonNode usage, String list, String idField, String id) {
        return entry(usage, list, idField, id).get("usage");
    }

    private static void assertFigures(JsonNode figures, int referrals, int accepted, int declined, int awaiting,
                                      Double acceptanceRate, int served, Double medianDays, int deliveries,
                                      String units, String cost) {
        List<Object> actual = new ArrayList<>(List.of(figures.get("referrals").asInt(), figures.get("accepted").asInt(),
                figures.get("declined").asInt(), figures.get("awaitingAnswer").asInt(),
                figures.get("referralsServed").asInt(), figures.get("deliveries").asInt()));
        assertThat(actual).as("%s", figures).containsExactly(referrals, accepted, declined, awaiting, served, deliveries);
        assertThat(optional(figures, "acceptanceRate")).as("acceptance rate in %s", figures).isEqualTo(acceptanceRate);
        assertThat(optional(figures, "medianDaysToFirstService")).as("median in %s", figures).isEqualTo(medianDays);
        assertThat(figures.get("unitsDelivered").decimalValue()).isEqualByComparingTo(units);
        assertThat(figures.get("cost").decimalValue()).isEqualByComparingTo(cost);
    }

    /** A figure that is not known yet is left out of the answer (the API omits nulls). */
    private static Double optional(JsonNode figures, String field) {
        JsonNode value = figures.get(field);
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private static void assertFamily(JsonNode family, int referrals, int deliveries, String units, String cost) {
        assertThat(family.get("referrals").asInt()).isEqualTo(referrals);
        assertThat(family.get("deliveries").asInt()).isEqualTo(deliveries);
        assertThat(family.get("unitsDelivered").decimalValue()).isEqualByComparingTo(units);
        assertThat(family.get("cost").decimalValue()).isEqualByComparingTo(cost);
    }
}
