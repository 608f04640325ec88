package pl.sciezka.query.pseudonyms;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.familycase.FamilyCaseOpened;

/**
 * Finds a case by the pseudonym an evaluator knows it by: evaluators never see real case ids, so
 * every view they may open takes the pseudonym. Saving by pseudonym is idempotent.
 */
@Component
@ProcessingGroup(PseudonymDirectory.NAME)
public class PseudonymDirectory {

    static final String NAME = "pseudonyms";

    private final MongoTemplate mongo;
    private final Pseudonyms pseudonyms;

    PseudonymDirectory(MongoTemplate mongo, Pseudonyms pseudonyms) {
        this.mongo = mongo;
        this.pseudonyms = pseudonyms;
    }

    @EventHandler
    void on(FamilyCaseOpened opened) {
        mongo.save(new CasePseudonym(pseudonyms.of("case", opened.caseId()), opened.caseId()));
    }

    public Optional<String> caseOf(String pseudonym) {
        return Optional.ofNullable(mongo.findById(pseudonym, CasePseudonym.class)).map(CasePseudonym::caseId);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CasePseudonym.class);
    }
}
