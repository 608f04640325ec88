package pl.sciezka.bench.durability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import pl.sciezka.bench.app.Application;
import pl.sciezka.bench.app.ProjectionStatus;
import pl.sciezka.bench.client.Api;
import pl.sciezka.bench.load.FamilyJourney;
import pl.sciezka.bench.load.SupportNetwork;
import pl.sciezka.bench.report.Report;

/**
 * Kill under load: {@code clients} clients send family journeys (with writes the rules refuse mixed
 * in), the application is killed with SIGKILL at a random moment, its store is checked as the kill
 * left it, it is started again on the same data, and once caught up its views are checked; all of it
 * {@code cycles} times in one run. Every second kill comes a second after a rebuild of every projection
 * was asked for, so it lands in the rebuild's pass (or just after it), and the views rebuilt after the
 * restart must show every acknowledged write too. See {@link Verification} for what is checked.
 */
public final class KillUnderLoad {

    /** How long before every second kill a rebuild of every projection is asked for: its pass is then mostly under way. */
    private static final Duration REBUILD_LEAD = Duration.ofSeconds(1);

    /**
     * Load lasts between {@code minLoad} and {@code maxLoad} before each kill, drawn with {@code seed}, counted
     * from the moment the clients have had twice as many answers as there are clients.
     */
    public record Settings(int cycles, int clients, Duration minLoad, Duration maxLoad, long seed) {
    }

    /** Counts over all cycles, and every broken promise. */
    public record Outcome(long sent, long acknowledged, long refused, long unanswered, long unansweredStored,
                          long storedEvents, List<String> violations) {
    }

    private KillUnderLoad() {
    }

    public static Outcome run(Application app, Settings settings, Report report) {
        Random random = new Random(settings.seed());
        report.section("Kill under load", "");
        report.line(settings.clients() + " clients, " + settings.cycles() + " SIGKILLs at random moments "
                + settings.minLoad().toMillis() / 1000.0 + "–" + settings.maxLoad().toMillis() / 1000.0
                + " s after the clients' first " + 2 * settings.clients() + " answers");
        Duration startup = app.start();
        String offeringId = SupportNetwork.create(app.api()).offeringId();
        WriteLog log = new WriteLog();
        Verification verification = new Verification();
        long unansweredStored = 0;
        StoredEvents store = null;
        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            log.cycle(cycle);
            int before = log.entries().size();
            long load = settings.minLoad().toMillis()
                    + (long) (random.nextDouble() * (settings.maxLoad().toMillis() - settings.minLoad().toMillis()));
            List<Thread> clients = startClients(app.port(), settings.clients(), offeringId, log, cycle);
            // every journey's second write is one the rules refuse: once twice as many writes as clients are
            // answered, refusals are among them however slow the machine, and the kill still comes at random
            awaitAnswers(log, before, 2 * settings.clients());
            String rebuild = "";
            if (cycle % 2 == 0) {
                // every second kill lands while a rebuild of every projection is under way, or just after it
                sleep(Math.max(0, load - REBUILD_LEAD.toMillis()));
                app.api().post("admin", "/api/admin/projections/rebuild", "").expectOk();
                sleep(REBUILD_LEAD.toMillis());
                rebuild = rebuildingAtTheKill(app);
            } else {
                sleep(load);
            }
            app.kill();
            join(clients);
            store = StoredEvents.read(app.dataDir());
            List<WriteLog.Entry> all = log.entries();
            unansweredStored = verification.store(all, store);
            Duration restart = app.start();
            Duration catchUp = new ProjectionStatus(app.api()).awaitCaughtUp(Duration.ofMinutes(10));
            verification.views(app.api(), all, store);
            List<WriteLog.Entry> these = all.subList(before, all.size());
            report.line(String.format("cycle %d: killed %.1f s after the first answers%s; %d writes: %d acknowledged, %d refused, %d unanswered;"
                            + " store %d events; restart %.1f s, views caught up %.1f s later",
                    cycle, load / 1000.0, rebuild, these.size(), these.stream().filter(WriteLog.Entry::acknowledged).count(),
                    these.stream().filter(WriteLog.Entry::refused).count(),
                    these.stream().filter(WriteLog.Entry::unanswered).count(), store.events().size(),
                    restart.toNanos() / 1e9, catchUp.toNanos() / 1e9));
        }
        List<WriteLog.Entry> all = log.entries();
        Outcome outcome = new Outcome(all.size(), all.stream().filter(WriteLog.Entry::acknowledged).count(),
                all.stream().filter(WriteLog.Entry::refused).count(), all.stream().filter(WriteLog.Entry::unanswered).count(),
                unansweredStored, store == null ? 0 : store.events().size(), verification.violations());
        // the promises are stated as kept only when no violation says otherwise
        report.line(String.format(outcome.violations().isEmpty()
                        ? "in all: %d writes sent, %d acknowledged and all of them stored and shown; %d refused"
                        + " (as the rules demand) and none stored; %d unanswered at a kill, of which %d stored whole and"
                        + " shown, the rest not at all; first start %.1f s; violations: %d"
                        : "in all: %d writes sent, %d acknowledged, %d refused, %d unanswered at a kill (%d of them stored);"
                        + " first start %.1f s; violations: %d, so not every promise was kept (listed below)",
                outcome.sent(), outcome.acknowledged(), outcome.refused(), outcome.unanswered(), outcome.unansweredStored(),
                startup.toNanos() / 1e9, outcome.violations().size()));
        outcome.violations().stream().limit(20).forEach(violation -> report.line("VIOLATION " + violation));
        return outcome;
    }

    /** What the status said just before the kill, e.g. ", 1 s after asking for a rebuild of every projection, 7 of them still replaying". */
    private static String rebuildingAtTheKill(Application app) {
        long replaying = app.api().get("admin", "/api/admin/projections").expectOk().json().valueStream()
                .filter(status -> status.get("replaying").asBoolean()).count();
        return String.format(", %.0f s after asking for a rebuild of every projection, %d of them still replaying",
                REBUILD_LEAD.toMillis() / 1000.0, replaying);
    }

    private static List<Thread> startClients(int port, int count, String offeringId, WriteLog log, int cycle) {
        List<Thread> clients = new ArrayList<>();
        for (int client = 0; client < count; client++) {
            String coordinator = client % 2 == 0 ? "anna" : "bartek";
            String name = "kill-" + cycle + "-" + client;
            Thread thread = new Thread(() -> {
                FamilyJourney journey = new FamilyJourney(new Api(port), FamilyJourney.Target.PRODUCT, coordinator,
                        offeringId, true, log);
                try {
                    for (int family = 0; ; family++) {
                        journey.run("Rodzina " + name + "-" + family);
                    }
                } catch (RuntimeException killed) {
                    // the application died under this client: what it sent is in the log
                }
            }, name);
            thread.start();
            clients.add(thread);
        }
        return clients;
    }

    private static void awaitAnswers(WriteLog log, int from, int answers) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (log.entries().stream().skip(from).filter(entry -> !entry.unanswered()).count() < answers) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the clients had fewer than " + answers + " answers in five minutes");
            }
            sleep(50);
        }
    }

    private static void join(List<Thread> clients) {
        for (Thread client : clients) {
            try {
                client.join(Duration.ofMinutes(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (client.isAlive()) {
                throw new IllegalStateException(client.getName() + " still runs two minutes after the kill");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
