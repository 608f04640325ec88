package pl.sciezka.api.familycase;

import pl.sciezka.api.personaldata.DataSubjectId;
import pl.sciezka.api.personaldata.PersonalData;

/**
 * A family member joined the case. Names and PESEL are stored encrypted under the member's own key,
 * so erasing the member makes them unreadable everywhere; birth year and generation stay for statistics.
 */
public record MemberRegistered(String caseId,
                               @DataSubjectId String memberId,
                               @PersonalData String firstName,
                               @PersonalData String lastName,
                               int birthYear,
                               Generation generation,
                               String relation,
                               @PersonalData String pesel) implements FamilyCaseEvent {
}
