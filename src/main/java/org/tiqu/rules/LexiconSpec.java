package org.tiqu.rules;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A lexicon as written: either a list of words (each word its own value) or a map
 * from word to value ({@code 美元: USD}). Keeps its line for error messages.
 */
@JsonDeserialize(using = LexiconSpec.Deserializer.class)
public record LexiconSpec(Map<String, String> entries, int line) {

    static final class Deserializer extends JsonDeserializer<LexiconSpec> {
        @Override
        public LexiconSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            int line = p.currentLocation().getLineNr();
            Map<String, String> entries = new LinkedHashMap<>();
            if (p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (!p.currentToken().isScalarValue()) {
                        ctxt.reportInputMismatch(LexiconSpec.class, "a word list holds plain words only");
                    }
                    String word = p.getValueAsString();
                    if (entries.put(word, word) != null) {
                        ctxt.reportInputMismatch(LexiconSpec.class, "word '%s' listed twice", word);
                    }
                }
            } else if (p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String word = p.currentName();
                    p.nextToken();
                    if (!p.currentToken().isScalarValue()) {
                        ctxt.reportInputMismatch(LexiconSpec.class, "the value of '%s' must be a plain string", word);
                    }
                    entries.put(word, p.getValueAsString());
                }
            } else {
                ctxt.reportInputMismatch(LexiconSpec.class, "a lexicon is a list of words or a map of word: value");
            }
            return new LexiconSpec(entries, line);
        }
    }
}
