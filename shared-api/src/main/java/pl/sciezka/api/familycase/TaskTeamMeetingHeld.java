package pl.sciezka.api.familycase;

import java.time.LocalDate;
import java.util.List;

/** A task team met about the family. */
public record TaskTeamMeetingHeld(String caseId, String meetingId, LocalDate heldOn, List<MeetingParticipant> participants, List<MeetingDecision> decisions) implements FamilyCaseEvent {

    public TaskTeamMeetingHeld {
        participants = participants == null ? List.of() : List.copyOf(participants);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
}
