package pl.sciezka.embedded;

import java.nio.file.Path;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Points every application a test starts in this JVM at the MongoDB of {@link TestMongo#VARIABLE}
 * (read from the environment, a system property or an argument), unless the test names a MongoDB
 * itself. The database follows {@code sciezka.data-dir}, looked up when Mongo is configured, since a
 * {@code @DynamicPropertySource} sets it only after this runs. Registered in META-INF/spring.factories.
 */
public class TestMongoEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String uri = environment.getProperty(TestMongo.VARIABLE, TestMongo.uri().orElse(""));
        if (uri.isBlank() || !environment.getProperty("spring.mongodb.uri", "").isEmpty()) {
            return;
        }
        MutablePropertySources sources = environment.getPropertySources();
        PerDataDirectory mongo = new PerDataDirectory(uri, environment);
        if (sources.contains("commandLineArgs")) {
            sources.addAfter("commandLineArgs", mongo);
        } else {
            sources.addFirst(mongo);
        }
    }

    /** Holds the environment in a field: Boot expands a property source whose source is an environment. */
    private static final class PerDataDirectory extends PropertySource<String> {

        private final ConfigurableEnvironment environment;

        PerDataDirectory(String uri, ConfigurableEnvironment environment) {
            super("sciezkaTestMongo", uri);
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            return switch (name) {
                case "spring.mongodb.uri" -> source;
                case "spring.mongodb.database" ->
                        TestMongo.databaseFor(Path.of(environment.getProperty("sciezka.data-dir", "./data")));
                default -> null;
            };
        }
    }
}
