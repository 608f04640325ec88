package pl.sciezka.query.export;

import static pl.sciezka.query.export.ExportPolicy.Rule.CASE;
import static pl.sciezka.query.export.ExportPolicy.Rule.DROP;
import static pl.sciezka.query.export.ExportPolicy.Rule.EVENT;
import static pl.sciezka.query.export.ExportPolicy.Rule.KEEP;
import static pl.sciezka.query.export.ExportPolicy.Rule.MEMBER;
import static pl.sciezka.query.export.ExportPolicy.Rule.USER;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import pl.sciezka.api.familycase.*;
import pl.sciezka.api.network.InstitutionRegistered;
import pl.sciezka.api.network.OfferingListed;
import pl.sciezka.api.network.OfferingWithdrawn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What of each event an evaluator's export keeps. Every component of every exported record is named
 * here with one rule, and what is not named is left out: a field added to an event later stays out
 * of the export until someone decides about it ({@code ExportPolicyTest} fails until then).
 * <p>
 * Dropped, and why:
 * <ul>
 * <li>{@code @PersonalData} components (members' first and last names, PESEL): identify a person
 *     directly.</li>
 * <li>{@code familyName}: the family's surname; {@code relation}: free text such as "brother of Jan".</li>
 * <li>meeting participants' {@code name}, {@code institution} and {@code role}, and a meeting
 *     decision's {@code text} and {@code responsible}: people and free text written about the family.</li>
 * <li>every free-text reason, description, justification, explanation and comment (of diagnoses,
 *     goals, referrals, closures, reopenings, erasures, reassignments, reviews, withdrawals): they are
 *     written by caseworkers about a family and may name its members.</li>
 * </ul>
 * Pseudonymised with the same keyed pseudonyms as the outcome views: case ids, member ids, the ids of
 * staff users (coordinators, meeting participants, institution staff, the actor of every event), and
 * event ids (a review names the event it reviews). Ids of referrals, goals, diagnoses, deliveries,
 * meetings, measurements and reviews are random and name no one, so they stay as they are and link
 * the events of one referral or goal; offerings and institutions stay as in the catalogue.
 */
final class ExportPolicy {

    /** What happens to one component. */
    enum Rule {
        KEEP(null), DROP(null), CASE("case"), MEMBER("member"), USER("user"), EVENT("event");

        final String pseudonymKind;

        Rule(String pseudonymKind) {
            this.pseudonymKind = pseudonymKind;
        }
    }

    static final Map<Class<?>, Map<String, Rule>> RULES = Map.ofEntries(
            rules(FamilyCaseOpened.class, "caseId", CASE, "familyName", DROP, "district", KEEP, "coordinatorId", USER),
            rules(MemberRegistered.class, "caseId", CASE, "memberId", MEMBER, "firstName", DROP, "lastName", DROP,
                    "birthYear", KEEP, "generation", KEEP, "relation", DROP, "pesel", DROP),
            rules(DiagnosisRecorded.class, "caseId", CASE, "diagnosisId", KEEP, "source", KEEP, "problems", KEEP,
                    "codeListVersion", KEEP),
            rules(DiagnosedProblem.class, "area", KEEP, "memberIds", MEMBER, "severity", KEEP, "description", DROP),
            rules(SupportPlanAgreed.class, "caseId", CASE, "planVersion", KEEP, "goals", KEEP),
            rules(Goal.class, "goalId", KEEP, "area", KEEP, "memberIds", MEMBER, "description", DROP, "targetDate", KEEP),
            rules(GoalClosed.class, "caseId", CASE, "goalId", KEEP, "status", KEEP, "reason", DROP),
            rules(ReferralIssued.class, "caseId", CASE, "referralId", KEEP, "offeringId", KEEP, "institutionId", KEEP,
                    "memberIds", MEMBER, "goalId", KEEP, "reason", DROP, "unitCost", KEEP),
            rules(ReferralAccepted.class, "caseId", CASE, "referralId", KEEP),
            rules(ReferralDeclined.class, "caseId", CASE, "referralId", KEEP, "reason", DROP),
            rules(ReferralRevoked.class, "caseId", CASE, "referralId", KEEP, "reason", DROP),
            rules(ReferralDroppedOut.class, "caseId", CASE, "referralId", KEEP, "reason", DROP),
            rules(ServiceDelivered.class, "caseId", CASE, "referralId", KEEP, "deliveryId", KEEP, "deliveredOn", KEEP,
                    "units", KEEP, "memberIds", MEMBER, "cost", KEEP),
            rules(ReferralCompleted.class, "caseId", CASE, "referralId", KEEP, "outcome", KEEP),
            rules(TaskTeamMeetingHeld.class, "caseId", CASE, "meetingId", KEEP, "heldOn", KEEP, "participants", KEEP,
                    "decisions", KEEP),
            rules(MeetingParticipant.class, "name", DROP, "institution", DROP, "role", DROP, "userId", USER),
            rules(MeetingDecision.class, "text", DROP, "responsible", DROP, "dueBy", KEEP),
            rules(OutcomeMeasured.class, "caseId", CASE, "measurementId", KEEP, "episode", KEEP, "horizon", KEEP,
                    "measuredOn", KEEP, "household", KEEP, "members", KEEP, "correctsMeasurementId", KEEP),
            rules(HouseholdIndicators.class, "incomePerPerson", KEEP, "receivesSocialAssistance", KEEP,
                    "monthsOnAssistanceLast12", KEEP, "housing", KEEP),
            rules(MemberIndicators.class, "memberId", MEMBER, "employment", KEEP, "inEducationOrTraining", KEEP,
                    "schoolAttendanceRate", KEEP, "openProblemAreas", KEEP),
            rules(ClosureRequested.class, "caseId", CASE, "reason", KEEP, "justification", DROP,
                    "openReferralsExplanation", DROP),
            rules(ClosureApproved.class, "caseId", CASE, "comment", DROP, "closedOn", KEEP),
            rules(ClosureRejected.class, "caseId", CASE, "comment", DROP),
            rules(CaseReopened.class, "caseId", CASE, "reason", DROP, "episode", KEEP),
            rules(MemberErased.class, "caseId", CASE, "memberId", MEMBER, "reason", DROP),
            rules(CoordinatorReassigned.class, "caseId", CASE, "previousCoordinatorId", USER, "coordinatorId", USER,
                    "reason", DROP),
            rules(DecisionReviewed.class, "caseId", CASE, "reviewId", KEEP, "eventId", EVENT, "verdict", KEEP,
                    "comment", DROP),
            rules(InstitutionRegistered.class, "institutionId", KEEP, "name", KEEP, "kind", KEEP, "staffUserIds", USER),
            rules(OfferingListed.class, "offeringId", KEEP, "institutionId", KEEP, "category", KEEP, "name", KEEP,
                    "unit", KEEP, "unitCost", KEEP, "capacity", KEEP),
            rules(OfferingWithdrawn.class, "offeringId", KEEP, "institutionId", KEEP, "reason", DROP));

    private final BinaryOperator<String> pseudonym;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    /** @param pseudonym (kind, id) → stable pseudonym */
    ExportPolicy(BinaryOperator<String> pseudonym) {
        this.pseudonym = pseudonym;
    }

    static boolean covers(Class<?> type) {
        return RULES.containsKey(type);
    }

    String pseudonym(Rule kind, String id) {
        return pseudonym(kind.pseudonymKind, id);
    }

    String pseudonym(String kind, String id) {
        return id == null ? null : pseudonym.apply(kind, id);
    }

    /** The payload as the export shows it; {@code null} for a type the policy does not cover. */
    ObjectNode payload(Object event) {
        return RULES.containsKey(event.getClass()) ? record(event) : null;
    }

    private ObjectNode record(Object value) {
        Map<String, Rule> rules = RULES.get(value.getClass());
        ObjectNode node = json.objectNode();
        if (rules == null) {
            return node;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Rule rule = rules.getOrDefault(component.getName(), DROP);
            if (rule == DROP) {
                continue;
            }
            Object componentValue = read(component, value);
            node.set(component.getName(), rule == KEEP ? value(componentValue) : pseudonymised(rule, componentValue));
        }
        return node;
    }

    private JsonNode pseudonymised(Rule rule, Object value) {
        if (value instanceof Collection<?> ids) {
            ArrayNode array = json.arrayNode();
            ids.forEach(id -> array.add(pseudonym(rule, String.valueOf(id))));
            return array;
        }
        return value == null ? json.nullNode() : json.stringNode(pseudonym(rule, value.toString()));
    }

    private JsonNode value(Object value) {
        if (value == null) {
            return json.nullNode();
        } else if (value instanceof Record) {
            return record(value);
        } else if (value instanceof Collection<?> values) {
            ArrayNode array = json.arrayNode();
            inStableOrder(values).forEach(element -> array.add(value(element)));
            return array;
        } else if (value instanceof Enum<?> code) {
            return json.stringNode(code.name());
        } else if (value instanceof java.math.BigDecimal decimal) {
            return json.numberNode(decimal);
        } else if (value instanceof Integer || value instanceof Long) {
            return json.numberNode(((Number) value).longValue());
        } else if (value instanceof Number number) {
            return json.numberNode(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            return json.booleanNode(flag);
        }
        return json.stringNode(value.toString()); // dates, and the strings the rules keep
    }

    /** A set's order differs from one JVM to the next; the export's lines should not. */
    private static Collection<?> inStableOrder(Collection<?> values) {
        if (!(values instanceof java.util.Set<?>)) {
            return values;
        }
        return values.stream().sorted(java.util.Comparator.comparing(element -> element instanceof Enum<?> code
                ? String.format("%08d", code.ordinal()) : String.valueOf(element))).toList();
    }

        private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static Map.Entry<Class<?>, Map<String, Rule>> rules(Class<?> type, Object... namesAndRules) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (int i = 0; i < namesAndRules.length; i += 2) {
            rules.put((String) namesAndRules[i], (Rule) namesAndRules[i + 1]);
        }
        return Map.entry(type, Map.copyOf(rules));
    }
}
