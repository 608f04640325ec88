package pl.sciezka.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class PerThreadIdentifierFactoryTest {

    @Test
    void axonFindsItThroughTheServiceLoader() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(PerThreadIdentifierFactory.class);
    }

    @Test
    void givesDistinctVersionFourUuidsFromManyThreads() {
        IdentifierFactory ids = new PerThreadIdentifierFactory();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 80_000).parallel().forEach(i -> seen.add(ids.generateIdentifier()));

        assertThat(seen).hasSize(80_000);
        List<UUID> sample = seen.stream().limit(1_000).map(UUID::fromString).toList();
        assertThat(sample).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(sample.stream().map(id -> id.toString().substring(0, 8)).distinct()).hasSizeGreaterThan(990);
    }
}
