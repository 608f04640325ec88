package pl.sciezka.service.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sql.DataSource;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import pl.sciezka.platform.security.jwt.TokenMinter;

/**
 * Axon Server cannot be run here, so this checks what can be: with profile {@code axonserver} the
 * command-side service assembles with Axon Server as event store and command bus, no JDBC, no
 * MongoDB, no projection, and nothing of the query side.
 */
class CommandServiceAxonServerTest {

    @Test
    void assemblesWithAxonServerAndWithoutReadModels() throws Exception {
        SpringApplication application = new SpringApplication(CommandSideApplication.class);
        application.setAdditionalProfiles("axonserver");
        Path publicKey = Files.writeString(Files.createTempFile("jwt", ".pub"),
                TokenMinter.publicKeyPem(TokenMinter.newRsaKeyPair().getPublic()));
        try (ConfigurableApplicationContext context = application.run("--server.port=0",
                "--axon.axonserver.servers=127.0.0.1:1",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey)) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
            assertThat(context.getBeansOfType(MongoClient.class)).isEmpty();
            assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessors().keySet())
                    .noneMatch(name -> name.equals("caseload") || name.equals("case-file"));
            assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context::getType))
                    .noneMatch(type -> type != null && type.getPackageName().startsWith("pl.sciezka.query"));
        }
    }
}
