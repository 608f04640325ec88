package pl.sciezka.query.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import pl.sciezka.api.MetadataKeys;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.DecisionReviewed;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.DiagnosisRecorded;
import pl.sciezka.api.familycase.DiagnosisSource;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.MemberRegistered;
import pl.sciezka.api.familycase.ProblemArea;
import pl.sciezka.api.familycase.ReferralAccepted;
import pl.sciezka.api.familycase.ReferralIssued;
import pl.sciezka.api.familycase.ReviewVerdict;
import pl.sciezka.api.familycase.ServiceDelivered;
import pl.sciezka.api.familycase.Severity;
import pl.sciezka.api.network.InstitutionKind;
import pl.sciezka.api.network.InstitutionRegistered;
import pl.sciezka.api.network.OfferingCategory;
import pl.sciezka.api.network.OfferingListed;

/**
 * Stored events of a small network and several families, interleaved as concurrent work leaves them:
 * members, diagnoses (decisions), referrals to one shared offering that are accepted and delivered,
 * a reviewed decision, a new coordinator. Built once, so every run sees the same ids and timestamps.
 */
public final class FamilyHistory {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private FamilyHistory() {
    }

    public static List<DomainEventMessage<?>> of(int families) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(message("Institution", "inst-1", 0, new InstitutionRegistered("inst-1", "PUP", InstitutionKind.LABOUR_OFFICE,
                List.of("pup")), events.size()));
        List<List<Object>> perCase = new ArrayList<>();
        for (int i = 0; i < families; i++) {
            String caseId = "case-" + i;
            String referral = caseId + "-ref";
            perCase.add(List.of(
                    new FamilyCaseOpened(caseId, "Rodzina" + i, i % 2 == 0 ? "Wilchwy" : "Radlin", "anna"),
                    new MemberRegistered(caseId, caseId + "-parent", "Jan", "Nowak", 1980, Generation.PARENT, "r", null),
                    new MemberRegistered(caseId, caseId + "-child", "Ola", "Nowak", 2015, Generation.CHILD, "r", null),
                    new DiagnosisRecorded(caseId, caseId + "-d", DiagnosisSource.TASK_TEAM, List.of(new DiagnosedProblem(
                            ProblemArea.POVERTY, List.of(caseId + "-parent"), Severity.HIGH, null)), "1"),
                    new ReferralIssued(caseId, referral, "off-1", "inst-1", List.of(caseId + "-parent"), null, "work",
                            new BigDecimal("40.00")),
                    new ReferralAccepted(caseId, referral),
                    new ServiceDelivered(caseId, referral, caseId + "-s1", LocalDate.of(2026, 3, 5), BigDecimal.ONE,
                            List.of(caseId + "-parent"), new BigDecimal("40.00")),
                    new ServiceDelivered(caseId, referral, caseId + "-s2", LocalDate.of(2026, 3, 6), new BigDecimal("2"),
                            List.of(caseId + "-parent"), new BigDecimal("80.00")),
                    new DecisionReviewed(caseId, caseId + "-review", eventId(caseId, 3), ReviewVerdict.QUERIED, "why?"),
                    new CoordinatorReassigned(caseId, "anna", "bartek", "leave")));
        }
        for (int sequence = 0; sequence < perCase.get(0).size(); sequence++) {
            if (sequence == 4) {
                // the offering is listed after the first referrals to it are issued
                events.add(message("Offering", "off-1", 0, new OfferingListed("off-1", "inst-1",
                        OfferingCategory.VOCATIONAL_ACTIVATION, "Staż", "hour", new BigDecimal("40.00"), 10), events.size()));
            }
            for (int i = 0; i < families; i++) {
                events.add(message("FamilyCase", "case-" + i, sequence, perCase.get(i).get(sequence), events.size()));
            }
        }
        return events;
    }

    private static String eventId(String aggregate, long sequence) {
        return aggregate + "/" + sequence;
    }

    private static DomainEventMessage<?> message(String type, String aggregate, long sequence, Object payload, int index) {
        return new GenericDomainEventMessage<>(type, aggregate, sequence, payload,
                Map.of(MetadataKeys.ACTOR_ID, "anna", MetadataKeys.ACTOR_ROLE, "COORDINATOR"),
                eventId(aggregate, sequence), START.plusSeconds(3600L * index));
    }
}
