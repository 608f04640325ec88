package pl.sciezka.bench.durability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import pl.sciezka.bench.client.Api;
import pl.sciezka.bench.durability.StoredEvents.Event;
import tools.jackson.databind.JsonNode;

/**
 * The promises a kill must not break, checked against the writes the clients logged: every
 * acknowledged write is in the store, once, where its answer said; nothing refused is stored;
 * an unanswered write is stored whole or not at all; nothing is stored that no client sent; and,
 * once the restarted application has caught up, the views show exactly what the store holds.
 */
final class Verification {

    /** Every cycle checks all writes so far again, so a promise broken once is listed once. */
    private final Set<String> violations = new LinkedHashSet<>();

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Answers how many unanswered writes turned out to be stored. */
    long store(List<WriteLog.Entry> log, StoredEvents store) {
        Map<String, List<Event>> byCorrelation = store.ofCases().filter(event -> event.correlationId() != null)
                .collect(Collectors.groupingBy(Event::correlationId));
        long unansweredStored = 0;
        Set<String> sent = new HashSet<>();
        for (WriteLog.Entry entry : log) {
            String correlationId = entry.write().correlationId();
            sent.add(correlationId);
            List<Event> stored = byCorrelation.getOrDefault(correlationId, List.of());
            if (entry.acknowledged()) {
                if (!entry.write().meantToSucceed()) {
                    violations.add(describe(entry) + " was meant to be refused, yet answered " + entry.response().status());
                }
                if (stored.size() != 1 || !stored.get(0).aggregateId().equals(entry.caseId())
                        || stored.get(0).sequence() != entry.version()) {
                    violations.add(describe(entry) + " acknowledged as version " + entry.version() + " of "
                            + entry.caseId() + ", but the store holds " + stored);
                }
            } else if (entry.refused()) {
                if (entry.write().meantToSucceed()) {
                    violations.add(describe(entry) + " was meant to succeed, yet answered " + entry.response().status()
                            + ": " + entry.response().body());
                }
                if (!stored.isEmpty()) {
                    violations.add(describe(entry) + " was refused, yet the store holds " + stored);
                }
            } else if (stored.size() > 1) {
                violations.add(describe(entry) + " went unanswered and is stored " + stored.size() + " times");
            } else if (stored.size() == 1) {
                unansweredStored++;
            }
        }
        store.ofCases().filter(event -> !sent.contains(event.correlationId()))
                .forEach(event -> violations.add("stored event " + event + " was sent by no client"));
        Map<String, List<Long>> sequences = new HashMap<>();
        store.ofCases().forEach(event -> sequences.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>())
                .add(event.sequence()));
        sequences.forEach((caseId, numbers) -> {
            for (int i = 0; i < numbers.size(); i++) {
                if (numbers.get(i) != i) {
                    violations.add("case " + caseId + " has events numbered " + numbers + ", not 0 to " + (numbers.size() - 1));
                    return;
                }
            }
        });
        return unansweredStored;
    }

    /**
     * Every case file at the store's last version, with every acknowledged id and readable names; caseloads
     * complete, each line in the status its case file shows.
     */
    void views(Api api, List<WriteLog.Entry> log, StoredEvents store) {
        Map<String, Long> versions = new HashMap<>();
        Map<String, String> coordinators = new HashMap<>();
        store.ofCases().forEach(event -> {
            versions.merge(event.aggregateId(), event.sequence(), Math::max);
            if (event.payloadType().endsWith(".FamilyCaseOpened")) {
                coordinators.put(event.aggregateId(), event.payload().get("coordinatorId").asString());
            }
        });
        Map<String, String> files = new HashMap<>();
        versions.forEach((caseId, version) -> {
            Api.Response file = api.get("celina", "/api/cases/" + caseId);
            if (!file.ok() || file.json().get("version").asLong() != version) {
                violations.add("case file " + caseId + " is not at the stored version " + version + ": "
                        + file.status() + " " + file.body());
                return;
            }
            files.put(caseId, file.body());
            for (JsonNode member : file.json().get("members")) {
                if (!member.path("firstName").isString() || member.get("firstName").asString().startsWith("[")) {
                    violations.add("case file " + caseId + " shows a member whose name cannot be read: " + member);
                }
            }
        });
        for (WriteLog.Entry entry : log) {
            if (entry.acknowledged() && !entry.write().kind().equals("acceptance") && files.containsKey(entry.caseId())
                    && !files.get(entry.caseId()).contains(entry.response().id())) {
                violations.add(describe(entry) + " acknowledged id " + entry.response().id() + " is not in its case file");
            }
        }
        for (String coordinator : Set.copyOf(coordinators.values())) {
            Set<String> listed = new HashSet<>();
            for (JsonNode line : api.get(coordinator, "/api/caseload").expectOk().json().get("cases")) {
                String caseId = line.get("caseId").asString();
                listed.add(caseId);
                String file = files.get(caseId);
                String fileStatus = file == null ? null : Api.JSON.readTree(file).at("/status/code").asString();
                if (!line.at("/status/code").asString().equals(fileStatus)) {
                    violations.add(coordinator + "'s caseload shows case " + caseId + " as " + line.get("status")
                            + ", its case file as " + fileStatus);
                }
            }
            Set<String> expected = coordinators.entrySet().stream().filter(entry -> entry.getValue().equals(coordinator))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            if (!listed.equals(expected)) {
                violations.add(coordinator + "'s caseload lists " + listed.size() + " cases, the store has "
                        + expected.size() + " for them");
            }
        }
    }

    private static String describe(WriteLog.Entry entry) {
        return "cycle " + entry.cycle() + ": " + entry.write().kind() + " " + entry.write().path()
                + " (" + entry.write().correlationId() + ")";
    }
}
