package pl.sciezka.command.familycase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import pl.sciezka.api.familycase.Employment;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.GoalStatus;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.Housing;
import pl.sciezka.api.familycase.ProblemArea;

/** Bodies of the writes on a case's members, plan, meetings and measurements, with their bounds. */
final class CaseRequests {

    private CaseRequests() {
    }

    record RegisterMember(@NotBlank @Size(max = 100) String firstName,
                          @NotBlank @Size(max = 100) String lastName,
                          @NotNull @Min(1900) @Max(2100) Integer birthYear,
                          @NotNull Generation generation,
                          @NotBlank @Size(max = 60) String relation,
                          @Size(max = 11) String pesel) {
    }

    record Goal(@Size(max = 64) String goalId,
                @NotNull ProblemArea area,
                @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> memberIds,
                @NotBlank @Size(max = 2000) String description,
                @NotNull LocalDate targetDate) {
    }

    record AgreeSupportPlan(@NotEmpty @Size(max = 50) List<@Valid @NotNull Goal> goals) {
    }

    record CloseGoal(@NotBlank @Size(max = 2000) String reason) {
    }

    record Participant(@NotBlank @Size(max = 200) String name,
                       @NotBlank @Size(max = 200) String institution,
                       @NotBlank @Size(max = 100) String role,
                       @Size(max = 64) String userId) {
    }

    record Decision(@NotBlank @Size(max = 2000) String text,
                    @NotBlank @Size(max = 200) String responsible,
                    @NotNull LocalDate dueBy) {
    }

    record RecordMeeting(@NotNull LocalDate heldOn,
                         @NotEmpty @Size(max = 50) List<@Valid @NotNull Participant> participants,
                         @Size(max = 50) List<@Valid @NotNull Decision> decisions) {
    }

    record Household(@NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal incomePerPerson,
                     @NotNull Boolean receivesSocialAssistance,
                     @NotNull @Min(0) @Max(12) Integer monthsOnAssistanceLast12,
                     Housing housing) {
    }

    record MemberMeasurement(@NotBlank @Size(max = 64) String memberId,
                             Employment employment,
                             Boolean inEducationOrTraining,
                             @DecimalMin("0.0") @DecimalMax("1.0") Double schoolAttendanceRate,
                             @Size(max = 15) Set<@NotNull ProblemArea> openProblemAreas) {
    }

    record RecordMeasurement(@NotNull Horizon horizon,
                             @NotNull LocalDate measuredOn,
                             @NotNull @Valid Household household,
                             @Size(max = 50) List<@Valid @NotNull MemberMeasurement> members,
                             @Size(max = 64) String correctsMeasurementId) {
    }

    /** Achieving or abandoning a goal: the status is in the path, the reason in the body. */
    static GoalStatus goalStatus(String outcome) {
        return "achievement".equals(outcome) ? GoalStatus.ACHIEVED : GoalStatus.ABANDONED;
    }
}
