package org.tiqu.output;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.tiqu.document.ReferenceTime;

/**
 * What the manifest says of one input file.
 *
 * @param doc      the document id (file name without extension), or null when the file was refused
 * @param source   the input's path, relative to the output folder where possible
 * @param sha256   digest of the input bytes
 * @param encoding {@code UTF-8} or {@code GB18030}; null when not decoded
 * @param bom      whether a byte order mark was dropped
 * @param status   {@code ok} or {@code failed}
 * @param records  the records file, relative to the output folder; null when failed
 * @param counts   records by type
 * @param reference the time relative dates were resolved against, and how it was found; null when failed
 * @param error    why the file failed, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DocumentEntry(
        @JsonProperty("doc") String doc,
        @JsonProperty("source") String source,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("encoding") String encoding,
        @JsonProperty("bom") boolean bom,
        @JsonProperty("status") String status,
        @JsonProperty("records") String records,
        @JsonProperty("counts") Map<String, Integer> counts,
        @JsonProperty("reference") ReferenceTime reference,
        @JsonProperty("error") String error) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public boolean ok() {
        return OK.equals(status);
    }
}
