package pl.sciezka.query.projection;

import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Work a projection gathers over a whole rebuild's pass ({@link OnePassReplay}) and writes once, after the
 * pass's last batch: for what every batch would otherwise write nearly all of again (the cohort cells, which
 * the cases of any batch of a rebuild touch almost every one of). Nothing of it is written if the pass fails
 * for the projection; its rebuild then resets it again, and its processor replays the events by itself
 * ({@code ProjectionRebuilds}). A crash in the pass leaves the projection marked, to be rebuilt at the next
 * start. Outside a pass (a processor's batch, a dead-letter retry) there is none.
 */
public final class EndOfPass {

    static final String RESOURCE = EndOfPass.class.getName();

    private EndOfPass() {
    }

    /** The pass's {@code type}, made on first use; null outside a rebuild's pass. */
    public static <T extends EndOfBatch.Held> T held(Class<T> type, Supplier<T> make) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Map<Class<?>, EndOfBatch.Held> held = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        return held == null ? null : type.cast(held.computeIfAbsent(type, key -> make.get()));
    }
}
