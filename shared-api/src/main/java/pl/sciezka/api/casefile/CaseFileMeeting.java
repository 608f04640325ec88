package pl.sciezka.api.casefile;

import java.time.LocalDate;
import java.util.List;
import pl.sciezka.api.familycase.MeetingDecision;
import pl.sciezka.api.familycase.MeetingParticipant;

/** A task-team meeting. */
public record CaseFileMeeting(String meetingId,
                              LocalDate heldOn,
                              List<MeetingParticipant> participants,
                              List<MeetingDecision> decisions,
                              String recordedBy) {
}
