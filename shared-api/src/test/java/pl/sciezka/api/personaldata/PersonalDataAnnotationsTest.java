package pl.sciezka.api.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

/**
 * The JSON serialiser finds the annotations on a record's field, accessor and constructor parameter,
 * not on the record component itself: the compiler copies them there only where {@code @Target} allows.
 * Were one target dropped, personal data would be written in plaintext without any error.
 */
class PersonalDataAnnotationsTest {

    record Registered(@DataSubjectId String memberId, @PersonalData String lastName, int birthYear) {
    }

    @Test
    void annotationsOnARecordComponentReachItsFieldAccessorAndConstructorParameter() throws Exception {
        assertEverywhere("memberId", DataSubjectId.class);
        assertEverywhere("lastName", PersonalData.class);
        assertThat(Registered.class.getDeclaredField("birthYear").getAnnotations()).isEmpty();
    }

    private static void assertEverywhere(String component, Class<? extends Annotation> annotation) throws Exception {
        RecordComponent[] components = Registered.class.getRecordComponents();
        int index = 0;
        while (!components[index].getName().equals(component)) {
            index++;
        }
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        assertThat(components[index].isAnnotationPresent(annotation)).as("component").isTrue();
        assertThat(Registered.class.getDeclaredField(component).isAnnotationPresent(annotation)).as("field").isTrue();
        assertThat(Registered.class.getDeclaredMethod(component).isAnnotationPresent(annotation)).as("accessor").isTrue();
        assertThat(Registered.class.getDeclaredConstructor(parameterTypes).getParameters()[index]
                .isAnnotationPresent(annotation)).as("constructor parameter").isTrue();
    }

    @Test
    void theErasureMarkerIsTheDocumentedValue() {
        assertThat(PersonalData.ERASED).isEqualTo("[usunięte]");
    }
}
