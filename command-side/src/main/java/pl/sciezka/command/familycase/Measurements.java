package pl.sciezka.command.familycase;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.Horizon;
import pl.sciezka.api.familycase.MemberIndicators;
import pl.sciezka.api.familycase.OutcomeMeasured;
import pl.sciezka.api.familycase.RecordOutcomeMeasurement;
import pl.sciezka.api.problem.ProblemType;
import pl.sciezka.api.problem.RejectedException;

/**
 * Outcome measurements: one per horizon in each episode of support, unless a later one says which
 * it corrects; follow-ups only after closure; school attendance only for school-age children.
 */
final class Measurements {

    /** Compulsory schooling in Poland runs from the year a child turns 7 until 18. */
    private static final int SCHOOL_AGE_FROM = 6;
    private static final int SCHOOL_AGE_TO = 18;

    private final Map<Integer, Map<Horizon, String>> latestByEpisode = new HashMap<>();
    private final Set<String> ids = new HashSet<>();

    void measured(OutcomeMeasured event) {
        latestByEpisode.computeIfAbsent(event.episode(), episode -> new HashMap<>())
                .put(event.horizon(), event.measurementId());
        ids.add(event.measurementId());
    }

    void check(RecordOutcomeMeasurement command, int episode, boolean closed, LocalDate closedOn, Members members,
               LocalDate today) {
        Horizon horizon = command.horizon();
        if (command.measuredOn().isAfter(today)) {
            throw RejectedException.invalidField("measuredOn", "lies in the future");
        }
        boolean followUp = horizon.name().startsWith("FOLLOW_UP");
        if (followUp && !closed) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "Follow-ups are measured only after the case is closed.");
        }
        if (followUp && command.measuredOn().isBefore(closedOn)) {
            throw RejectedException.invalidField("measuredOn", "a follow-up is measured after the closure on " + closedOn);
        }
        if (horizon == Horizon.BASELINE && closed) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "A baseline is measured while the case is open.");
        }
        String existing = latestByEpisode.getOrDefault(episode, Map.of()).get(horizon);
        if (command.correctsMeasurementId() == null && existing != null) {
            throw RejectedException.of(ProblemType.STATE_CONFLICT, "This episode already has a " + horizon.labelEn()
                    + " measurement (" + existing + "); send correctsMeasurementId to correct it.");
        }
        if (command.correctsMeasurementId() != null && !Objects.equals(command.correctsMeasurementId(), existing)) {
            throw RejectedException.invalidField("correctsMeasurementId",
                    "is not the current " + horizon.labelEn() + " measurement of this episode");
        }
        checkMembers(command.members(), command.measuredOn(), members);
    }

    private static void checkMembers(List<MemberIndicators> indicators, LocalDate measuredOn, Members members) {
        members.requireKnown("members", indicators.stream().map(MemberIndicators::memberId).toList());
        for (int i = 0; i < indicators.size(); i++) {
            Double attendance = indicators.get(i).schoolAttendanceRate();
            if (attendance == null) {
                continue;
            }
            Members.Member member = members.get(indicators.get(i).memberId());
            int age = measuredOn.getYear() - member.birthYear();
            String field = "members[" + i + "].schoolAttendanceRate";
            if (member.generation() != Generation.CHILD || age < SCHOOL_AGE_FROM || age > SCHOOL_AGE_TO) {
                throw RejectedException.invalidField(field, "is only for school-age children (this member is "
                        + member.generation().labelEn() + ", " + age + " years old)");
            }
            if (attendance < 0 || attendance > 1) {
                throw RejectedException.invalidField(field, "must be between 0 and 1");
            }
        }
    }

    boolean contains(String measurementId) {
        return ids.contains(measurementId);
    }
}
