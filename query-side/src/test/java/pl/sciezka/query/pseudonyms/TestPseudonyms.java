package pl.sciezka.query.pseudonyms;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Pseudonyms with a fixed secret, so that separate test databases give a case the same pseudonym. */
public final class TestPseudonyms {

    private TestPseudonyms() {
    }

    public static Pseudonyms of(MongoTemplate mongo) {
        return new Pseudonyms(mongo, "test-secret");
    }
}
