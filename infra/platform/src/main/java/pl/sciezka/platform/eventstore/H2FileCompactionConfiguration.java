package pl.sciezka.platform.eventstore;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/**
 * {@link H2FileCompaction} for the embedded default's event store; it does nothing on PostgreSQL.
 * {@code sciezka.event-store.h2-compaction.interval=0} switches it off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(name = "org.h2.mvstore.MVStore")
public class H2FileCompactionConfiguration {

    @Bean
    @ConditionalOnBean(DataSource.class)
    H2FileCompaction h2FileCompaction(DataSource dataSource,
                                      @Value("${sciezka.event-store.h2-compaction.interval:1s}") Duration interval,
                                      @Value("${sciezka.event-store.h2-compaction.bytes-per-interval:1MB}") DataSize bytes) {
        return new H2FileCompaction(dataSource, interval, (int) bytes.toBytes());
    }
}
