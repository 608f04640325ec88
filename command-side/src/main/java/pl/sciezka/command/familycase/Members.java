package pl.sciezka.command.familycase;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.familycase.MemberRegistered;
import pl.sciezka.api.problem.RejectedException;

/** The family's members as the rules need them: generation and birth year, never names. */
final class Members {

    record Member(Generation generation, int birthYear, boolean erased) {
    }

    private final Map<String, Member> byId = new LinkedHashMap<>();

    void register(MemberRegistered event) {
        byId.put(event.memberId(), new Member(event.generation(), event.birthYear(), false));
    }

    void erase(String memberId) {
        byId.computeIfPresent(memberId, (id, member) -> new Member(member.generation(), member.birthYear(), true));
    }

    boolean contains(String memberId) {
        return byId.containsKey(memberId);
    }

    Member get(String memberId) {
        return byId.get(memberId);
    }

    /**
     * Support is individualised: the members an action is for must be named, each once, and be
     * members of this family. {@code field} is the request field to blame.
     */
    void requireNamed(String field, List<String> memberIds) {
        if (memberIds.isEmpty()) {
            throw RejectedException.invalidField(field, "name at least one member of the family");
        }
        requireKnown(field, memberIds);
    }

    /** Like {@link #requireNamed} but an empty list is fine (e.g. a problem of the whole household). */
    void requireKnown(String field, List<String> memberIds) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < memberIds.size(); i++) {
            String memberId = memberIds.get(i);
            if (!byId.containsKey(memberId)) {
                throw RejectedException.invalidField(field + "[" + i + "]", "no member " + memberId + " in this case");
            }
            if (!seen.add(memberId)) {
                throw RejectedException.invalidField(field + "[" + i + "]", "member " + memberId + " is named twice");
            }
        }
    }
}
