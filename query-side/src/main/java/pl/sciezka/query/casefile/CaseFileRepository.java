package pl.sciezka.query.casefile;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CaseFileRepository extends MongoRepository<CaseFileDocument, String> {
}
