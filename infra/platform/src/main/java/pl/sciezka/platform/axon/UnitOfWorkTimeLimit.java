package pl.sciezka.platform.axon;

import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A time limit on a unit of work (a command, a query, a projection's batch), as Axon's
 * {@code UnitOfWorkTimeoutInterceptor} sets it: a warning with the thread's stack once the unit has run
 * past the warning threshold and again at every interval, then an interrupt at the timeout, after which
 * the unit fails with {@link AxonTimeoutException}. Axon 4.13.0 takes the handling thread's stack trace
 * when each unit starts, which cost a command 8 % of its CPU (docs/BENCHMARKS.md, nineteenth round); here
 * the stack is read only when a warning is due. A unit nested in another shares its root's clock.
 * <p>
 * It extends Axon's interceptor only to be recognised as one: a rebuild's pass leaves the processors'
 * time limits out of its larger batches by that type ({@code OnePassReplay.Projection}).
 */
public final class UnitOfWorkTimeLimit extends UnitOfWorkTimeoutInterceptor {

    private static final Logger log = LoggerFactory.getLogger(UnitOfWorkTimeLimit.class);
    private static final String CLOCK = UnitOfWorkTimeLimit.class.getName();
    private static final ScheduledThreadPoolExecutor JANITOR = janitor();

    private final String component;
    private final TaskTimeoutSettings settings;

    /**
     * One thread for every clock. A unit that ends in time cancels its clock, which then leaves the queue
     * at once: otherwise two thousand commands a second would leave twenty thousand cancelled warnings
     * queued until their 10 s were up.
     */
    private static ScheduledThreadPoolExecutor janitor() {
        ScheduledThreadPoolExecutor janitor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "unit-of-work-time-limit");
            thread.setDaemon(true);
            return thread;
        });
        janitor.setRemoveOnCancelPolicy(true);
        return janitor;
    }

    /** Clocks waiting for a warning or an interrupt, of units still running. */
    static int pendingClocks() {
        return JANITOR.getQueue().size();
    }

    /** {@code component} names the bus or processor in the log lines; a negative timeout means no limit. */
    public UnitOfWorkTimeLimit(String component, TaskTimeoutSettings settings) {
        super(component, settings.getTimeoutMs(), settings.getWarningThresholdMs(), settings.getWarningIntervalMs());
        this.component = component;
        this.settings = settings;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (settings.getTimeoutMs() < 0) {
            return chain.proceed();
        }
        UnitOfWork<?> root = unitOfWork.root();
        Clock clock = (Clock) root.resources().get(CLOCK);
        if (clock == null) {
            Clock started = new Clock("UnitOfWork of " + component, Thread.currentThread(), settings);
            root.resources().put(CLOCK, started);
            root.onCleanup(u -> started.stop());
            clock = started;
        }
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception e) {
            throw clock.timedOut() ? clock.timeout(e) : e;
        }
        if (clock.timedOut()) {
            // a part below swallowed the interrupt: the unit still ran past its limit
            throw clock.timeout(null);
        }
        return result;
    }

    /** The limit of one root unit of work, on the thread that runs it. */
    private static final class Clock {
        private final String task;
        private final Thread thread;
        private final TaskTimeoutSettings settings;
        private final long startedAt = System.currentTimeMillis();
        private ScheduledFuture<?> next;
        private boolean stopped;
        private boolean interrupted;

        Clock(String task, Thread thread, TaskTimeoutSettings settings) {
            this.task = task;
            this.thread = thread;
            this.settings = settings;
            int warning = settings.getWarningThresholdMs();
            if (warning >= 0 && warning < settings.getTimeoutMs()) {
                schedule(this::warn, warning);
            } else {
                schedule(this::interrupt, settings.getTimeoutMs());
            }
        }

        private synchronized void schedule(Runnable step, long delayMs) {
            if (!stopped) {
                next = JANITOR.schedule(step, delayMs, TimeUnit.MILLISECONDS);
            }
        }

        private void warn() {
            long ran = System.currentTimeMillis() - startedAt;
            long left = settings.getTimeoutMs() - ran;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                log.warn("{} on thread [{}] is taking a long time: {} ms so far, interrupted in {} ms. Its stack:\n{}",
                        task, thread.getName(), ran, left, stackOf(thread));
            }
            if (left > settings.getWarningIntervalMs()) {
                schedule(this::warn, settings.getWarningIntervalMs());
            } else {
                schedule(this::interrupt, Math.max(0, left));
            }
        }

        private synchronized void interrupt() {
            if (!stopped) {
                log.error("{} on thread [{}] has run past its timeout of {} ms and is interrupted. Its stack:\n{}",
                        task, thread.getName(), settings.getTimeoutMs(), stackOf(thread));
                interrupted = true;
                thread.interrupt();
            }
        }

        synchronized boolean timedOut() {
            return interrupted;
        }

        AxonTimeoutException timeout(Exception cause) {
            Thread.interrupted(); // our interrupt, answered by this exception
            AxonTimeoutException timeout = new AxonTimeoutException(task + " has timed out after "
                    + settings.getTimeoutMs() + " ms");
            if (cause != null) {
                timeout.addSuppressed(cause);
            }
            return timeout;
        }

        /** On the unit's own thread, when it ends however it ends. */
        synchronized void stop() {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
            if (interrupted) {
                Thread.interrupted(); // an interrupt that came as the unit was ending must not reach the next one
            }
        }

        private static String stackOf(Thread thread) {
            return Arrays.stream(thread.getStackTrace()).map(frame -> "\tat " + frame).collect(Collectors.joining("\n"));
        }
    }
}
