package pl.sciezka.api.familycase;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a task-team meeting (<i>zespół zadaniowy</i>) with its participants and decisions. */
public record RecordMeeting(@TargetAggregateIdentifier String caseId, String meetingId, LocalDate heldOn, List<MeetingParticipant> participants, List<MeetingDecision> decisions) {

    public RecordMeeting {
        participants = participants == null ? List.of() : List.copyOf(participants);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
}
