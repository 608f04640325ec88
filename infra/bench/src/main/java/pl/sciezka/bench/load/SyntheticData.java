package pl.sciezka.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import pl.sciezka.bench.client.Api;
import tools.jackson.databind.JsonNode;

/**
 * Drives the bench extension's synthetic generator: closed families' histories, and long open cases.
 * The history grows as a centre that grows does, by staff: each part goes to caseworkers taken on for
 * it (anna and bartek first), each with about {@link #EVENTS_PER_CASEWORKER} events of it over the past
 * five years. No caseworker's load grows with the store, so a caseworker's views answer the same at 10k
 * stored events as at 1M (a fixed staff of twenty, as before, gave anna 184 caseload entries at 1M
 * against about 45 at 10k, all within the same five years).
 */
public final class SyntheticData {

    /** The caseworkers who can log in (as the bench extension lets them) for a load of many clients. */
    public static final List<String> COORDINATORS = Stream.concat(Stream.of("anna", "bartek"),
            IntStream.rangeClosed(1, 18).mapToObj(i -> String.format("cw-%02d", i))).toList();

    /** About 25 families a year for five years, at some 32 events per closed family. */
    static final long EVENTS_PER_CASEWORKER = 4_000;

    private final Api api;
    private final SupportNetwork network;
    private long seed = 1;
    private int caseworkers;

    public SyntheticData(Api api, SupportNetwork network) {
        this.api = api;
        this.network = network;
    }

    /** What the generator wrote: how many events, in how many seconds of its own, and a sample of the cases. */
    public record Written(long events, double seconds, List<String> sampleCaseIds) {
    }

    /**
     * Requests are kept short (the client gives each a minute), so a million events go
     * as many requests of this many.
     */
    private static final long EVENTS_PER_REQUEST = 20_000;

    /** Appends closed families of at least {@code events} events in all, for caseworkers taken on for them. */
    public Written families(long events) {
        int hired = (int) Math.max(1, (events + EVENTS_PER_CASEWORKER - 1) / EVENTS_PER_CASEWORKER);
        List<String> coordinators = IntStream.range(caseworkers, caseworkers + hired)
                .mapToObj(SyntheticData::caseworker).toList();
        caseworkers += hired;
        long written = 0;
        long nanos = 0;
        List<String> sample = new ArrayList<>();
        while (written < events) {
            JsonNode part = api.post("admin", "/bench/synthetic/families?events="
                    + Math.min(EVENTS_PER_REQUEST, events - written) + "&seed=" + seed++
                    + "&coordinators=" + String.join(",", coordinators)
                    + "&offerings=" + network.asSyntheticOffering(), "").expectOk().json();
            written += part.get("events").asLong();
            nanos += part.get("nanos").asLong();
            part.get("sampleCaseIds").valueStream().map(JsonNode::asString).forEach(sample::add);
        }
        return new Written(written, nanos / 1e9, sample);
    }

    private static String caseworker(int index) {
        return index < 2 ? COORDINATORS.get(index) : String.format("staff-%04d", index);
    }

    /** One open case of anna's with {@code events} events; answers its id. */
    public String longCase(int events) {
        return api.post("admin", "/bench/synthetic/long-case?events=" + events + "&seed=" + seed++
                + "&coordinatorId=anna&offerings=" + network.asSyntheticOffering(), "")
                .expectOk().json().get("caseId").asString();
    }

    public long storedEvents() {
        return api.get("admin", "/bench/events/count").expectOk().json().get("events").asLong();
    }
}
