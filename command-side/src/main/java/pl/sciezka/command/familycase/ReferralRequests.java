package pl.sciezka.command.familycase;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import pl.sciezka.api.familycase.ReferralOutcome;

/** Bodies of the writes on referrals to the support network. */
final class ReferralRequests {

    private ReferralRequests() {
    }

    record Issue(@NotBlank @Size(max = 64) String offeringId,
                 @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> memberIds,
                 @Size(max = 64) String goalId,
                 @NotBlank @Size(max = 2000) String reason) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record Delivery(@NotNull LocalDate deliveredOn,
                    @NotNull @Positive @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal units,
                    @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> memberIds) {
    }

    record Completion(@NotNull ReferralOutcome outcome) {
    }
}
