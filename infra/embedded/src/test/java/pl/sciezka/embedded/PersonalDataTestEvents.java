package pl.sciezka.embedded;

import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import pl.sciezka.api.familycase.Generation;
import pl.sciezka.api.personaldata.DataSubjectId;
import pl.sciezka.api.personaldata.ErasesDataSubject;
import pl.sciezka.api.personaldata.PersonalData;

/**
 * Events of a test-only "person file", annotated the way the family case's events are meant to be:
 * one subject per event, a subject per participant, and an event whose storing erases a subject.
 */
final class PersonalDataTestEvents {

    static final String AGGREGATE_TYPE = "TestPersonFile";

    record PersonRegistered(String fileId, @DataSubjectId String personId, @PersonalData String firstName,
                            @PersonalData String lastName, @PersonalData String pesel, int birthYear,
                            Generation generation) {
    }

    record Participant(@DataSubjectId String personId, @PersonalData String name, String institution) {
    }

    record MeetingRecorded(String fileId, String meetingId, List<Participant> participants) {
    }

    record PersonErased(String fileId, String personId, String reason) implements ErasesDataSubject {

        @Override
        public String erasedSubjectId() {
            return personId;
        }
    }

    private PersonalDataTestEvents() {
    }

    static GenericDomainEventMessage<Object> event(String fileId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, fileId, sequence, payload);
    }
}
