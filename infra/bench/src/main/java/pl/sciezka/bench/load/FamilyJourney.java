package pl.sciezka.bench.load;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import pl.sciezka.bench.client.Api;

/**
 * One family's first weeks as a caseworker's day produces them, ten writes in the order the API needs:
 * open the case, register three generations, diagnose, refer the parent to a service, the provider
 * accepts, two services delivered, a task-team meeting. The same requests go to the real API or, with
 * {@link Target#BASELINE}, to the baseline's identical paths. With refusals on, two writes the case's
 * rules refuse are added (a meeting without its coordinator right after the opening, later a service
 * for a member not referred).
 */
public final class FamilyJourney {

    public enum Target {
        PRODUCT("/api/cases"), BASELINE("/bench/baseline/cases");

        final String prefix;

        Target(String prefix) {
            this.prefix = prefix;
        }
    }

    /** Sees every exchange of a journey, for the record; a write that fails to arrive is {@code response == null}. */
    public interface Listener {
        void exchanged(Write write, Api.Response response);
    }

    /** One write as sent: what it is meant to do, by whom, where, and the correlation id it was tagged with. */
    public record Write(String kind, String user, String path, String correlationId, boolean meantToSucceed) {
    }

    /** A write meant to succeed did not: the journey cannot go on without its id. */
    public static final class Refused extends RuntimeException {
        Refused(Write write, Api.Response response) {
            super(write.kind() + " " + write.path() + " answered " + response.status() + ": " + response.body());
        }
    }

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Warsaw")).toString();

    private final Api api;
    private final Target target;
    private final String coordinator;
    private final String offeringId;
    private final boolean refusals;
    private final Listener listener;

    public FamilyJourney(Api api, Target target, String coordinator, String offeringId, boolean refusals,
                         Listener listener) {
        this.api = api;
        this.target = target;
        this.coordinator = coordinator;
        this.offeringId = offeringId;
        this.refusals = refusals;
        this.listener = listener;
    }

    public void run(String familyName) {
        String caseId = write("open", coordinator, target.prefix, Map.of("familyName", familyName, "district", "Wilchwy"));
        String path = target.prefix + "/" + caseId;
        if (refusals) {
            refused("meeting without its coordinator", path + "/meetings", meeting(false));
        }
        String parent = write("member", coordinator, path + "/members", member("Jan", familyName, 1985, "PARENT", "ojciec"));
        String child = write("member", "ewa", path + "/members", member("Ola", familyName, 2015, "CHILD", "córka"));
        write("member", coordinator, path + "/members", member("Zofia", familyName, 1958, "GRANDPARENT", "babcia"));
        write("diagnosis", coordinator, path + "/diagnoses", Map.of("source", "COMMUNITY_INTERVIEW", "problems", List.of(
                Map.of("area", "POVERTY", "severity", "HIGH", "memberIds", List.of(parent, child)),
                Map.of("area", "UNEMPLOYMENT", "severity", "MEDIUM", "memberIds", List.of(parent)))));
        String referral = write("referral", coordinator, path + "/referrals",
                Map.of("offeringId", offeringId, "memberIds", List.of(parent), "reason", "aktywizacja zawodowa"));
        String referralPath = path + "/referrals/" + referral;
        write("acceptance", "pup", referralPath + "/acceptance", "");
        Map<String, Object> delivery = Map.of("deliveredOn", TODAY, "units", 2, "memberIds", List.of(parent));
        write("delivery", "pup", referralPath + "/deliveries", delivery);
        if (refusals) {
            refused("delivery to a member not referred", referralPath + "/deliveries",
                    Map.of("deliveredOn", TODAY, "units", 1, "memberIds", List.of(child)));
        }
        write("delivery", "ewa", referralPath + "/deliveries", delivery);
        write("meeting", coordinator, path + "/meetings", meeting(true));
    }

    private Map<String, Object> meeting(boolean withCoordinator) {
        Map<String, Object> pedagogue = Map.of("name", "pedagog szkolny", "institution", "SP 7", "role", "pedagog");
        Map<String, Object> staff = withCoordinator
                ? Map.of("name", "koordynator", "institution", "MOPS", "role", "pracownik socjalny", "userId", coordinator)
                : Map.of("name", "specjalista", "institution", "MOPS", "role", "specjalista", "userId", "ewa");
        return Map.of("heldOn", TODAY, "participants", List.of(staff, pedagogue),
                "decisions", List.of(Map.of("text", "konsultacja w poradni", "responsible", "koordynator", "dueBy", TODAY)));
    }

    private static Map<String, Object> member(String firstName, String lastName, int birthYear, String generation,
                                              String relation) {
        return Map.of("firstName", firstName, "lastName", lastName, "birthYear", birthYear, "generation", generation,
                "relation", relation);
    }

    private String write(String kind, String user, String path, Object body) {
        Write write = new Write(kind, user, path, UUID.randomUUID().toString(), true);
        Api.Response response = send(write, body);
        if (!response.ok()) {
            throw new Refused(write, response);
        }
        return response.id();
    }

    private void refused(String kind, String path, Object body) {
        send(new Write(kind, coordinator, path, UUID.randomUUID().toString(), false), body);
    }

    private Api.Response send(Write write, Object body) {
        Api.Response response;
        try {
            response = api.post(write.user(), write.path(), body, write.correlationId());
        } catch (RuntimeException failed) {
            listener.exchanged(write, null);
            throw failed;
        }
        listener.exchanged(write, response);
        return response;
    }
}
