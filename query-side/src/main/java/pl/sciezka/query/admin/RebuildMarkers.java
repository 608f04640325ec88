package pl.sciezka.query.admin;

import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The projections whose rebuild has begun and not ended, kept beside their read models and tokens
 * (collection {@value #COLLECTION}: the projection as the id, since when). A reset is two writes, the
 * read model emptied and then the tokens, and the tokens alone cannot tell a reset cut short between
 * them from no reset at all. So a mark is stored before the reset and removed once the processor's
 * tokens say where to go on: the mark is acknowledged before the reset is sent, and what a crash takes
 * from the store (the embedded server's last commit, a MongoDB's unjournaled writes) is always the
 * newest writes, so a store that holds an emptied or partly rebuilt read model holds its mark too.
 */
@Component
public class RebuildMarkers {

    private static final String COLLECTION = "rebuilds_under_way";

    private final MongoTemplate mongo;

    RebuildMarkers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Before anything of the projection is reset. */
    public void mark(String projection) {
        mongo.upsert(byName(projection), Update.update("since", new Date()), COLLECTION);
    }

    /** Once its tokens say where its processor goes on. */
    public void clear(String projection) {
        mongo.remove(byName(projection), COLLECTION);
    }

    /** Whose rebuild has not ended: all of them, if this instance is the only one, were cut short. */
    public Set<String> marked() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(mark -> mark.getString("_id"))
                .collect(Collectors.toSet());
    }

    private static Query byName(String projection) {
        return Query.query(Criteria.where("_id").is(projection));
    }
}
