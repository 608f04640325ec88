package pl.sciezka.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Commands through Axon's own command bus, limited as sciezka-axon.yml limits them, with short limits. */
class UnitOfWorkTimeLimitTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger log = (Logger) LoggerFactory.getLogger(UnitOfWorkTimeLimit.class);

    @BeforeEach
    void listen() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(logged);
    }

    @Test
    void aUnitPastItsTimeoutIsInterruptedAndFailsWithATimeout() {
        long start = System.nanoTime();
        CommandResultMessage<?> result = send(new TaskTimeoutSettings(200, -1, 1000), () -> {
            Thread.sleep(10_000);
            return "slept";
        });

        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(logged.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .contains("has run past its timeout of 200 ms").contains("Thread.sleep"));
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt answered by the exception").isFalse();
    }

    @Test
    void aUnitWhoseHandlerSwallowsTheInterruptStillFails() {
        CommandResultMessage<?> result = send(new TaskTimeoutSettings(100, -1, 1000), () -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException swallowed) {
                // as a careless library would
            }
            return "finished late";
        });

        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aSlowUnitIsWarnedAboutWithItsStackAndCompletes() {
        CommandResultMessage<?> result = send(new TaskTimeoutSettings(10_000, 50, 100), () -> {
            Thread.sleep(400);
            return "done";
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("done");
        assertThat(logged.list).hasSizeBetween(2, 5).allSatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("UnitOfWork of test bus").contains("is taking a long time").contains("Thread.sleep"));
    }

    @Test
    void aUnitThatEndsInTimeLeavesNothingBehind() throws InterruptedException {
        CommandResultMessage<?> result = send(new TaskTimeoutSettings(100, 20, 20), () -> "quick");
        assertThat(UnitOfWorkTimeLimit.pendingClocks()).as("the clock left the janitor's queue as the unit ended").isZero();
        Thread.sleep(300);

        assertThat(result.getPayload()).isEqualTo("quick");
        assertThat(logged.list).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    private static CommandResultMessage<?> send(TaskTimeoutSettings limit, Callable<Object> handler) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), command -> handler.call());
        bus.registerHandlerInterceptor(new UnitOfWorkTimeLimit("test bus", limit));
        CompletableFuture<CommandResultMessage<?>> result = new CompletableFuture<>();
        // the simple bus handles a command on the sending thread, as the application's bus does
        bus.dispatch(GenericCommandMessage.asCommandMessage("a command"), (command, answer) -> result.complete(answer));
        return result.join();
    }
}
