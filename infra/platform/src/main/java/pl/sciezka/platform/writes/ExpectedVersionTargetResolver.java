package pl.sciezka.platform.writes;

import static org.axonframework.common.ReflectionUtils.ensureAccessible;
import static org.axonframework.common.ReflectionUtils.fieldsOf;
import static org.axonframework.common.ReflectionUtils.methodsOf;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import javax.annotation.Nonnull;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import pl.sciezka.api.MetadataKeys;

/**
 * Finds a command's aggregate by its {@code @TargetAggregateIdentifier}, as Axon does by default, and
 * adds the version the request's {@code If-Match} named. Axon then refuses to change an aggregate that
 * has moved past that version. The version travels in metadata rather than in the commands, because
 * it is a condition of the HTTP request, not part of what the caller wants done.
 * <p>
 * Which method or field holds the identifier (and a {@code @TargetAggregateVersion}, which no command
 * here has) is looked up once per command class: Axon's resolver searches every method and field of
 * the command for both annotations on every command, 2.7 % of a command's CPU (docs/BENCHMARKS.md,
 * nineteenth round).
 */
class ExpectedVersionTargetResolver implements CommandTargetResolver {

    private static final ClassValue<Members> MEMBERS = new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> commandType) {
            return new Members(annotated(commandType, TargetAggregateIdentifier.class),
                    annotated(commandType, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(@Nonnull CommandMessage<?> command) {
        Members members = MEMBERS.get(command.getPayloadType());
        Object identifier = read(members.identifier(), command.getPayload());
        if (identifier == null) {
            throw new IllegalArgumentException(("Invalid command. It does not identify the target aggregate. Make sure"
                    + " at least one of the fields or methods in the [%s] class contains the @TargetAggregateIdentifier"
                    + " annotation and that it returns a non-null value.").formatted(command.getPayloadType().getSimpleName()));
        }
        Object expected = command.getMetaData().get(MetadataKeys.EXPECTED_VERSION);
        if (expected == null) {
            expected = read(members.version(), command.getPayload());
        }
        // a number in this JVM, a string or another number type after a trip through a serializer
        Long version = expected == null ? null
                : expected instanceof Number number ? number.longValue() : Long.valueOf(expected.toString());
        return new VersionedAggregateIdentifier(identifier, version);
    }

    /** The first method, else the first field, with the annotation, in the order Axon's resolver tries them. */
    private static AccessibleObject annotated(Class<?> commandType, Class<? extends Annotation> annotation) {
        for (Method method : methodsOf(commandType)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return ensureAccessible(method);
            }
        }
        for (Field field : fieldsOf(commandType)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return ensureAccessible(field);
            }
        }
        return null;
    }

    private static Object read(AccessibleObject member, Object command) {
        try {
            return member == null ? null
                    : member instanceof Method method ? method.invoke(command) : ((Field) member).get(command);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information from a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of aggregate"
                    + " information from the given command.", e);
        }
    }

    private record Members(AccessibleObject identifier, AccessibleObject version) {
    }
}
