package pl.sciezka.service.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import pl.sciezka.platform.launch.QuietAxon;

/**
 * The command side alone, one of any number of instances on one event store (profile {@code postgres},
 * the default) or behind Axon Server (profile {@code axonserver}). Instances share nothing else: a race
 * on one case between two of them is decided by the event store, and lost ones are sent again.
 */
// no read models here, so no MongoDB: the command side needs only the event store
@SpringBootApplication(scanBasePackages = "pl.sciezka.command", excludeName = {
        "pl.sciezka.platform.mongo.MongoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration"})
public class CommandSideApplication {

    public static void main(String[] args) {
        QuietAxon.byDefault();
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
