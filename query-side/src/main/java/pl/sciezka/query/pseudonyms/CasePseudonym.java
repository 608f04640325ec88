package pl.sciezka.query.pseudonyms;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Finds a case by the pseudonym an evaluator knows it by. */
@Document("case_pseudonyms")
public record CasePseudonym(@Id String pseudonym, String caseId) {
}
