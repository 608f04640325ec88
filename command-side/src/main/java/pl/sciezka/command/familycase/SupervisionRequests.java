package pl.sciezka.command.familycase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import pl.sciezka.api.familycase.ClosureReason;
import pl.sciezka.api.familycase.ReviewVerdict;

/** Bodies of closure, reopening, erasure, reassignment and reviews: decisions always say why. */
final class SupervisionRequests {

    private SupervisionRequests() {
    }

    record ClosureRequest(@NotNull ClosureReason reason,
                          @NotBlank @Size(max = 4000) String justification,
                          @Size(max = 4000) String openReferralsExplanation) {
    }

    record Comment(@NotBlank @Size(max = 4000) String comment) {
    }

    record Reason(@NotBlank @Size(max = 4000) String reason) {
    }

    record Reassignment(@NotBlank @Size(max = 64) String coordinatorId, @NotBlank @Size(max = 4000) String reason) {
    }

    record Review(@NotBlank @Size(max = 64) String eventId, @NotNull ReviewVerdict verdict,
                  @NotBlank @Size(max = 4000) String comment) {
    }
}
