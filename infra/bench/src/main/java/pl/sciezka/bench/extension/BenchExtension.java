package pl.sciezka.bench.extension;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What a benchmark run adds to the packaged application, and only then: the harness starts the jar
 * with this package on its class path and {@code --spring.main.sources=} naming this class. The
 * shipped jar never contains it, and nothing in the product refers to it.
 */
@Configuration(proxyBeanMethods = false)
@Import({BaselineController.class, GarbageCollectionController.class, CompilationController.class, RawEventController.class,
        StorageFloorController.class, SyntheticHistoryController.class})
public class BenchExtension {

    /** The value of {@code spring.main.sources} that loads this extension. */
    public static final String SOURCE = "pl.sciezka.bench.extension.BenchExtension";

    /** Static, as a post-processor must be, so that it does not pull this configuration in early. */
    @Bean
    static BeanPostProcessor syntheticCaseworkerLogins() {
        return new SyntheticCaseworkerLogins();
    }
}
