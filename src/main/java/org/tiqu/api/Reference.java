package org.tiqu.api;

import java.time.LocalDate;

/**
 * The time a document speaks from, against which 今年, 去年 and years left out resolve: the
 * manifest's {@code reference}.
 *
 * @param date the reference date, or null when only the year is known or nothing is
 * @param year the reference year, or null when unknown (relative dates then keep {@code XXXX})
 * @param how  how it was found: {@code option} (given), {@code inferred: <evidence>}, or {@code unknown}
 */
public record Reference(LocalDate date, Integer year, String how) {
}
