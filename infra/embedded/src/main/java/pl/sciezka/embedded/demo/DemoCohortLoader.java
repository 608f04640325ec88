package pl.sciezka.embedded.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code --sciezka.demo.families=40 --sciezka.demo.seed=7}: once the server listens, writes a
 * synthetic cohort of Wilchwy families through the API, the same seed giving the same families.
 * Only into an empty event store, so a restart with the flag still set adds nothing.
 */
@Component
@ConditionalOnProperty(name = "sciezka.demo.families")
public class DemoCohortLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoCohortLoader.class);

    private final int families;
    private final long seed;
    private final Environment environment;
    private final ObjectProvider<JdbcTemplate> jdbc;

    DemoCohortLoader(@Value("${sciezka.demo.families}") int families, @Value("${sciezka.demo.seed:7}") long seed,
                     Environment environment, ObjectProvider<JdbcTemplate> jdbc) {
        this.families = families;
        this.seed = seed;
        this.environment = environment;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadIfEmpty() {
        JdbcTemplate events = jdbc.getIfAvailable();
        if (events == null) {
            log.warn("Demo cohort skipped: it needs the JDBC event store of the embedded default");
            return;
        }
        Long stored = events.queryForObject("select count(*) from domain_event_entry", Long.class);
        if (stored != null && stored > 0) {
            log.info("Demo cohort skipped: the event store already holds {} events", stored);
            return;
        }
        DemoApi api = new DemoApi(environment.getRequiredProperty("local.server.port", Integer.class));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Warsaw"));
        log.info("Loading a demo cohort of {} families (seed {})", families, seed);
        DemoNetwork network = DemoNetwork.register(api);
        for (int i = 0; i < families; i++) {
            new DemoFamily(api, network, seed, i, today).write();
        }
        log.info("Demo cohort loaded: {} families", families);
    }
}
