package pl.sciezka.query.readaudit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The reads in MongoDB's {@code read_audit}, where there is no JDBC database (profile {@code axonserver});
 * everywhere else they were kept here before they moved to the database ({@link ReadAudit}).
 */
final class MongoReadRecords implements ReadRecords {

    private final MongoTemplate mongo;

    MongoReadRecords(MongoTemplate mongo) {
        this.mongo = mongo;
        // supervisors ask by case or by reader, newest first; Spring Boot creates no index by itself
        IndexOperations indexes = mongo.indexOps(ReadRecord.class);
        indexes.createIndex(new Index().named("by_case").on("caseId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        indexes.createIndex(new Index().named("by_actor").on("actor", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        indexes.createIndex(new Index().named("by_time").on("at", Sort.Direction.DESC));
    }

    @Override
    public void add(ReadRecord read) {
        mongo.insert(read);
    }

    @Override
    public Page page(Instant from, Instant to, String caseId, String actor, int page, int size) {
        Criteria criteria = Criteria.where("at").gte(from).lte(to);
        if (caseId != null) {
            criteria = criteria.and("caseId").is(caseId);
        }
        if (actor != null) {
            criteria = criteria.and("actor").is(actor);
        }
        long total = mongo.count(Query.query(criteria), ReadRecord.class);
        List<ReadRecord> reads = mongo.find(Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))
                .skip((long) page * size)
                .limit(size), ReadRecord.class);
        return new Page(reads, total);
    }
}
