package pl.sciezka.platform.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Pings MongoDB on the admin database. Boot's own indicator sends {@code hello} to the application
 * database, which the embedded wire server does not answer, so it would report a working store as
 * DOWN; {@code ping} is answered by the embedded server and by every real MongoDB alike.
 */
class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;

    MongoHealthIndicator(MongoClient client) {
        super("MongoDB health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.up().withDetail("ok", answer.get("ok"));
    }
}
