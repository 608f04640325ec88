package pl.sciezka.platform.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import pl.sciezka.api.MetadataKeys;

class ExpectedVersionTargetResolverTest {

    record OnAComponent(@TargetAggregateIdentifier String caseId, String note) {
    }

    static class OnAMethodAndAField {
        @TargetAggregateVersion
        private final long version = 4;

        @TargetAggregateIdentifier
        String target() {
            return "case-2";
        }
    }

    static class WithANullIdentifier {
        @TargetAggregateIdentifier
        private String caseId;
    }

    private final ExpectedVersionTargetResolver resolver = new ExpectedVersionTargetResolver();

    @Test
    void findsTheTargetAsAxonsResolverDoes() {
        AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();
        for (Object payload : List.of(new OnAComponent("case-1", "x"), new OnAMethodAndAField(), new OnAComponent("case-3", "y"))) {
            CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload);
            VersionedAggregateIdentifier ours = resolver.resolveTarget(command);
            VersionedAggregateIdentifier expected = axons.resolveTarget(command);
            assertThat(ours.getIdentifierValue()).isEqualTo(expected.getIdentifierValue());
            assertThat(ours.getVersion()).isEqualTo(expected.getVersion());
        }
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new OnAMethodAndAField())).getVersion())
                .isEqualTo(4L);
    }

    @Test
    void addsTheVersionTheRequestNamed() {
        for (Object named : List.of(7, 7L, "7")) {
            CommandMessage<?> command = GenericCommandMessage.<Object>asCommandMessage(new OnAComponent("case-1", "x"))
                    .andMetaData(MetaData.from(Map.of(MetadataKeys.EXPECTED_VERSION, named)));
            VersionedAggregateIdentifier target = resolver.resolveTarget(command);
            assertThat(target.getIdentifierValue()).isEqualTo("case-1");
            assertThat(target.getVersion()).isEqualTo(7L);
        }
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new OnAComponent("case-1", "x"))).getVersion())
                .isNull();
    }

    @Test
    void refusesACommandThatNamesNoTarget() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new WithANullIdentifier())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[WithANullIdentifier]");
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage("no annotation at all")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[String]");
    }
}
