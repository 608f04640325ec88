package pl.sciezka.platform.mongo;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * On a replica set, a view or tracking token is acknowledged only once a majority of members has it
 * in its journal, so a failover cannot roll back a projection's work while its token stays ahead;
 * reads see only such majority-committed data. Production profiles set
 * {@code sciezka.mongodb.durable-writes=true}; the embedded wire server has no replicas to wait for.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnBooleanProperty("sciezka.mongodb.durable-writes")
public class DurableWritesConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer majorityJournaledWrites() {
        return settings -> settings
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .readConcern(ReadConcern.MAJORITY);
    }
}
