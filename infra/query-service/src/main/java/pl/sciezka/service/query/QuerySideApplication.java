package pl.sciezka.service.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import pl.sciezka.platform.launch.QuietAxon;

/**
 * The query side alone, one of any number of instances reading one event store (profile
 * {@code postgres}, the default, or {@code axonserver}) into one MongoDB. The instances split each
 * projection's segments through the token store in MongoDB, and take over a dead one's segments once
 * its claims time out.
 */
@SpringBootApplication(scanBasePackages = "pl.sciezka.query")
public class QuerySideApplication {

    public static void main(String[] args) {
        QuietAxon.byDefault();
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
