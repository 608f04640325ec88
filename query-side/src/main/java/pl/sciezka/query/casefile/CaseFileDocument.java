package pl.sciezka.query.casefile;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import pl.sciezka.api.casefile.CaseFile;

/** One document per case, looked up by its id. */
@Document("case_files")
record CaseFileDocument(@Id String caseId, CaseFile caseFile) {
}
