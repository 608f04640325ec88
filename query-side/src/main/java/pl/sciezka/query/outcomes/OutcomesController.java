package pl.sciezka.query.outcomes;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.Actor;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.outcomes.CaseOutcomes;
import pl.sciezka.api.outcomes.CohortGrouping;
import pl.sciezka.api.outcomes.Cohorts;
import pl.sciezka.api.outcomes.CycleDefinition;
import pl.sciezka.api.outcomes.FindCaseOutcomes;
import pl.sciezka.api.outcomes.FindCohorts;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.query.dispatch.QueryDispatcher;

/** Outcome views; the thresholds of the "cycle broken" definition are query parameters with the defaults of the model. */
@RestController
class OutcomesController {

    private final QueryDispatcher queries;

    OutcomesController(QueryDispatcher queries) {
        this.queries = queries;
    }

    @GetMapping("/api/outcomes/cases/{caseId}")
    CaseOutcomes caseOutcomes(@PathVariable String caseId,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(12) int maxMonthsOnAssistance,
                              @RequestParam(defaultValue = "1") @Min(0) @Max(10) int minWorkingParents,
                              @RequestParam(defaultValue = "0.8") @DecimalMin("0") @DecimalMax("1") double minSchoolAttendance,
                              Actor actor) {
        CycleDefinition definition = new CycleDefinition(maxMonthsOnAssistance, minWorkingParents, minSchoolAttendance);
        return queries.askOptional(new FindCaseOutcomes(caseId, actor, definition), CaseOutcomes.class)
                .orElseThrow(() -> RejectedException.of(ProblemType.NOT_FOUND, "No case with id " + caseId + "."));
    }

    @GetMapping("/api/outcomes/cohorts")
    Cohorts cohorts(@RequestParam(defaultValue = "ENROLMENT_YEAR") CohortGrouping groupBy,
                    @RequestParam(defaultValue = "FOLLOW_UP_12M") Horizon horizon,
                    @RequestParam(defaultValue = "false") boolean threeGenerationFamiliesOnly,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(12) int maxMonthsOnAssistance,
                    @RequestParam(defaultValue = "1") @Min(0) @Max(10) int minWorkingParents,
                    @RequestParam(defaultValue = "0.8") @DecimalMin("0") @DecimalMax("1") double minSchoolAttendance,
                    @RequestParam(defaultValue = "false") boolean recompute,
                    Actor actor) {
        CycleDefinition definition = new CycleDefinition(maxMonthsOnAssistance, minWorkingParents, minSchoolAttendance);
        return queries.ask(new FindCohorts(actor, groupBy, horizon, definition, threeGenerationFamiliesOnly, recompute),
                Cohorts.class);
    }
}
