package pl.sciezka.bench.durability;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import pl.sciezka.bench.client.Api;
import pl.sciezka.bench.load.FamilyJourney;

/** Every write the clients sent, with its answer, or none when the application died before answering. */
final class WriteLog implements FamilyJourney.Listener {

    /** A write and its answer ({@code null}: unanswered), in the kill cycle it was sent in. */
    record Entry(FamilyJourney.Write write, Api.Response response, int cycle) {

        boolean acknowledged() {
            return response != null && response.ok();
        }

        boolean refused() {
            return response != null && !response.ok();
        }

        boolean unanswered() {
            return response == null;
        }

        /** The case written to: from the path, or for an opening from its answer. */
        String caseId() {
            String[] parts = write.path().split("/");
            return parts.length > 3 ? parts[3] : acknowledged() ? response.id() : null;
        }

        long version() {
            return response.json().get("version").asLong();
        }
    }

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private volatile int cycle;

    void cycle(int number) {
        cycle = number;
    }

    @Override
    public void exchanged(FamilyJourney.Write write, Api.Response response) {
        entries.add(new Entry(write, response, cycle));
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
