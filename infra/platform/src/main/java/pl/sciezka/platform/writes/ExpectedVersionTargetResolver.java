package pl.sciezka.platform.writes;

import javax.annotation.Nonnull;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import pl.sciezka.api.MetadataKeys;

/**
 * Finds a command's aggregate by its {@code @TargetAggregateIdentifier}, as Axon does by default, and
 * adds the version the request's {@code If-Match} named. Axon then refuses to change an aggregate that
 * has moved past that version. The version travels in metadata rather than in the commands, because
 * it is a condition of the HTTP request, not part of what the caller wants done.
 */
class ExpectedVersionTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(@Nonnull CommandMessage<?> command) {
        VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
        Object expected = command.getMetaData().get(MetadataKeys.EXPECTED_VERSION);
        if (expected == null) {
            return target;
        }
        // a number in this JVM, a string or another number type after a trip through a serializer
        long version = expected instanceof Number number ? number.longValue() : Long.parseLong(expected.toString());
        return new VersionedAggregateIdentifier(target.getIdentifierValue(), version);
    }
}
