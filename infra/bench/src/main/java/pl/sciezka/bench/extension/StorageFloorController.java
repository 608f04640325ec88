package pl.sciezka.bench.extension;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pl.sciezka.platform.mongo.EmbeddedMongoServer;
import pl.sciezka.platform.scheduling.BackgroundPriority;

/**
 * The floor under a rebuild on the embedded default: how long the embedded MongoDB server, started afresh on a
 * file of its own in this JVM, takes just to store the read models the application holds now, sent as they are
 * stored (the driver's raw BSON, nothing mapped or computed), a thousand documents per insert, in a shuffled
 * order (a rebuild meets cases in the order of their events, not of their ids), until its last commit is written.
 * No rebuild can store those documents faster, whatever its projections do. It holds every document in memory
 * meanwhile (376.5 MB of BSON at 300,000 events, some 1.3 GB at a million: within the application's default heap).
 */
@RestController
@RequestMapping("/bench/read-models")
@PreAuthorize("hasRole('ADMIN')")
class StorageFloorController {

    /** The server's own and the processors' bookkeeping, which a rebuild does not write as read models. */
    private static final Set<String> NOT_READ_MODELS = Set.of("tracking_tokens", "rebuilds_under_way", "settings");
    private static final int PER_INSERT = 1000;

    record Stored(long documents, long bytes, long nanos, long cpuNanos) {
    }

    private final MongoTemplate mongo;

    StorageFloorController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostMapping("/store-again")
    Stored storeAgain() throws IOException {
        Map<String, List<RawBsonDocument>> collections = readModels(mongo.getDb());
        long documents = collections.values().stream().mapToLong(List::size).sum();
        long bytes = collections.values().stream().flatMap(List::stream)
                .mapToLong(document -> document.getByteBuffer().remaining()).sum();
        Path directory = Files.createTempDirectory("sciezka-storage-floor");
        try {
            long cpu = processCpuNanos();
            long started = System.nanoTime();
            try (EmbeddedMongoServer server = new EmbeddedMongoServer(directory.resolve("readmodels.mv"),
                    BackgroundPriority.OFF, () -> { });
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoDatabase database = client.getDatabase(mongo.getDb().getName());
                collections.forEach((name, all) -> {
                    MongoCollection<RawBsonDocument> collection = database.getCollection(name, RawBsonDocument.class);
                    for (int from = 0; from < all.size(); from += PER_INSERT) {
                        collection.insertMany(all.subList(from, Math.min(all.size(), from + PER_INSERT)),
                                new InsertManyOptions().ordered(false));
                    }
                });
            } // closing the server writes its last commit
            return new Stored(documents, bytes, System.nanoTime() - started, processCpuNanos() - cpu);
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Map<String, List<RawBsonDocument>> readModels(MongoDatabase database) {
        Map<String, List<RawBsonDocument>> collections = new LinkedHashMap<>();
        for (String name : database.listCollectionNames()) {
            if (name.startsWith("system.") || NOT_READ_MODELS.contains(name)) {
                continue;
            }
            // in batches: the embedded server answers a find without one in a single reply, over the driver's 48 MB
            List<RawBsonDocument> documents = database.getCollection(name, RawBsonDocument.class).find()
                    .batchSize(PER_INSERT).into(new ArrayList<>());
            Collections.shuffle(documents, new Random(name.hashCode()));
            collections.put(name, documents);
        }
        return collections;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
