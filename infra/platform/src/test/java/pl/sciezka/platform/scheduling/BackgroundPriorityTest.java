package pl.sciezka.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Reads the kernel's own record of each thread's scheduling policy (Linux, as on every machine this runs on). */
class BackgroundPriorityTest {

    static final int SCHED_OTHER = 0;
    static final int SCHED_IDLE = 5;

    @Test
    void theCallingThreadRunsInTheBackgroundForTheRestOfItsLifeAndOtherThreadsDoNot() throws Exception {
        BackgroundPriority background = BackgroundPriority.idle();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            int lowered = on(pool, () -> {
                background.applyToCurrentThread();
                background.applyToCurrentThread();
                return policyOfThisThread();
            });
            int later = on(pool, BackgroundPriorityTest::policyOfThisThread);

            assertThat(lowered).isEqualTo(SCHED_IDLE);
            assertThat(later).isEqualTo(SCHED_IDLE);
            assertThat(policyOfThisThread()).isEqualTo(SCHED_OTHER);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void offLeavesThreadsAsTheyAre() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            assertThat(on(pool, () -> {
                BackgroundPriority.OFF.applyToCurrentThread();
                return policyOfThisThread();
            })).isEqualTo(SCHED_OTHER);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int on(ExecutorService pool, Supplier<Integer> task) throws Exception {
        return CompletableFuture.supplyAsync(task, pool).get();
    }

    /** Field 41 of /proc/thread-self/stat; fields are counted after the thread's name, which may hold spaces. */
    static int policyOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(afterName[41 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
