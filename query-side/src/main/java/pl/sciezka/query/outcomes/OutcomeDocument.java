package pl.sciezka.query.outcomes;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.api.familycase.ProblemArea;

/**
 * What outcome views need of one case, and nothing personal: members by generation and birth year,
 * grouping facts (district, enrolment year, problem areas, service dose) and the measurements in
 * force (a correction replaces what it corrects). {@code pseudonym} is how evaluators name the case.
 */
@Document("outcomes")
class OutcomeDocument {

    @Id
    String caseId;
    String pseudonym;
    String coordinatorId;
    String district;
    int enrolmentYear;
    Set<ProblemArea> problemAreas = EnumSet.noneOf(ProblemArea.class);
    Map<String, Member> members = new LinkedHashMap<>();
    int deliveries;
    BigDecimal unitsDelivered = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    Map<String, OutcomeMeasured> measurements = new LinkedHashMap<>();
    long version = -1;

    record Member(Generation generation, int birthYear) {
    }

    Set<Generation> generationsPresent() {
        Set<Generation> present = EnumSet.noneOf(Generation.class);
        members.values().forEach(member -> present.add(member.generation()));
        return present;
    }

    /** Rule 5: the programme is addressed to families with grandparents, parents and children. */
    boolean hasThreeGenerations() {
        return generationsPresent().equals(EnumSet.allOf(Generation.class));
    }
}
