package pl.sciezka.platform.personaldata;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import pl.sciezka.api.personaldata.ErasesDataSubject;

/**
 * Destroys the key of the subject an {@link ErasesDataSubject} event erases, in the unit of work and
 * transaction that store the event (a subscribing processor whose errors propagate), so an erasure is
 * never recorded without taking effect, nor takes effect without being recorded.
 */
@ProcessingGroup(ErasureHandler.PROCESSING_GROUP)
class ErasureHandler {

    static final String PROCESSING_GROUP = "personal-data-erasure";

    private final PersonalDataKeys keys;

    ErasureHandler(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(ErasesDataSubject event) {
        keys.destroy(event.erasedSubjectId());
    }
}
