package pl.sciezka.api.familycase;

import java.util.List;

/** A version of the support plan; a later version replaces the goals of an earlier one. */
public record SupportPlanAgreed(String caseId, int planVersion, List<Goal> goals) implements FamilyCaseEvent {

    public SupportPlanAgreed {
        goals = goals == null ? List.of() : List.copyOf(goals);
    }
}
