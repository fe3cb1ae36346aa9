package org.tiqu.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.TiquException;

class ReviewDatabaseTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    static JsonNode record(String json) throws IOException {
        return JSON.readTree(json);
    }

    static final String MONEY = "{\"doc\":\"d\",\"type\":\"MONEY\",\"begin\":4,\"end\":11,\"text\":\"13.72亿元\","
            + "\"value\":{\"amount\":\"1372000000\",\"currency\":\"CNY\"},\"rule\":\"money.amount\"}";
    static final String METRIC = "{\"doc\":\"d\",\"type\":\"METRIC\",\"begin\":0,\"end\":11,\"text\":\"收入完成13.72亿元\","
            + "\"indicator\":\"收入\",\"subject\":null,\"period\":\"2024\",\"value\":{\"amount\":\"1372000000.0\",\"currency\":\"CNY\"},"
            + "\"change\":null,\"modality\":\"actual\",\"rule\":\"metric.indicator-value\"}";

    @Test
    void verdictsSurviveReopeningAndTheLatestIsInForce() throws Exception {
        try (ReviewDatabase db = ReviewDatabase.open(out)) {
            db.save("d", record(MONEY), Verdict.Kind.CORRECT, null, "ann", "sha", "rules");
            db.save("d", record(MONEY), Verdict.Kind.WRONG, null, "bo", "sha", "rules");
            ObjectNode corrected = (ObjectNode) record(METRIC);
            corrected.put("indicator", "财政收入");
            db.save("d", record(METRIC), Verdict.Kind.CORRECTED, corrected, "ann", "sha", "rules");
            db.save("other", record(MONEY), Verdict.Kind.CORRECT, null, "ann", "sha2", "rules");
        }
        try (ReviewDatabase db = ReviewDatabase.open(out)) {
            List<Verdict> current = db.current("d");
            assertEquals(2, current.size());
            Verdict metric = current.get(0);
            assertEquals(Verdict.Kind.CORRECTED, metric.kind());
            assertEquals("财政收入", metric.corrected().get("indicator").asText());
            assertEquals("{\"amount\":1372000000,\"currency\":\"CNY\"}", metric.key().valueKey(),
                    "a metric's key holds its value as data: 1372000000.0 and 1372000000 are one key");
            assertEquals("metric.indicator-value", metric.rule());
            Verdict money = current.get(1);
            assertEquals(Verdict.Kind.WRONG, money.kind(), "the latest verdict is in force");
            assertEquals("bo", money.reviewer());
            assertEquals("", money.key().valueKey());
            assertEquals(3, db.history("d").size(), "earlier verdicts stay as history");
            assertEquals(Set.of("d", "other"), db.documents());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve(ReviewDatabase.FILE_NAME));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT verdict, reviewer, doc_sha256 FROM current_verdict"
                     + " WHERE doc = 'd' AND type = 'MONEY' AND span_begin = 4 AND span_end = 11")) {
            assertTrue(r.next(), "any SQLite client reads the verdicts");
            assertEquals("wrong", r.getString(1));
            assertEquals("bo", r.getString(2));
            assertEquals("sha", r.getString(3));
        }
    }

    @Test
    void theTableRefusesRowsThatDoNotFitItsSchema() throws Exception {
        ReviewDatabase.open(out).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve(ReviewDatabase.FILE_NAME));
             Statement s = c.createStatement()) {
            String row = "INSERT INTO verdict (doc, type, span_begin, span_end, verdict, record, corrected, reviewer,"
                    + " reviewed_at, doc_sha256) VALUES ('d', 'ORG', 0, 1, %s, '{}', %s, 'r', 't', 'x')";
            assertThrows(SQLException.class, () -> s.execute(String.format(row, "'corrected'", "NULL")));
            assertThrows(SQLException.class, () -> s.execute(String.format(row, "'correct'", "'{}'")));
            assertThrows(SQLException.class, () -> s.execute(String.format(row, "'maybe'", "NULL")));
            s.execute(String.format(row, "'correct'", "NULL"));
        }
    }

    @Test
    void aDatabaseFromANewerTiquIsRefusedNotRewritten() throws Exception {
        ReviewDatabase.open(out).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve(ReviewDatabase.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        TiquException e = assertThrows(TiquException.class, () -> ReviewDatabase.open(out));
        assertTrue(e.getMessage().contains("newer tiqu"), e.getMessage());
    }

    @Test
    void aVerdictKindIsNamedAsInTheDatabase() {
        assertEquals(Verdict.Kind.CORRECTED, Verdict.Kind.of("corrected"));
        assertThrows(IllegalArgumentException.class, () -> Verdict.Kind.of("CORRECT"));
    }
}
