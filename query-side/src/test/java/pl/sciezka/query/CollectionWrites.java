package pl.sciezka.query;

import com.mongodb.client.MongoCollection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;

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

    public static MongoCollection<Document> around(MongoCollection<Document> real, Hook hook) {
        @SuppressWarnings("unchecked")
        MongoCollection<Document> hooked = (MongoCollection<Document>) Proxy.newProxyInstance(
                MongoCollection.class.getClassLoader(), new Class<?>[] {MongoCollection.class},
                (proxy, method, args) -> WRITES.contains(method.getName())
                        ? hook.write(() -> invoke(method, real, args)) : invoke(method, real, args));
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
