package pl.sciezka.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.codecs.configuration.CodecRegistries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pl.sciezka.platform.eventstore.EventFileFlush;
import pl.sciezka.platform.scheduling.BackgroundPriority;

/**
 * Read models and tracking tokens live in one MongoDB, so a projection and its position move
 * together. Without {@code spring.mongodb.uri} the embedded wire server is started; any
 * {@code mongodb://} URI switches to a real MongoDB with no code change.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"})
public class MongoConfiguration {

    @Bean
    TokenStore tokenStore(MongoClient client,
                          @Value("${spring.mongodb.database:sciezka}") String database,
                          Serializer serializer,
                          @Value("${sciezka.token-store.claim-timeout:PT10S}") Duration claimTimeout) {
        MongoTokenStore store = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, database)
                        .trackingTokensCollectionName("tracking_tokens")
                        .build())
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .build();
        // one token per processor and segment: without the unique index, two instances starting at once
        // would both create a processor's segments, and every event would be handled twice
        store.ensureIndexes();
        return store;
    }

    /** Documents written with their values' codecs looked up once per class ({@link DocumentEncoding}). */
    @Bean
    MongoClientSettingsBuilderCustomizer documentEncoding() {
        return settings -> settings.codecRegistry(CodecRegistries.fromRegistries(
                CodecRegistries.fromProviders(new DocumentEncoding.Provider()), MongoClientSettings.getDefaultCodecRegistry()));
    }

    @Bean
    MongoHealthIndicator mongoHealthIndicator(MongoClient client) {
        return new MongoHealthIndicator(client);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty() && '${spring.mongodb.host:}'.isEmpty()")
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedMongoServer embeddedMongoServer(@Value("${sciezka.data-dir:./data}") Path dataDir,
                                                ObjectProvider<BackgroundPriority> backgroundPriority,
                                                ObjectProvider<DataSource> eventStore) {
            DataSource events = eventStore.getIfAvailable();
            // its clients are mostly the projections: when they run in the background, so does the server
            return new EmbeddedMongoServer(dataDir.resolve("readmodels.mv"),
                    backgroundPriority.getIfAvailable(() -> BackgroundPriority.OFF),
                    events == null ? () -> { } : new EventFileFlush(events));
        }

        @Bean
        MongoConnectionDetails mongoConnectionDetails(EmbeddedMongoServer server) {
            ConnectionString connectionString = server.connectionString();
            return () -> connectionString;
        }
    }
}
