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
 * (collection {@value #COLLECTION}: the projection as the id, since when). A mark is stored before the
 * reset empties the read model and removed once the processor's tokens say where to go on, so a file
 * or a database that holds an emptied read model, or one only partly rebuilt, holds the mark too: the
 * mark is acknowledged before the reset is sent, and what a crash takes from the store (the embedded
 * server's last commit, a MongoDB's unjournaled writes) is always the newest writes, never older ones. The reset itself is two
 * writes (the read model emptied, then the tokens), and the tokens alone cannot tell a reset cut short
 * between them from no reset at all.
 */
@Component
public class RebuildMarkers {

    static final String COLLECTION = "rebuilds_under_way";

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
