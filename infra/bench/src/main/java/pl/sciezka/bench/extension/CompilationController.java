package pl.sciezka.bench.extension;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The time the application's JIT compilers have spent so far (summed over the compiler threads, 0 where
 * the JVM does not say): the command benchmark warms each side up until its compilers have about
 * finished, and reports what they still did while the clients wrote.
 */
@RestController
@RequestMapping("/bench/jit")
@PreAuthorize("hasRole('ADMIN')")
class CompilationController {

    record Compilation(long millis) {
    }

    @GetMapping
    Compilation soFar() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return new Compilation(compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() : 0);
    }
}
