package pl.sciezka.query.outcomes;

import java.time.Instant;
import java.time.ZoneId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.familycase.CoordinatorReassigned;
import pl.sciezka.api.familycase.DiagnosedProblem;
import pl.sciezka.api.familycase.DiagnosisRecorded;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.api.familycase.MemberRegistered;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.api.familycase.ServiceDelivered;
import pl.sciezka.query.pseudonyms.Pseudonyms;

/** Keeps each case's outcome facts; an event the document has already seen (by sequence) is skipped. */
@Component
@ProcessingGroup(OutcomesProjection.NAME)
class OutcomesProjection {

    static final String NAME = "outcomes";
    private static final ZoneId CENTRE_ZONE = ZoneId.of("Europe/Warsaw");

    private final MongoTemplate mongo;
    private final Pseudonyms pseudonyms;

    OutcomesProjection(MongoTemplate mongo, Pseudonyms pseudonyms) {
        this.mongo = mongo;
        this.pseudonyms = pseudonyms;
    }

    @EventHandler
    void on(FamilyCaseEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OutcomeDocument outcome = mongo.findById(event.caseId(), OutcomeDocument.class);
        if (outcome == null) {
            outcome = new OutcomeDocument();
            outcome.caseId = event.caseId();
        }
        if (outcome.version >= sequence) {
            return;
        }
        if (event instanceof FamilyCaseOpened opened) {
            outcome.pseudonym = pseudonyms.of("case", opened.caseId());
            outcome.district = opened.district();
            outcome.coordinatorId = opened.coordinatorId();
            outcome.enrolmentYear = at.atZone(CENTRE_ZONE).getYear();
        } else if (event instanceof CoordinatorReassigned reassigned) {
            outcome.coordinatorId = reassigned.coordinatorId();
        } else if (event instanceof MemberRegistered member) {
            outcome.members.put(member.memberId(), new OutcomeDocument.Member(member.generation(), member.birthYear()));
        } else if (event instanceof DiagnosisRecorded diagnosis) {
            diagnosis.problems().stream().map(DiagnosedProblem::area).forEach(outcome.problemAreas::add);
        } else if (event instanceof ServiceDelivered delivered) {
            outcome.deliveries++;
            outcome.unitsDelivered = outcome.unitsDelivered.add(delivered.units());
            if (delivered.cost() != null) {
                outcome.cost = outcome.cost.add(delivered.cost());
            }
        } else if (event instanceof OutcomeMeasured measured) {
            if (measured.correctsMeasurementId() != null) {
                outcome.measurements.remove(measured.correctsMeasurementId());
            }
            outcome.measurements.put(measured.measurementId(), measured);
        }
        outcome.version = sequence;
        mongo.save(outcome);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OutcomeDocument.class);
    }
}
