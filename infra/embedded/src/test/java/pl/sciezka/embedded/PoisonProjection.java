package pl.sciezka.embedded;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import pl.sciezka.api.familycase.FamilyCaseEvent;
import pl.sciezka.api.familycase.FamilyCaseOpened;

/**
 * A test-only projection with a dead-letter queue that cannot handle one family: it throws on the
 * opening of any case whose family is called {@link #POISON}, as a projection with a bug would,
 * until the test switches the bug off.
 */
@ProcessingGroup(PoisonProjection.NAME)
class PoisonProjection {

    static final String NAME = "test-poison";
    static final String POISON = "Trucizna";

    final Set<String> handledCases = ConcurrentHashMap.newKeySet();
    /** Switched off, the bug is "fixed": retried dead letters then go through. */
    volatile boolean poisonous = true;

    @EventHandler
    void on(FamilyCaseEvent event) {
        if (poisonous && event instanceof FamilyCaseOpened opened && POISON.equals(opened.familyName())) {
            throw new IllegalStateException("cannot project the family of case " + opened.caseId());
        }
        handledCases.add(event.caseId());
    }

    @ResetHandler
    void reset() {
        handledCases.clear();
    }
}
