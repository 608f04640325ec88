package pl.sciezka.api.casefile;

import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.personaldata.PersonalData;

/** A member as the case file shows them; after erasure the personal fields read {@link #ERASED}. */
public record CaseFileMember(String memberId,
                             String firstName,
                             String lastName,
                             String pesel,
                             int birthYear,
                             Generation generation,
                             String relation,
                             boolean erased) {

    /** What erased personal data reads as. */
    public static final String ERASED = PersonalData.ERASED;
}
