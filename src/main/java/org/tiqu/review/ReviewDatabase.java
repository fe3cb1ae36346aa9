package org.tiqu.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tiqu.TiquException;

/**
 * {@code OUT_DIR/review.db}: the reviewers' verdicts, in SQLite. Each verdict is a row, never
 * updated or deleted; the latest row for a record key is the verdict in force (the view
 * {@code current_verdict}). Every write is a committed transaction ({@code synchronous=FULL}),
 * so a verdict the page has confirmed survives a crash, a restart and a re-extraction.
 *
 * <p>The file can be read with any SQLite client ({@code sqlite3 output/review.db
 * 'select * from current_verdict'}); the schema is in the README.
 */
public final class ReviewDatabase implements AutoCloseable {

    public static final String FILE_NAME = "review.db";
    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS verdict (
              id           INTEGER PRIMARY KEY AUTOINCREMENT,
              doc          TEXT    NOT NULL,
              type         TEXT    NOT NULL,
              span_begin   INTEGER NOT NULL,
              span_end     INTEGER NOT NULL,
              value_key    TEXT    NOT NULL DEFAULT '',
              verdict      TEXT    NOT NULL CHECK (verdict IN ('correct', 'wrong', 'corrected')),
              record       TEXT    NOT NULL,
              corrected    TEXT,
              rule         TEXT,
              reviewer     TEXT    NOT NULL,
              reviewed_at  TEXT    NOT NULL,
              doc_sha256   TEXT    NOT NULL,
              rules_sha256 TEXT,
              CHECK ((verdict = 'corrected') = (corrected IS NOT NULL))
            );
            CREATE INDEX IF NOT EXISTS verdict_key ON verdict (doc, type, span_begin, span_end, value_key, id);
            CREATE VIEW IF NOT EXISTS current_verdict AS
              SELECT * FROM verdict v WHERE v.id = (SELECT max(w.id) FROM verdict w
                WHERE w.doc = v.doc AND w.type = v.type AND w.span_begin = v.span_begin
                  AND w.span_end = v.span_end AND w.value_key = v.value_key);
            """;

    private final Path file;
    private final Connection db;

    private ReviewDatabase(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (creating when missing) the verdict database of an output folder. */
    public static ReviewDatabase open(Path outDir) throws IOException {
        Path file = outDir.resolve(FILE_NAME);
        Files.createDirectories(outDir);
        try {
            Connection db = Sqlite.open(file, true);
            try (Statement s = db.createStatement()) {
                int version;
                try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                    version = r.next() ? r.getInt(1) : 0;
                }
                if (version > SCHEMA_VERSION) {
                    db.close();
                    throw new TiquException(file + ": made by a newer tiqu (schema " + version + ", this one knows "
                            + SCHEMA_VERSION + ")");
                }
                for (String statement : SCHEMA.split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            return new ReviewDatabase(file, db);
        } catch (SQLException e) {
            throw new IOException(file + ": cannot open the review database: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Stores a verdict on {@code record} (a record of the current output) and returns it as stored. */
    public synchronized Verdict save(String doc, JsonNode record, Verdict.Kind kind, ObjectNode corrected, String reviewer,
                                     String docSha256, String rulesSha256) throws IOException {
        RecordKey key = RecordKey.of(record);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String rule = record.hasNonNull("rule") ? record.get("rule").asText() : null;
        ObjectNode judged = (ObjectNode) record.deepCopy();
        Verdict v = new Verdict(0, doc, key, kind, judged, corrected, rule, reviewer, at, docSha256, rulesSha256);
        try (PreparedStatement s = db.prepareStatement("INSERT INTO verdict (doc, type, span_begin, span_end, value_key,"
                + " verdict, record, corrected, rule, reviewer, reviewed_at, doc_sha256, rules_sha256)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, doc);
            s.setString(2, key.type());
            s.setInt(3, key.begin());
            s.setInt(4, key.end());
            s.setString(5, key.valueKey());
            s.setString(6, kind.dbName());
            s.setString(7, JSON.writeValueAsString(judged));
            s.setString(8, corrected == null ? null : JSON.writeValueAsString(corrected));
            s.setString(9, rule);
            s.setString(10, reviewer);
            s.setString(11, at.toString());
            s.setString(12, docSha256);
            s.setString(13, rulesSha256);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                long id = keys.next() ? keys.getLong(1) : 0;
                return new Verdict(id, doc, key, kind, judged, corrected, rule, reviewer, at, docSha256, rulesSha256);
            }
        } catch (SQLException e) {
            throw new IOException(file + ": cannot store the verdict: " + e.getMessage(), e);
        }
    }

    /** The verdicts in force for a document, one per record key, in key order. */
    public synchronized List<Verdict> current(String doc) throws IOException {
        List<Verdict> out = new ArrayList<>();
        query("SELECT * FROM current_verdict WHERE doc = ? ORDER BY span_begin, span_end, type, value_key", doc, out::add);
        return out;
    }

    /** Every verdict in force, document by document, in span order within each. */
    public synchronized void forEachCurrent(Consumer<Verdict> action) throws IOException {
        query("SELECT * FROM current_verdict ORDER BY doc, span_begin, span_end, type, value_key", null, action);
    }

    /** Every verdict ever given for a document, oldest first: the history behind {@link #current}. */
    public synchronized List<Verdict> history(String doc) throws IOException {
        List<Verdict> out = new ArrayList<>();
        query("SELECT * FROM verdict WHERE doc = ? ORDER BY id", doc, out::add);
        return out;
    }

    /** The documents that have at least one verdict. */
    public synchronized Set<String> documents() throws IOException {
        Set<String> docs = new LinkedHashSet<>();
        try (PreparedStatement s = db.prepareStatement("SELECT DISTINCT doc FROM verdict ORDER BY doc");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                docs.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return docs;
    }

    private void query(String sql, String doc, Consumer<Verdict> action) throws IOException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            if (doc != null) {
                s.setString(1, doc);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    action.accept(read(r));
                }
            }
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private Verdict read(ResultSet r) throws SQLException, IOException {
        RecordKey key = new RecordKey(r.getString("type"), r.getInt("span_begin"), r.getInt("span_end"), r.getString("value_key"));
        String corrected = r.getString("corrected");
        return new Verdict(r.getLong("id"), r.getString("doc"), key, Verdict.Kind.of(r.getString("verdict")),
                (ObjectNode) JSON.readTree(r.getString("record")),
                corrected == null ? null : (ObjectNode) JSON.readTree(corrected), r.getString("rule"),
                r.getString("reviewer"), Instant.parse(r.getString("reviewed_at")), r.getString("doc_sha256"),
                r.getString("rules_sha256"));
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
