package pl.sciezka.query.pseudonyms;

import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the case an evaluator names by its pseudonym. The index ({@code case_pseudonyms}: the
 * pseudonym as {@code _id}, the {@code caseId}) is kept by the {@link PseudonymDirectory}
 * projection, which gives every case its pseudonym when it is opened; this only reads it.
 */
@Component
public class CasePseudonyms {

    private static final String INDEX = "case_pseudonyms";

    private final MongoTemplate mongo;

    CasePseudonyms(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<String> caseIdOf(String pseudonym) {
        return Optional.ofNullable(mongo.findById(pseudonym, Document.class, INDEX))
                .map(entry -> entry.getString("caseId"));
    }
}
