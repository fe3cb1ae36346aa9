package org.tiqu.document;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The time a document speaks from, against which 今年, 去年 and implicit years resolve.
 *
 * @param date the reference date, or null when only the year is known or nothing is
 * @param year the reference year, or null when unknown (relative dates then keep {@code XXXX})
 * @param how  how it was found: {@code option} (--reference-date), {@code inferred: <evidence>}, or {@code unknown}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReferenceTime(@JsonProperty("date") LocalDate date, @JsonProperty("year") Integer year,
                            @JsonProperty("how") String how) {

    public static ReferenceTime given(LocalDate date) {
        return new ReferenceTime(date, date.getYear(), "option");
    }

    public static ReferenceTime inferred(int year, String evidence) {
        return new ReferenceTime(null, year, "inferred: " + evidence);
    }

    public static ReferenceTime unknown() {
        return new ReferenceTime(null, null, "unknown");
    }

    public boolean known() {
        return year != null;
    }
}
