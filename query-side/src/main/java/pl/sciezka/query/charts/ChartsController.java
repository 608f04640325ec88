package pl.sciezka.query.charts;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.api.Actor;
import pl.sciezka.api.casefile.CaseFile;
import pl.sciezka.api.casefile.FindCaseFile;
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

/**
 * The outcome and case views as PNG pictures. The same queries as their JSON counterparts, so the
 * same people see them; the default "cycle broken" definition applies.
 */
@RestController
class ChartsController {

    private static final List<Horizon> AFTER_SUPPORT = List.of(Horizon.EXIT, Horizon.FOLLOW_UP_6M,
            Horizon.FOLLOW_UP_12M, Horizon.FOLLOW_UP_24M);
    private static final CycleDefinition DEFAULT = new CycleDefinition(0, 1, 0.8);

    private final QueryDispatcher queries;

    ChartsController(QueryDispatcher queries) {
        this.queries = queries;
    }

    @GetMapping(value = "/api/outcomes/cohorts/chart", produces = MediaType.IMAGE_PNG_VALUE)
    byte[] cohorts(@RequestParam(defaultValue = "SERVICE_DOSE") CohortGrouping groupBy,
                   @RequestParam(defaultValue = "false") boolean threeGenerationFamiliesOnly, Actor actor) {
        Map<Horizon, Cohorts> byHorizon = new EnumMap<>(Horizon.class);
        AFTER_SUPPORT.forEach(horizon -> byHorizon.put(horizon, queries.ask(
                new FindCohorts(actor, groupBy, horizon, DEFAULT, threeGenerationFamiliesOnly), Cohorts.class)));
        return Png.of(CohortChart.of(byHorizon));
    }

    @GetMapping(value = "/api/outcomes/cases/{caseId}/chart", produces = MediaType.IMAGE_PNG_VALUE)
    byte[] caseOutcomes(@PathVariable String caseId, Actor actor) {
        return Png.of(TrajectoryChart.of(queries.askOptional(new FindCaseOutcomes(caseId, actor, DEFAULT),
                CaseOutcomes.class).orElseThrow(() -> notFound(caseId))));
    }

    @GetMapping(value = "/api/cases/{caseId}/support-path/chart", produces = MediaType.IMAGE_PNG_VALUE)
    byte[] supportPath(@PathVariable String caseId, Actor actor) {
        return Png.of(SupportPathChart.of(queries.askOptional(new FindCaseFile(caseId, actor), CaseFile.class)
                .orElseThrow(() -> notFound(caseId))));
    }

    private static RejectedException notFound(String caseId) {
        return RejectedException.of(ProblemType.NOT_FOUND, "No case with id " + caseId + ".");
    }
}
