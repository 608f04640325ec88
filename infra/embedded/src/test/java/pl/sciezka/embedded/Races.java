package pl.sciezka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

/** Requests fired at once, and what a race on one case must end in. */
final class Races {

    private Races() {
    }

    /** Sends {@code count} requests from as many threads, released together; answers in request order. */
    static List<ApiClient.Response> concurrently(int count, IntFunction<ApiClient.Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            List<Future<ApiClient.Response>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<ApiClient.Response> send = () -> {
                    start.await();
                    return request.apply(n);
                };
                pending.add(clients.submit(send));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> response : pending) {
                responses.add(response.get());
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Every write to a case at version 0 succeeded, and each got a version of its own: 1 to n, none twice. */
    static void assertEachSucceededAtItsOwnVersion(List<ApiClient.Response> responses) {
        assertThat(responses).allSatisfy(response -> response.expect(201));
        assertThat(responses.stream().map(response -> response.header("ETag"))).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, responses.size()).mapToObj(version -> "\"" + version + "\"").toList());
    }

    /** Every response is the first one again: status, body, Location and ETag. */
    static void assertAllSame(List<ApiClient.Response> responses) {
        assertThat(responses).allSatisfy(response -> assertSameResponse(response, responses.get(0)));
    }

    static void assertSameResponse(ApiClient.Response again, ApiClient.Response first) {
        assertThat(again.status()).as("status of %s", again.body()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
    }
}
