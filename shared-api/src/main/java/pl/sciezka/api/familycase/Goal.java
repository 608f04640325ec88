package pl.sciezka.api.familycase;

import java.time.LocalDate;
import java.util.List;

/** One goal of the support plan (<i>kontrakt socjalny</i>): a problem area, the members it is for, and a target date. */
public record Goal(String goalId, ProblemArea area, List<String> memberIds, String description, LocalDate targetDate) {

    public Goal {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
