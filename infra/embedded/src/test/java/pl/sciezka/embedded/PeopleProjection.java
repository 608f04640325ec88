package pl.sciezka.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import pl.sciezka.embedded.PersonalDataTestEvents.MeetingRecorded;
import pl.sciezka.embedded.PersonalDataTestEvents.PersonRegistered;

/** A test-only read model of names, kept as a projection of the family case would keep them. */
@ProcessingGroup(PeopleProjection.NAME)
class PeopleProjection {

    static final String NAME = "test-people";

    final Map<String, String> names = new ConcurrentHashMap<>();

    @EventHandler
    void on(PersonRegistered registered) {
        names.put(registered.personId(), registered.firstName() + " " + registered.lastName());
    }

    @EventHandler
    void on(MeetingRecorded meeting) {
        meeting.participants().forEach(participant ->
                names.put(meeting.meetingId() + "/" + participant.personId(), participant.name()));
    }

    @ResetHandler
    void reset() {
        names.clear();
    }
}
