package pl.sciezka.api.familycase;

import java.time.LocalDate;

/** A decision of a task team, with who is responsible and by when. */
public record MeetingDecision(String text, String responsible, LocalDate dueBy) {
}
