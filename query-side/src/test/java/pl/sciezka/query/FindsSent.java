package pl.sciezka.query;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;

/** The filters of the {@code find} commands a client sends to one collection, for {@link TestMongoDatabase}. */
public final class FindsSent implements CommandListener {

    private final String collection;
    private final List<String> filters = new CopyOnWriteArrayList<>();

    public FindsSent(String collection) {
        this.collection = collection;
    }

    @Override
    public void commandStarted(CommandStartedEvent started) {
        if (started.getCommandName().equals("find") && started.getCommand().getString("find").getValue().equals(collection)) {
            filters.add(started.getCommand().getDocument("filter", new BsonDocument()).toJson());
        }
    }

    /** The filters sent so far, in order. */
    public List<String> filters() {
        return List.copyOf(filters);
    }
}
