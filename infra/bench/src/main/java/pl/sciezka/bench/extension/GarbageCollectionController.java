package pl.sciezka.bench.extension;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The collections the application's JVM has made so far and the time its collectors report for them (for
 * G1's young and full collections, the pauses): the command benchmark reads it around each round, since
 * the young pauses are much of what a p99 over a few seconds is made of. Also the bytes every thread has
 * allocated so far, those that have ended too: the rebuild benchmark reads it around each rebuild, since what a
 * pass allocates is what G1 then spends a fifth of its CPU on.
 */
@RestController
@RequestMapping("/bench/gc")
@PreAuthorize("hasRole('ADMIN')")
class GarbageCollectionController {

    record Collections(long count, long millis, long allocatedBytes) {
    }

    @GetMapping
    Collections soFar() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount()); // -1 where a collector does not say
            millis += Math.max(0, collector.getCollectionTime());
        }
        long allocated = ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
        return new Collections(count, millis, allocated);
    }
}
