package pl.sciezka.query.outcomes;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.data.mongodb.core.MongoTemplate;
import pl.sciezka.query.outcomes.CohortCellStore.CaseChanges;
import pl.sciezka.query.outcomes.CohortCellStore.Release;

/**
 * Dies halfway through adding changes to the cells (half the cases of a batch, or half the changes of a
 * single case), or when it is about to release tokens, as a process killed there would: every time, or
 * from the call after the ones it is told to spare.
 */
final class CrashingCellStore extends CohortCellStore {

    static final class Crash extends RuntimeException {
        Crash() {
            super("the process died here");
        }
    }

    final CountDownLatch crashed = new CountDownLatch(1);
    private final boolean whileAdding;
    private int spared;

    CrashingCellStore(MongoTemplate mongo, boolean whileAdding) {
        this(mongo, whileAdding, 0);
    }

    CrashingCellStore(MongoTemplate mongo, boolean whileAdding, int spared) {
        super(mongo);
        this.whileAdding = whileAdding;
        this.spared = spared;
    }

    @Override
    void add(List<CaseChanges> cases) {
        if (whileAdding && cases.stream().mapToInt(kase -> kase.changes().size()).sum() > 1 && spared-- <= 0) {
            CaseChanges first = cases.get(0);
            super.add(cases.size() > 1 ? cases.subList(0, cases.size() / 2) : List.of(new CaseChanges(
                    first.changes().subList(0, first.changes().size() / 2), first.token(), first.staleCells(), first.staleToken())));
            crash();
        }
        super.add(cases);
    }

    @Override
    void release(List<Release> releases) {
        if (!whileAdding && !releases.isEmpty() && spared-- <= 0) {
            crash();
        }
        super.release(releases);
    }

    private void crash() {
        crashed.countDown();
        throw new Crash();
    }
}
