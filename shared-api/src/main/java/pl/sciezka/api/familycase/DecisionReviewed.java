package pl.sciezka.api.familycase;

/** A supervisor reviewed an earlier event of the case. */
public record DecisionReviewed(String caseId, String reviewId, String eventId, ReviewVerdict verdict, String comment) implements FamilyCaseEvent {
}
