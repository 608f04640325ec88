package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.embedded.PersonalDataTestEvents.PersonRegistered;
import pl.sciezka.platform.personaldata.PersonalDataKeys;

/**
 * Axon Server cannot be run here, so this checks what can be: with profile {@code axonserver} the
 * application assembles with Axon Server as event store and message buses, no JDBC at all, and
 * tokens still beside the read models. The connector keeps trying to reach the server meanwhile.
 * Without a database there is no personal-data key store, so personal data cannot be stored yet.
 * The projections run as subscribing processors in this test only: a streaming processor asks the
 * event store for its first token when it starts, and there is no server here to answer.
 */
class AxonServerProfileTest {

    @Test
    void axonServerProfileRoutesEventsCommandsAndQueriesThroughAxonServer() throws Exception {
        SpringApplication application = new SpringApplication(SciezkaApplication.class);
        application.setAdditionalProfiles("axonserver");
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--sciezka.data-dir=" + Files.createTempDirectory("sciezka-axonserver"),
                "--axon.axonserver.servers=127.0.0.1:1"));
        everyProcessorOf("application.yml").forEach(name ->
                arguments.add("--axon.eventhandling.processors." + name + ".mode=subscribing"));
        try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
            assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
            assertThat(context.getBeansOfType(EventStorageEngine.class).values())
                    .noneMatch(engine -> engine.getClass().getSimpleName().startsWith("Jdbc"));
            // no database, so no key store: personal data is refused rather than sent to the server in plaintext
            assertThat(context.getBeansOfType(PersonalDataKeys.class)).isEmpty();
            assertThatThrownBy(() -> context.getBean("eventSerializer", Serializer.class).serialize(
                    new PersonRegistered("f", "p", "Janina", "Kowalska", null, 1985, Generation.PARENT), byte[].class))
                    .rootCause().hasMessageContaining("no personal-data key store");
        }
    }

    /** The processors the application declares, so each new projection is covered without editing this test. */
    private static List<String> everyProcessorOf(String resource) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(resource));
        String prefix = "axon.eventhandling.processors.";
        return yaml.getObject().stringPropertyNames().stream()
                .filter(key -> key.startsWith(prefix) && key.endsWith(".mode"))
                .map(key -> key.substring(prefix.length(), key.length() - ".mode".length()))
                .distinct().toList();
    }
}
