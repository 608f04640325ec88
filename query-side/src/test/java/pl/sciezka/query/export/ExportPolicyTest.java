package pl.sciezka.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.MeetingDecision;
import pl.sciezka.api.familycase.MeetingParticipant;
import pl.sciezka.api.familycase.MemberRegistered;
import pl.sciezka.api.familycase.TaskTeamMeetingHeld;
import pl.sciezka.api.network.InstitutionRegistered;
import pl.sciezka.api.network.OfferingListed;
import pl.sciezka.api.network.OfferingWithdrawn;
import pl.sciezka.api.personaldata.PersonalData;
import tools.jackson.databind.node.ObjectNode;

/** The export's policy decides about every component of every event, and drops all personal data. */
class ExportPolicyTest {

    private final ExportPolicy policy = new ExportPolicy((kind, id) -> kind + "-of-" + id);

    @Test
    void everyComponentOfEveryEventAndOfTheRecordsInsideIsClassified() {
        List<String> unclassified = new ArrayList<>();
        for (Class<?> record : exportedRecords()) {
            assertThat(ExportPolicy.covers(record)).as("%s has rules", record.getSimpleName()).isTrue();
            for (RecordComponent component : record.getRecordComponents()) {
                if (!ExportPolicy.RULES.get(record).containsKey(component.getName())) {
                    unclassified.add(record.getSimpleName() + "." + component.getName());
                }
            }
            assertThat(ExportPolicy.RULES.get(record).keySet()).as("rules of %s name only its components", record)
                    .allMatch(name -> List.of(record.getRecordComponents()).stream()
                            .anyMatch(component -> component.getName().equals(name)));
        }
        assertThat(unclassified).as("components the export policy does not decide about").isEmpty();
    }

    @Test
    void everyPersonalDataComponentIsDropped() {
        int personal = 0;
        for (Class<?> record : exportedRecords()) {
            for (RecordComponent component : record.getRecordComponents()) {
                if (component.isAnnotationPresent(PersonalData.class)) {
                    personal++;
                    assertThat(ExportPolicy.RULES.get(record).get(component.getName()))
                            .as("%s.%s", record.getSimpleName(), component.getName()).isEqualTo(ExportPolicy.Rule.DROP);
                }
            }
        }
        assertThat(personal).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aMemberKeepsGenerationAndBirthYearUnderAPseudonym() {
        ObjectNode payload = policy.payload(new MemberRegistered("c1", "m1", "Jan", "Nowak", 1985, Generation.PARENT,
                "ojciec", "85031401237"));
        assertThat(payload.toString()).isEqualTo(
                "{\"caseId\":\"case-of-c1\",\"memberId\":\"member-of-m1\",\"birthYear\":1985,\"generation\":\"PARENT\"}");
    }

    @Test
    void aMeetingKeepsItsShapeAndStaffPseudonymsButNoNamesOrText() {
        ObjectNode payload = policy.payload(new TaskTeamMeetingHeld("c1", "meet-1", LocalDate.of(2026, 3, 1),
                List.of(new MeetingParticipant("Anna Kowalska", "MOPS", "koordynator", "anna"),
                        new MeetingParticipant("Jan Nowak", "rodzina Nowaków", "ojciec", null)),
                List.of(new MeetingDecision("Jan do poradni", "Anna Kowalska", LocalDate.of(2026, 3, 15)))));
        assertThat(payload.toString()).isEqualTo("{\"caseId\":\"case-of-c1\",\"meetingId\":\"meet-1\","
                + "\"heldOn\":\"2026-03-01\",\"participants\":[{\"userId\":\"user-of-anna\"},{\"userId\":null}],"
                + "\"decisions\":[{\"dueBy\":\"2026-03-15\"}]}");
    }

    @Test
    void networkEventsKeepTheCatalogueAndPseudonymiseStaff() {
        assertThat(policy.payload(new InstitutionRegistered("i1", "PUP", pl.sciezka.api.network.InstitutionKind.LABOUR_OFFICE,
                List.of("pup"))).toString())
                .isEqualTo("{\"institutionId\":\"i1\",\"name\":\"PUP\",\"kind\":\"LABOUR_OFFICE\",\"staffUserIds\":[\"user-of-pup\"]}");
        assertThat(policy.payload(new OfferingWithdrawn("o1", "i1", "the director, Jan Nowak, said so")).toString())
                .isEqualTo("{\"offeringId\":\"o1\",\"institutionId\":\"i1\"}");
        assertThat(policy.payload(new OfferingListed("o1", "i1", pl.sciezka.api.network.OfferingCategory.HEALTH, "Terapia",
                "session", new BigDecimal("120.50"), 10)).get("unitCost").decimalValue()).isEqualByComparingTo("120.50");
    }

    @Test
    void setsAreWrittenInTheOrderOfTheirCodeList() {
        ObjectNode payload = policy.payload(new pl.sciezka.api.familycase.OutcomeMeasured("c1", "m1", 1,
                pl.sciezka.api.familycase.Horizon.EXIT, LocalDate.of(2026, 3, 1), null,
                List.of(new pl.sciezka.api.familycase.MemberIndicators("p1", null, null, null, Set.of(
                        pl.sciezka.api.familycase.ProblemArea.ADDICTION, pl.sciezka.api.familycase.ProblemArea.POVERTY,
                        pl.sciezka.api.familycase.ProblemArea.UNEMPLOYMENT))), null));
        assertThat(payload.at("/members/0/openProblemAreas").toString())
                .isEqualTo("[\"POVERTY\",\"UNEMPLOYMENT\",\"ADDICTION\"]");
    }

    @Test
    void aTypeWithoutRulesIsWithheldWhole() {
        record Unknown(String name) {
        }
        assertThat(policy.payload(new Unknown("Jan Nowak"))).isNull();
    }

    /** Every event of a family case and of the network, and every record type inside them. */
    private static Set<Class<?>> exportedRecords() {
        Deque<Class<?>> toVisit = new ArrayDeque<>(List.of(FamilyCaseEvent.class.getPermittedSubclasses()));
        toVisit.addAll(List.of(InstitutionRegistered.class, OfferingListed.class, OfferingWithdrawn.class));
        Set<Class<?>> records = new LinkedHashSet<>();
        while (!toVisit.isEmpty()) {
            Class<?> record = toVisit.pop();
            if (!records.add(record)) {
                continue;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                for (Class<?> type : typesIn(component.getGenericType())) {
                    if (type.isRecord()) {
                        toVisit.add(type);
                    }
                }
            }
        }
        return records;
    }

    private static List<Class<?>> typesIn(Type type) {
        List<Class<?>> types = new ArrayList<>();
        if (type instanceof Class<?> plain) {
            types.add(plain);
        } else if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                types.addAll(typesIn(argument));
            }
        }
        return types;
    }
}
