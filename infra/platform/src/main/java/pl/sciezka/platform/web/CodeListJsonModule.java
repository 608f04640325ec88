package pl.sciezka.platform.web;

import org.springframework.context.i18n.LocaleContextHolder;
import pl.sciezka.api.CodeList;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Code-list values leave the API as {@code {"code": "POVERTY", "label": "ubóstwo"}}: the code for
 * programs, the label for people, in Polish unless the request asks for English
 * ({@code Accept-Language: en}). Requests send the bare code.
 */
class CodeListJsonModule extends SimpleModule {

    CodeListJsonModule() {
        super("sciezka-code-lists");
        addSerializer(CodeList.class, new ValueSerializer<>() {
            @Override
            public void serialize(CodeList value, JsonGenerator generator, SerializationContext context) {
                generator.writeStartObject();
                generator.writeStringProperty("code", value.code());
                generator.writeStringProperty("label", english() ? value.labelEn() : value.labelPl());
                generator.writeEndObject();
            }
        });
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
