package pl.sciezka.platform.scheduling;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the threads that call {@link #applyToCurrentThread()} under Linux's {@code SCHED_IDLE} policy,
 * once per thread: the kernel then runs them on what other threads leave, and a thread that wakes
 * with work someone waits for (a command's answer) takes the core from them at once instead of
 * after their time slice. Work that can wait (bringing views up to date) so yields to commands.
 * Java's own thread priorities do nothing on Linux without a launch flag, so this asks the kernel
 * directly; any thread may lower itself to this policy without privilege. Off Linux, or if the
 * kernel refuses, threads keep their priority and one warning is logged.
 */
public final class BackgroundPriority {

    /** Leaves every thread as it is. */
    public static final BackgroundPriority OFF = new BackgroundPriority(false);

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int SCHED_IDLE = 5;
    private static final Path THIS_THREAD = Path.of("/proc/thread-self");

    private final boolean on;
    private final ThreadLocal<Boolean> applied = ThreadLocal.withInitial(() -> false);
    private volatile boolean unavailable;

    private BackgroundPriority(boolean on) {
        this.on = on;
    }

    public static BackgroundPriority idle() {
        return new BackgroundPriority(true);
    }

    /** Cheap after the first call on a thread: the thread keeps the policy for its lifetime. */
    public void applyToCurrentThread() {
        if (!on || unavailable || applied.get()) {
            return;
        }
        applied.set(true);
        try {
            // on Linux the policy belongs to a thread, named by its kernel id, which /proc/thread-self ends with
            int threadId = Integer.parseInt(Files.readSymbolicLink(THIS_THREAD).getFileName().toString());
            if (LibC.INSTANCE.sched_setscheduler(threadId, SCHED_IDLE, new int[] {0}) != 0) {
                giveUp("sched_setscheduler answered errno " + Native.getLastError());
            }
        } catch (IOException | UnsupportedOperationException | LinkageError | NumberFormatException e) {
            giveUp(e.toString());
        }
    }

    private void giveUp(String why) {
        unavailable = true;
        log.warn("Background threads keep their priority ({}): views then compete with commands for the CPU", why);
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        /** {@code param} stands for {@code struct sched_param}, whose one field must be 0 for SCHED_IDLE. */
        int sched_setscheduler(int pid, int policy, int[] param);
    }
}
