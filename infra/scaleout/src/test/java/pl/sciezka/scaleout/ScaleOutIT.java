package pl.sciezka.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The production shape on one machine: two command-side and two query-side services, each a process
 * from its packaged jar, on one PostgreSQL (binaries from Maven Central) and one MongoDB wire server,
 * every request of the test through nginx with two servers per upstream. Writes land on both command
 * instances and a race on one case across them loses or doubles nothing; the query instances split
 * every projection's segments; one of them is SIGKILLed while events stream in, and the survivor
 * completes the views exactly as if every event had been applied once.
 */
class ScaleOutIT {

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final int SEGMENTS = 16; // Axon's pooled processor splits each projection into 16

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    @Test
    void writesOnBothCommandInstancesAndQueryInstancesSharingAndTakingOverTheViews() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "scaleout-" + System.currentTimeMillis())).toAbsolutePath();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        running.push(postgres);

        List<String> shared = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password="));
        shared.addAll(Users.serviceArguments(dir));
        List<String> queryArguments = new ArrayList<>(shared);
        queryArguments.addAll(mongoArguments());
        List<ServiceProcess> commandSide = List.of(
                started(ServiceProcess.start("command-1", "sciezka.command.jar", dir, shared)),
                started(ServiceProcess.start("command-2", "sciezka.command.jar", dir, shared)));
        List<ServiceProcess> querySide = List.of(
                started(ServiceProcess.start("query-1", "sciezka.query.jar", dir, queryArguments)),
                started(ServiceProcess.start("query-2", "sciezka.query.jar", dir, queryArguments)));
        for (ServiceProcess instance : concat(commandSide, querySide)) {
            instance.awaitHealthy(STARTUP);
        }
        Proxy proxy = Proxy.start(dir, commandSide, querySide);
        running.push(proxy);
        Api api = new Api(proxy.port(), Users::authorization);
        History history = new History(postgres.getPostgresDatabase());
        Writes writes = new Writes(api);

        proxyKeepsOneApi(api, proxy.port());
        List<String> cases = writes.openCasesWithMembers(12);
        RaceOnOneCase race = RaceOnOneCase.run(api, writes, history);
        for (ServiceProcess instance : commandSide) {
            assertThat(Reports.postsAnsweredBy(instance)).as("writes reaching %s", instance.name()).isPositive();
        }

        Map<String, List<Integer>> split = awaitSegmentsSplit(querySide);
        rebuildWhileBothRun(api, history, writes, querySide);
        TakeOver takeOver = killOneQueryInstanceMidStream(writes, cases, querySide.get(1));
        awaitAllSegmentsOn(querySide.get(0));
        Views.Checked checked = Eventually.within(Duration.ofSeconds(90), () -> Views.matchHistory(api, history, writes.coordinatorOfCase()));

        assertThat(history.events()).as("events stored for the acknowledged writes").isEqualTo(writes.acknowledged());
        // the views' checks above read every case as a supervisor, and the read audit (in PostgreSQL) has them
        JsonNode audited = api.get("celina", "/api/audit/reads?actor=celina&caseId=" + cases.get(0)).expect(200).json();
        assertThat(audited.get("reads").valueStream().map(read -> read.get("kind").asString() + " " + read.get("outcome").asString()))
                .contains("CASE_FILE SHOWN", "TIMELINE SHOWN");
        System.out.printf("Scale-out: %d acknowledged writes = %d events in PostgreSQL (%d through command-1, %d through"
                        + " command-2); race on one case: %d diagnoses succeeded, %d refused 409, and of %d writes with one"
                        + " If-Match %d succeeded, %d refused 412, 4 repeats of one Idempotency-Key stored once;"
                        + " segments per projection [query-1, query-2] %s; query-2 killed holding %d segments after %d writes, %d written after; the survivor's views: %d case files"
                        + " at their version, %d timeline entries, none twice, %d caseload entries with %d members%n",
                writes.acknowledged(), history.events(), Reports.postsAnsweredBy(commandSide.get(0)),
                Reports.postsAnsweredBy(commandSide.get(1)), race.succeeded(), race.conflicts(), race.conditional(),
                race.conditionalSucceeded(), race.preconditionFailed(), split, takeOver.segmentsHeld,
                takeOver.writesBefore, takeOver.writesAfter, checked.caseFiles(), checked.timelineEntries(),
                checked.caseloadEntries(), checked.members());
    }

    /**
     * A real MongoDB when {@code SCIEZKA_TEST_MONGODB_URI} names one (with a database of this run's own),
     * as for every other Mongo-touching test; otherwise one wire server in this JVM.
     */
    private List<String> mongoArguments() throws Exception {
        String real = System.getenv("SCIEZKA_TEST_MONGODB_URI");
        if (real == null || real.isBlank()) {
            real = System.getProperty("SCIEZKA_TEST_MONGODB_URI", "");
        }
        if (!real.isBlank()) {
            return List.of("--spring.mongodb.uri=" + real, "--spring.mongodb.database=sciezka_scaleout_" + System.currentTimeMillis());
        }
        MongoServer mongo = new MongoServer(new MemoryBackend());
        int port = ServiceProcess.freePort();
        mongo.bind("127.0.0.1", port);
        running.push(mongo::shutdownNow);
        return List.of("--spring.mongodb.uri=mongodb://127.0.0.1:" + port);
    }

    private ServiceProcess started(ServiceProcess instance) {
        running.push(instance);
        return instance;
    }

    /**
     * Reads and writes are described by the side that serves them; actuators are the instances' own;
     * Basic credentials, even a demo user's, are refused by both sides.
     */
    private static void proxyKeepsOneApi(Api api, int proxyPort) {
        Api basic = new Api(proxyPort, user -> "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        basic.get("anna", "/api/caseload").expect(401);
        basic.post("anna", "/api/cases", Map.of("familyName", "Nowak", "district", "Wilchwy")).expect(401);
        JsonNode reads = api.get(null, "/v3/api-docs").expect(200).json().get("paths");
        JsonNode writes = api.get(null, "/v3/api-docs/writes").expect(200).json().get("paths");
        assertThat(reads.has("/api/caseload")).isTrue();
        assertThat(reads.has("/api/cases")).isFalse();
        assertThat(writes.has("/api/cases")).isTrue();
        assertThat(writes.has("/api/caseload")).isFalse();
        assertThat(api.get(null, "/v3/api-docs/swagger-config").expect(200).json().get("urls").findValuesAsString("url"))
                .containsExactly("/v3/api-docs", "/v3/api-docs/writes");
        assertThat(api.get(null, "/actuator/health").expect(404).json().get("type").asString())
                .isEqualTo("urn:sciezka:problem:not-found");
    }

    /** Waits until both query instances hold segments of every projection, and together all of them. */
    private Map<String, List<Integer>> awaitSegmentsSplit(List<ServiceProcess> querySide) throws Exception {
        return Eventually.within(Duration.ofSeconds(90), () -> {
            Map<String, Integer> first = Reports.segmentsHeld(querySide.get(0));
            Map<String, Integer> second = Reports.segmentsHeld(querySide.get(1));
            assertThat(first.keySet()).isNotEmpty().isEqualTo(second.keySet());
            Map<String, List<Integer>> split = new java.util.TreeMap<>();
            first.forEach((projection, held) -> {
                assertThat(held).as("%s on query-1", projection).isPositive();
                assertThat(second.get(projection)).as("%s on query-2", projection).isPositive();
                assertThat(held + second.get(projection)).as("%s segments in all", projection).isEqualTo(SEGMENTS);
                split.put(projection, List.of(held, second.get(projection)));
            });
            return split;
        });
    }

    /**
     * A rebuild asked of whichever query instance the proxy picks stops the projection on both, replays
     * it once, and both share its segments again; the views end as the history implies. A rebuild asked
     * of both instances at once is taken by one and refused by the other, so one pass writes the view.
     */
    private void rebuildWhileBothRun(Api api, History history, Writes writes, List<ServiceProcess> querySide)
            throws Exception {
        api.post("admin", "/api/admin/projections/caseload/rebuild", Map.of()).expect(202);
        List<CompletableFuture<Api.Response>> both = querySide.stream().map(instance -> CompletableFuture.supplyAsync(() ->
                new Api(instance.port(), Users::authorization).post("admin", "/api/admin/projections/timeline/rebuild", Map.of())))
                .toList();
        List<Api.Response> answers = both.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(202, 409);
        assertThat(answers).filteredOn(answer -> answer.status() == 409).singleElement()
                .satisfies(refused -> assertThat(refused.header("Content-Type")).startsWith("application/problem+json"));
        awaitSegmentsSplit(querySide);
        Eventually.within(Duration.ofSeconds(90), () -> Views.matchHistory(api, history, writes.coordinatorOfCase()));
    }

    private record TakeOver(int segmentsHeld, long writesBefore, long writesAfter) {
    }

    /** Writers go on through the proxy while query-2 is SIGKILLed holding its segments. */
    private TakeOver killOneQueryInstanceMidStream(Writes writes, List<String> cases, ServiceProcess victim) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        for (int writer = 0; writer < 2; writer++) {
            int own = writer;
            writers.submit(() -> {
                try {
                    for (int round = 0; !stop.get(); round++) {
                        String caseId = cases.get((2 * round + own) % cases.size()); // writers never share a case
                        if (round % 5 == 4) {
                            String coordinator = writes.coordinatorOfCase().get(caseId);
                            writes.registerMember(coordinator, writes.openCase(coordinator), "CHILD", 2012);
                            written.addAndGet(2);
                        } else {
                            writes.diagnose(caseId);
                            written.incrementAndGet();
                        }
                    }
                } catch (Throwable failure) {
                    failures.add(failure);
                }
            });
        }
        awaitWritten(written, 30, failures);
        int held = Reports.segmentsHeld(victim).values().stream().mapToInt(Integer::intValue).sum();
        long before = written.get();
        victim.kill();
        awaitWritten(written, before + 40, failures);
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        assertThat(held).as("segments query-2 held when killed").isPositive();
        return new TakeOver(held, before, written.get() - before);
    }

    private static void awaitWritten(AtomicLong written, long target, List<Throwable> failures) throws InterruptedException {
        while (written.get() < target && failures.isEmpty()) {
            Thread.sleep(50);
        }
        assertThat(failures).isEmpty();
    }

    private void awaitAllSegmentsOn(ServiceProcess survivor) throws Exception {
        Eventually.within(Duration.ofSeconds(90), () -> {
            assertThat(Reports.segmentsHeld(survivor).values()).allMatch(held -> held == SEGMENTS);
            return null;
        });
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    @AfterEach
    void stopEverything() throws Exception {
        while (!running.isEmpty()) {
            running.pop().close();
        }
    }
}
