package org.tiqu.rules;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** A scalar from a rules file with the line it stands on, so errors about it can say where. */
@JsonDeserialize(using = Located.Deserializer.class)
public record Located(String text, int line) {

    static final class Deserializer extends JsonDeserializer<Located> {
        @Override
        public Located deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING && !p.currentToken().isScalarValue()) {
                return (Located) ctxt.handleUnexpectedToken(Located.class, p);
            }
            return new Located(p.getValueAsString(), p.currentLocation().getLineNr());
        }
    }
}
