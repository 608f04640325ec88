package pl.sciezka.query.pseudonyms;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import pl.sciezka.api.familycase.FamilyCaseOpened;
import pl.sciezka.query.projection.ReadModelWriter;

/**
 * Keeps the index from pseudonym to case ({@code case_pseudonyms}) that {@link CasePseudonyms} reads:
 * evaluators never see real case ids, so every view they may open takes the pseudonym. Saving by
 * pseudonym is idempotent.
 */
@Component
@ProcessingGroup(PseudonymDirectory.NAME)
public class PseudonymDirectory {

    static final String NAME = "pseudonyms";

    private final ReadModelWriter writer;
    private final MongoTemplate mongo;
    private final Pseudonyms pseudonyms;

    PseudonymDirectory(ReadModelWriter writer, MongoTemplate mongo, Pseudonyms pseudonyms) {
        this.writer = writer;
        this.mongo = mongo;
        this.pseudonyms = pseudonyms;
    }

    @EventHandler
    void on(FamilyCaseOpened opened) {
        writer.save(new CasePseudonym(pseudonyms.of("case", opened.caseId()), opened.caseId()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CasePseudonym.class);
    }
}
