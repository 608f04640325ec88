package pl.sciezka.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import pl.sciezka.bench.client.Api;
import tools.jackson.databind.JsonNode;

/**
 * Drives the bench extension's synthetic generator: closed families' histories spread over twenty
 * caseworkers (anna, bartek and eighteen more), as a centre with a fixed staff accumulates them over
 * the years, and long open cases.
 */
public final class SyntheticData {

    public static final List<String> COORDINATORS = Stream.concat(Stream.of("anna", "bartek"),
            IntStream.rangeClosed(1, 18).mapToObj(i -> String.format("cw-%02d", i))).toList();

    private final Api api;
    private final SupportNetwork network;
    private long seed = 1;

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

    /** Appends closed families of at least {@code events} events in all. */
    public Written families(long events) {
        long written = 0;
        long nanos = 0;
        List<String> sample = new ArrayList<>();
        while (written < events) {
            JsonNode part = api.post("admin", "/bench/synthetic/families?events="
                    + Math.min(EVENTS_PER_REQUEST, events - written) + "&seed=" + seed++
                    + "&coordinators=" + String.join(",", COORDINATORS)
                    + "&offerings=" + network.asSyntheticOffering(), "").expectOk().json();
            written += part.get("events").asLong();
            nanos += part.get("nanos").asLong();
            part.get("sampleCaseIds").valueStream().map(JsonNode::asString).forEach(sample::add);
        }
        return new Written(written, nanos / 1e9, sample);
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
