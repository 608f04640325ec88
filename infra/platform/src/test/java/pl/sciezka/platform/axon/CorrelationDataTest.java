package pl.sciezka.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.MetadataKeys;

/**
 * A command's who and why reach what it causes; an event being handled, by a projection, stamps nothing
 * on what its unit of work makes.
 */
class CorrelationDataTest {

    private static final MetaData AUDIT = MetaData.from(Map.of(MetadataKeys.ACTOR_ID, "anna",
            MetadataKeys.ACTOR_ROLE, "CASEWORKER", MetadataKeys.CORRELATION_ID, "request-1"));

    @Test
    void aCommandsAuditMetadataIsCarriedOn() {
        Message<?> command = new GenericCommandMessage<>("open case").withMetaData(AUDIT);

        MetaData carried = correlationDataWhileHandling(command);

        assertThat(carried).containsEntry(MetadataKeys.ACTOR_ID, "anna").containsEntry(MetadataKeys.ACTOR_ROLE, "CASEWORKER")
                .containsEntry(MetadataKeys.CORRELATION_ID, "request-1")
                .containsEntry(MetadataKeys.CAUSATION_ID, command.getIdentifier());
    }

    @Test
    void anEventBeingHandledCarriesNothingOn() {
        Message<?> event = GenericEventMessage.asEventMessage("case opened").withMetaData(AUDIT);

        assertThat(correlationDataWhileHandling(event)).isEmpty();
    }

    private static MetaData correlationDataWhileHandling(Message<?> message) {
        AxonMessagingConfiguration configuration = new AxonMessagingConfiguration();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            for (CorrelationDataProvider provider : new CorrelationDataProvider[] {
                    configuration.auditMetadataProvider(), configuration.causationProvider()}) {
                unitOfWork.registerCorrelationDataProvider(provider);
            }
            return unitOfWork.getCorrelationData();
        } finally {
            unitOfWork.rollback();
        }
    }
}
