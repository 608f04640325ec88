package pl.sciezka.platform.scheduling;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Where commands and views share one JVM (the embedded default), {@code sciezka.projections.background=true}
 * runs the threads that bring views up to date in the background ({@link BackgroundPriority}): the
 * event processors' workers here, and the embedded MongoDB server's ({@code MongoConfiguration}). A
 * burst of commands is then answered at the speed of the command path alone, and the views catch up
 * when the burst is over. Off where a JVM runs only one side.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "sciezka.projections.background", havingValue = "true")
public class BackgroundPriorityConfiguration {

    @Bean
    BackgroundPriority backgroundPriority() {
        return BackgroundPriority.idle();
    }

    /**
     * The processors configured as pooled or tracking only: their handlers run on the processor's own
     * threads, while a subscribing processor's run on the thread that published the event, a command's.
     */
    @Bean
    ConfigurerModule streamingProcessorsRunInTheBackground(BackgroundPriority priority, EventProcessorProperties processors) {
        MessageHandlerInterceptor<EventMessage<?>> lowerPriority = (unitOfWork, chain) -> {
            priority.applyToCurrentThread();
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, name) -> {
            EventProcessorProperties.ProcessorSettings settings = processors.getProcessors().get(name);
            boolean ownThreads = settings != null && settings.getMode() != EventProcessorProperties.Mode.SUBSCRIBING;
            return ownThreads ? lowerPriority : null;
        });
    }
}
