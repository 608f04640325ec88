package pl.sciezka.query.outcomes;

import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.Actor;
import pl.sciezka.api.Role;
import pl.sciezka.api.outcomes.CaseOutcomes;
import pl.sciezka.api.outcomes.Cohorts;
import pl.sciezka.api.outcomes.FindCaseOutcomes;
import pl.sciezka.api.outcomes.FindCohorts;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;
import pl.sciezka.query.pseudonyms.CasePseudonyms;

/**
 * Outcomes for the coordinator (own cases), supervisors and evaluators. Evaluators name and see a
 * case only by its pseudonym; nothing in these views is personal.
 */
@Component
class OutcomesQueryHandler {

    private final MongoTemplate mongo;
    private final CasePseudonyms casePseudonyms;

    OutcomesQueryHandler(MongoTemplate mongo, CasePseudonyms casePseudonyms) {
        this.mongo = mongo;
        this.casePseudonyms = casePseudonyms;
    }

    @QueryHandler
    Optional<CaseOutcomes> handle(FindCaseOutcomes query) {
        Actor viewer = query.viewer();
        Optional<OutcomeDocument> outcome;
        if (viewer.is(Role.EVALUATOR)) {
            outcome = casePseudonyms.caseIdOf(query.caseId()).map(caseId -> mongo.findById(caseId, OutcomeDocument.class));
        } else if (viewer.is(Role.SUPERVISOR) || viewer.is(Role.CASEWORKER)) {
            outcome = Optional.ofNullable(mongo.findById(query.caseId(), OutcomeDocument.class))
                    .filter(found -> viewer.is(Role.SUPERVISOR) || viewer.userId().equals(found.coordinatorId));
        } else {
            throw RejectedException.of(ProblemType.FORBIDDEN, "The " + viewer.role().labelEn() + " role may not read outcomes.");
        }
        return outcome.map(found -> new CaseOutcomes(viewer.is(Role.EVALUATOR) ? found.pseudonym : found.caseId,
                found.generationsPresent(), query.definition(), OutcomeIndicators.horizons(found, query.definition())));
    }

    /** Reads every family's outcome facts: verdicts depend on the definition the evaluator passes. */
    @QueryHandler
    Cohorts handle(FindCohorts query) {
        if (!query.viewer().is(Role.SUPERVISOR) && !query.viewer().is(Role.EVALUATOR)) {
            throw RejectedException.of(ProblemType.FORBIDDEN, "Only supervisors and evaluators compare cohorts.");
        }
        return new Cohorts(query.groupBy(), query.horizon(), query.definition(), query.threeGenerationFamiliesOnly(),
                CohortCalculation.groups(mongo.findAll(OutcomeDocument.class), query.groupBy(), query.horizon(),
                        query.definition(), query.threeGenerationFamiliesOnly()));
    }
}
