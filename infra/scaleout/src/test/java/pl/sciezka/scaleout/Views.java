package pl.sciezka.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The views, read through the proxy, against what the events in PostgreSQL imply. */
final class Views {

    private Views() {
    }

    record Checked(int caseFiles, long timelineEntries, int caseloadEntries, long members) {
    }

    /** Every view, read through the proxy, as the events in PostgreSQL imply it. */
    static Checked matchHistory(Api api, History history, Map<String, String> coordinatorOfCase) {
        Map<String, Long> members = history.membersPerCase();
        long timelineEntries = 0;
        for (String caseId : coordinatorOfCase.keySet()) {
            long events = history.eventsOf(caseId);
            assertThat(api.get("celina", "/api/cases/" + caseId).expect(200).json().get("version").asLong())
                    .as("version of case file %s", caseId).isEqualTo(events - 1);
            JsonNode entries = api.get("celina", "/api/cases/" + caseId + "/timeline").expect(200).json().get("entries");
            Set<String> eventIds = new HashSet<>();
            entries.forEach(entry -> eventIds.add(entry.get("eventId").asString()));
            assertThat(entries.size()).as("timeline entries of %s", caseId).isEqualTo(events);
            assertThat(eventIds).as("distinct events in the timeline of %s", caseId).hasSize((int) events);
            timelineEntries += events;
        }
        int caseloadEntries = 0;
        long membersSeen = 0;
        for (String coordinator : List.of("anna", "bartek")) {
            JsonNode caseload = api.get("celina", "/api/caseload?coordinatorId=" + coordinator).expect(200).json().get("cases");
            Set<String> listed = new HashSet<>();
            for (JsonNode entry : caseload) {
                String caseId = entry.get("caseId").asString();
                listed.add(caseId);
                long generations = 0;
                for (JsonNode count : entry.get("membersPerGeneration")) {
                    generations += count.asLong();
                }
                assertThat(generations).as("members of %s in the caseload", caseId).isEqualTo(members.getOrDefault(caseId, 0L));
                membersSeen += generations;
            }
            assertThat(listed).as("caseload of %s", coordinator).isEqualTo(casesOf(coordinator, coordinatorOfCase));
            caseloadEntries += listed.size();
        }
        return new Checked(coordinatorOfCase.size(), timelineEntries, caseloadEntries, membersSeen);
    }

    private static Set<String> casesOf(String coordinator, Map<String, String> coordinatorOfCase) {
        Set<String> cases = new HashSet<>();
        coordinatorOfCase.forEach((caseId, owner) -> {
            if (owner.equals(coordinator)) {
                cases.add(caseId);
            }
        });
        return cases;
    }
}
