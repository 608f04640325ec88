package pl.sciezka.api.familycase;

/** Someone at a task-team meeting; staff of the centre carry their user id. */
public record MeetingParticipant(String name, String institution, String role, String userId) {
}
