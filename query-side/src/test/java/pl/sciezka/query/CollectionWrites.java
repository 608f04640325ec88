package pl.sciezka.query;

import com.mongodb.client.MongoCollection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A driver collection whose writes go through a test's hook (a bulk write is one write), so that a template that
 * simulates a crash between writes meets the writes a projection makes on the driver's collections too, not only
 * those it makes through {@code MongoTemplate}.
 */
public final class CollectionWrites {

    private static final Set<String> WRITES = Set.of("updateOne", "updateMany", "replaceOne", "bulkWrite",
            "insertOne", "insertMany", "deleteOne", "deleteMany", "findOneAndUpdate", "findOneAndReplace");

    /** Runs a write (the supplier makes it) and returns what it returned, or throws instead. */
    public interface Hook {
        Object write(Supplier<Object> write);
    }

    private CollectionWrites() {
    }

    /** The collection with its writes through the hook, and so the same collection with another document class. */
    public static <T> MongoCollection<T> around(MongoCollection<T> real, Hook hook) {
        @SuppressWarnings("unchecked")
        MongoCollection<T> hooked = (MongoCollection<T>) Proxy.newProxyInstance(
                MongoCollection.class.getClassLoader(), new Class<?>[] {MongoCollection.class},
                (proxy, method, args) -> {
                    if (WRITES.contains(method.getName())) {
                        return hook.write(() -> invoke(method, real, args));
                    }
                    Object answer = invoke(method, real, args);
                    return answer instanceof MongoCollection<?> other ? around(other, hook) : answer;
                });
        return hooked;
    }

    private static Object invoke(Method method, Object target, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
