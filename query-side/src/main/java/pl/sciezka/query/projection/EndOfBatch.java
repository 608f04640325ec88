package pl.sciezka.query.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Work a projection gathers over its processor's batch and writes in its own order at the batch's end,
 * for a projection whose writes must go in an order {@link ReadModelBatch} does not keep (cohort
 * cells: a case's pending changes before the cells they change). Written by {@link FlushAtEndOfBatch}
 * after the batch's last event and before the segment's token is stored, or before the unit of work
 * commits if nothing flushed it; a failing write fails the batch, and Axon processes it again.
 */
public final class EndOfBatch {

    /** What a projection holds until the end of its batch. */
    public interface Held {

        /** Writes what the batch gathered and forgets it, so a second call writes nothing. */
        void flush();
    }

    private static final String RESOURCE = EndOfBatch.class.getName();

    private EndOfBatch() {
    }

    /** The current unit of work's {@code type}, made on first use; null outside a unit of work. */
    public static <T extends Held> T held(Class<T> type, Supplier<T> make) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<Class<?>, Held> held = root.getOrComputeResource(RESOURCE, key -> {
            Map<Class<?>, Held> made = new LinkedHashMap<>();
            root.onPrepareCommit(unitOfWork -> flush(made));
            return made;
        });
        return type.cast(held.computeIfAbsent(type, key -> make.get()));
    }

    /** Writes what the current unit of work's projections hold, if any. */
    static void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Map<Class<?>, Held> held = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (held != null) {
                flush(held);
            }
        }
    }

    private static void flush(Map<Class<?>, Held> held) {
        for (Held one : new ArrayList<>(held.values())) {
            one.flush();
        }
    }
}
