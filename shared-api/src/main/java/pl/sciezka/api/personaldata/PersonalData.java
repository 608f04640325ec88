package pl.sciezka.api.personaldata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component holding personal data (<i>dane osobowe</i>: a name, a PESEL, a free-text
 * note about a person) that must be erasable although events are never rewritten.
 * <p>
 * Such a value is stored encrypted with a key of its data subject, the person named by the nearest
 * {@link DataSubjectId} component: of the same record, or else of the record that contains it (so a
 * participant record in a list may name its own subject, or share its event's). Destroying that key
 * erases every value of the person at once; afterwards a {@code String} reads as {@link #ERASED} and
 * any other type as {@code null}, while unmarked components of the same event stay readable.
 * {@code null} is stored as {@code null}.
 * <pre>{@code
 * public record MemberRegistered(String caseId,
 *                                @DataSubjectId String memberId,
 *                                @PersonalData String firstName,
 *                                @PersonalData String lastName,
 *                                @PersonalData String pesel,
 *                                int birthYear,
 *                                Generation generation) implements FamilyCaseEvent {}
 * }</pre>
 * Annotate a component before the first event carrying it is stored: values stored in plaintext
 * earlier are read as they are and cannot be erased this way.
 * <p>
 * The targets besides {@code RECORD_COMPONENT} are what make the compiler copy the annotation onto the
 * record's field, accessor and constructor parameter, where the JSON (de)serialiser looks for it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /**
     * What every reader gets instead of an erased {@code String} value (<i>usunięte</i>: erased),
     * in events read back, in replays, and so in every view rebuilt from them.
     */
    String ERASED = "[usunięte]";
}
