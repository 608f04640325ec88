package pl.sciezka.api.personaldata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component that names whose personal data a record holds (the data subject, e.g. a
 * {@code memberId}): the {@link PersonalData} components of this record, and of records nested in it
 * that name no subject of their own, are encrypted with this subject's key.
 * <p>
 * The value's {@code toString()} is the subject's id, which is global: two people must never share
 * one, so use the generated ids (UUIDs), not names or numbers that repeat across cases. A record
 * holding personal data whose subject id is {@code null}, or that has no subject at all, cannot be
 * stored: that is refused rather than written in plaintext.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface DataSubjectId {
}
