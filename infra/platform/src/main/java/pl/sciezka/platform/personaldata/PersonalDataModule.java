package pl.sciezka.platform.personaldata;

import pl.sciezka.api.personaldata.PersonalData;
import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * Encrypts every {@link PersonalData} component on the way into Axon's serialised messages and
 * decrypts it on the way out, with the key of its data subject. Registered on Axon's Jackson 3
 * serialisers (events, snapshots, messages, tokens), not on the HTTP one: what a client sends and
 * reads stays plain JSON.
 */
public final class PersonalDataModule extends JacksonModule {

    private final SubjectCipher cipher;

    /** {@code keys} null: there is no key store here, so personal data is refused on write and reads as erased. */
    public PersonalDataModule(PersonalDataKeys keys) {
        this.cipher = new SubjectCipher(keys);
    }

    @Override
    public String getModuleName() {
        return "sciezka-personal-data";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        // first in line, so the marked components get these (de)serialisers whatever else annotates them
        context.insertAnnotationIntrospector(new PersonalDataIntrospector(cipher));
    }

    private static final class PersonalDataIntrospector extends NopAnnotationIntrospector {

        private final transient PersonalDataSerializer serializer;
        private final transient PersonalDataDeserializer deserializer;

        PersonalDataIntrospector(SubjectCipher cipher) {
            this.serializer = new PersonalDataSerializer(cipher);
            this.deserializer = new PersonalDataDeserializer(cipher, null);
        }

        @Override
        public Object findSerializer(MapperConfig<?> config, Annotated annotated) {
            return annotated.hasAnnotation(PersonalData.class) ? serializer : null;
        }

        @Override
        public Object findDeserializer(MapperConfig<?> config, Annotated annotated) {
            return annotated.hasAnnotation(PersonalData.class) ? deserializer : null;
        }
    }
}
