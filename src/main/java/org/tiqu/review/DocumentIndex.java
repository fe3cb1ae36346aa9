package org.tiqu.review;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

import org.tiqu.record.RecordType;

/**
 * The review's index of an output folder, {@code OUT_DIR/.review-index.db} (SQLite): one row
 * per extracted document with its place in the manifest, record counts by type and review
 * progress, and a full-text index of its text, metric indicators and organisation names
 * ({@link SearchTokens}). The document list pages and searches through it, so it answers
 * as fast for 100 000 documents as for ten, and nothing loads all records at once.
 *
 * <p>It is a cache, made from the manifest, the records and the verdicts: deleting it loses
 * nothing. {@link #sync} brings it up to date with the manifest, re-reading only documents
 * whose entry or records file changed.
 */
public final class DocumentIndex implements AutoCloseable {

    public static final String FILE_NAME = ".review-index.db";
    static final int SCHEMA_VERSION = 1;
    public static final List<String> TYPES = java.util.Arrays.stream(RecordType.values()).map(Enum::name).toList();
    private static final int COMMIT_EVERY = 1000;

    /** Which text a search looks in. */
    public enum Field { ANY, ID, TEXT, INDICATOR, ORG }

    /** Which documents a listing keeps, by review progress. */
    public enum Status { ALL, UNREVIEWED, PARTLY, REVIEWED, STALE }

    /** A document as the index knows it. */
    public record Entry(long rowid, int ordinal, DocumentRef ref, Map<String, Integer> counts, int records,
                        int reviewed, int stale, int chars, String problem) {
        public String id() {
            return ref.id();
        }
    }

    /** One page of a listing. */
    public record Page(List<Entry> entries, int total, int page, int pageSize) {
        public int pages() {
            return Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /** The whole output at a glance. */
    public record Totals(int documents, int failed, int records, Map<String, Integer> byType, int reviewed, int stale,
                         int reviewedDocuments) {
    }

    private final OutputFolder out;
    private final ReviewDatabase verdicts;
    private final Path file;
    private final Connection db;
    private String stamp;
    /** The totals of the last {@link #totals()}; dropped when a sync or a verdict changes them. */
    private Totals totals;

    private DocumentIndex(OutputFolder out, ReviewDatabase verdicts, Path file, Connection db) {
        this.out = out;
        this.verdicts = verdicts;
        this.file = file;
        this.db = db;
    }

    public static DocumentIndex open(OutputFolder out, ReviewDatabase verdicts) throws IOException {
        Path file = out.dir().resolve(FILE_NAME);
        try {
            Connection db = Sqlite.open(file, false);
            if (version(db) != SCHEMA_VERSION) {
                db.close();
                deleteWithJournals(file);
                db = Sqlite.open(file, false);
                create(db);
            }
            return new DocumentIndex(out, verdicts, file, db);
        } catch (SQLException e) {
            throw new IOException(file + ": cannot open the review index: " + e.getMessage(), e);
        }
    }

    private static int version(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static void create(Connection db) throws SQLException {
        StringJoiner counts = new StringJoiner(", ");
        TYPES.forEach(t -> counts.add(column(t) + " INTEGER NOT NULL DEFAULT 0"));
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)");
            s.execute("CREATE TABLE doc (rowid INTEGER PRIMARY KEY, ordinal INTEGER NOT NULL, id TEXT NOT NULL UNIQUE,"
                    + " source TEXT, sha256 TEXT, text_path TEXT, records_path TEXT NOT NULL, rules_sha256 TEXT,"
                    + " code_sha256 TEXT, signature TEXT NOT NULL, n_records INTEGER NOT NULL DEFAULT 0, " + counts
                    + ", reviewed INTEGER NOT NULL DEFAULT 0, stale INTEGER NOT NULL DEFAULT 0,"
                    + " chars INTEGER NOT NULL DEFAULT 0, problem TEXT)");
            s.execute("CREATE INDEX doc_ordinal ON doc (ordinal)");
            s.execute("CREATE VIRTUAL TABLE doc_fts USING fts5(body, indicator, org, content='', contentless_delete=1,"
                    + " tokenize='unicode61 remove_diacritics 0')");
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
        }
    }

    private static String column(String type) {
        return "n_" + type.toLowerCase(Locale.ROOT);
    }

    private static void deleteWithJournals(Path file) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    /** What a sync did. */
    public record SyncReport(int documents, int read, int removed, boolean changed) {
    }

    /**
     * Brings the index up to date with the manifest when the manifest changed since the
     * last sync (or always, with {@code force}); re-reads only documents whose entry or
     * records file changed, and recomputes the progress of documents with verdicts.
     *
     * @param log where to say how far a long first indexing has got, or null
     */
    public synchronized SyncReport sync(boolean force, PrintStream log) throws IOException {
        Path manifest = ManifestDocuments.file(out.dir());
        String now = Files.isRegularFile(manifest)
                ? Files.size(manifest) + ":" + Files.getLastModifiedTime(manifest).toMillis() : "none";
        if (!force && now.equals(stamp)) {
            return new SyncReport(-1, 0, 0, false);
        }
        try {
            db.setAutoCommit(false);
            Map<String, long[]> known = new HashMap<>();
            Map<String, String> signatures = new HashMap<>();
            try (Statement s = db.createStatement();
                 ResultSet r = s.executeQuery("SELECT rowid, id, ordinal, signature FROM doc")) {
                while (r.next()) {
                    known.put(r.getString(2), new long[] {r.getLong(1), r.getInt(3)});
                    signatures.put(r.getString(2), r.getString(4));
                }
            }
            Set<String> seen = new HashSet<>();
            int[] counters = new int[3]; // ordinal, read, failed
            Set<String> withVerdicts = verdicts.documents();
            ManifestDocuments.forEach(out.dir(), entry -> {
                DocumentRef ref = DocumentRef.of(entry);
                if (ref == null) {
                    counters[2]++;
                    return;
                }
                if (!seen.add(ref.id())) {
                    return;
                }
                int ordinal = counters[0]++;
                String signature = signature(ref);
                long[] old = known.get(ref.id());
                try {
                    if (old != null && signature.equals(signatures.get(ref.id()))) {
                        if (old[1] != ordinal) {
                            update("UPDATE doc SET ordinal = ? WHERE rowid = ?", ordinal, old[0]);
                        }
                    } else {
                        if (old != null) {
                            remove(old[0]);
                        }
                        insert(ref, ordinal, signature, withVerdicts.contains(ref.id()));
                        if (++counters[1] % COMMIT_EVERY == 0) {
                            db.commit();
                            if (log != null) {
                                log.println("tiqu: indexed " + counters[1] + " documents ...");
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new IOException(file + ": " + e.getMessage(), e);
                }
            });
            int removed = 0;
            for (Map.Entry<String, long[]> e : known.entrySet()) {
                if (!seen.contains(e.getKey())) {
                    remove(e.getValue()[0]);
                    removed++;
                }
            }
            try (PreparedStatement s = db.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES ('failed', ?)")) {
                s.setString(1, Integer.toString(counters[2]));
                s.executeUpdate();
            }
            db.commit();
            db.setAutoCommit(true);
            stamp = now;
            totals = null;
            // Verdicts may have been given by another process, or before the records changed.
            for (String doc : withVerdicts) {
                refreshProgress(doc);
            }
            return new SyncReport(counters[0], counters[1], removed, counters[1] > 0 || removed > 0);
        } catch (SQLException e) {
            try {
                db.rollback();
                db.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the first error is the one to report
            }
            throw new IOException(file + ": cannot update the review index: " + e.getMessage(), e);
        }
    }

    /** What the index row was made from: when any of it changes, the document is read again. */
    private String signature(DocumentRef ref) {
        String records = "?";
        try {
            Path f = org.tiqu.output.OutputPaths.inside(out.dir(), ref.records());
            if (Files.isRegularFile(f)) {
                records = Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis();
            }
        } catch (IOException e) {
            records = "refused";
        }
        return String.join("|", String.valueOf(ref.sha256()), String.valueOf(ref.rulesSha256()),
                String.valueOf(ref.codeSha256()), ref.records(), String.valueOf(ref.text()), String.valueOf(ref.source()),
                records);
    }

    private void insert(DocumentRef ref, int ordinal, String signature, boolean hasVerdicts) throws SQLException, IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        StringBuilder indicators = new StringBuilder();
        StringBuilder orgs = new StringBuilder();
        String problem = null;
        List<JsonNode> records = List.of();
        try {
            records = out.records(ref);
        } catch (IOException e) {
            problem = e.getMessage();
        }
        for (JsonNode r : records) {
            String type = r.path("type").asText();
            counts.merge(type, 1, Integer::sum);
            if (type.equals(RecordKey.METRIC)) {
                indicators.append(r.path("indicator").asText()).append('\n');
            } else if (type.equals("ORG")) {
                orgs.append(r.path("text").asText()).append('\n').append(r.path("value").path("name").asText()).append('\n');
            }
        }
        OutputFolder.DocumentText text = out.text(ref);
        if (problem == null && text.problem() != null) {
            problem = text.problem();
        }
        int reviewed = 0;
        int stale = 0;
        if (hasVerdicts && problem == null) {
            DocumentReview review = DocumentReview.of(ref.sha256(), records, verdicts.current(ref.id()));
            reviewed = review.reviewed();
            stale = review.stale();
        }
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        TYPES.forEach(t -> {
            names.add(column(t));
            marks.add("?");
        });
        try (PreparedStatement s = db.prepareStatement("INSERT INTO doc (ordinal, id, source, sha256, text_path,"
                + " records_path, rules_sha256, code_sha256, signature, n_records, " + names + ", reviewed, stale, chars,"
                + " problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + marks + ", ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            s.setInt(i++, ordinal);
            s.setString(i++, ref.id());
            s.setString(i++, ref.source());
            s.setString(i++, ref.sha256());
            s.setString(i++, ref.text());
            s.setString(i++, ref.records());
            s.setString(i++, ref.rulesSha256());
            s.setString(i++, ref.codeSha256());
            s.setString(i++, signature);
            s.setInt(i++, records.size());
            for (String t : TYPES) {
                s.setInt(i++, counts.getOrDefault(t, 0));
            }
            s.setInt(i++, reviewed);
            s.setInt(i++, stale);
            s.setInt(i++, text.text() == null ? 0 : text.text().codePointCount(0, text.text().length()));
            s.setString(i, problem);
            s.executeUpdate();
            long rowid;
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                rowid = keys.getLong(1);
            }
            try (PreparedStatement f = db.prepareStatement("INSERT INTO doc_fts (rowid, body, indicator, org) VALUES (?, ?, ?, ?)")) {
                f.setLong(1, rowid);
                f.setString(2, SearchTokens.index(text.text() == null ? "" : text.text()));
                f.setString(3, SearchTokens.index(indicators.toString()));
                f.setString(4, SearchTokens.index(orgs.toString()));
                f.executeUpdate();
            }
        }
    }

    private void remove(long rowid) throws SQLException {
        update("DELETE FROM doc_fts WHERE rowid = ?", rowid);
        update("DELETE FROM doc WHERE rowid = ?", rowid);
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    /** Recomputes a document's review progress from its records and verdicts (after a verdict, or a sync). */
    public synchronized void refreshProgress(String id) throws IOException {
        Entry e = byId(id);
        if (e == null) {
            return;
        }
        int reviewed = 0;
        int stale = 0;
        try {
            DocumentReview review = DocumentReview.of(e.ref().sha256(), out.records(e.ref()), verdicts.current(id));
            reviewed = review.reviewed();
            stale = review.stale();
        } catch (IOException missing) {
            stale = verdicts.current(id).size();
        }
        setProgress(id, reviewed, stale);
    }

    /** Records a document's progress as the caller computed it. */
    public synchronized void setProgress(String id, int reviewed, int stale) throws IOException {
        try {
            update("UPDATE doc SET reviewed = ?, stale = ? WHERE id = ?", reviewed, stale, id);
            totals = null;
        } catch (SQLException ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    public synchronized Entry byId(String id) throws IOException {
        List<Entry> found = select("WHERE id = ?", List.of(id), "", 1, 0);
        return found.isEmpty() ? null : found.get(0);
    }

    public synchronized Entry byOrdinal(int ordinal) throws IOException {
        List<Entry> found = select("WHERE ordinal = ?", List.of(ordinal), "", 1, 0);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * One page of the documents matching a search, in manifest order.
     *
     * @param query a substring to look for (empty: every document)
     * @param page  0-based
     */
    public synchronized Page search(String query, Field field, Status status, int page, int pageSize) throws IOException {
        List<Object> args = new ArrayList<>();
        StringJoiner where = new StringJoiner(" AND ", "WHERE ", "").setEmptyValue("");
        String q = query == null ? "" : query.strip();
        if (!q.isEmpty()) {
            String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            String match = SearchTokens.match(q);
            String inText = "rowid IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?)";
            switch (field) {
                case ID -> {
                    where.add("id LIKE ? ESCAPE '\\'");
                    args.add(like);
                }
                case ANY -> {
                    if (match == null) {
                        where.add("id LIKE ? ESCAPE '\\'");
                        args.add(like);
                    } else {
                        where.add("(id LIKE ? ESCAPE '\\' OR " + inText + ")");
                        args.add(like);
                        args.add(match);
                    }
                }
                default -> {
                    if (match == null) {
                        where.add("0");
                    } else {
                        where.add(inText);
                        args.add(field.name().toLowerCase(Locale.ROOT).replace("text", "body") + " : " + match);
                    }
                }
            }
        }
        switch (status) {
            case UNREVIEWED -> where.add("reviewed = 0 AND n_records > 0");
            case PARTLY -> where.add("reviewed > 0 AND reviewed < n_records");
            case REVIEWED -> where.add("n_records > 0 AND reviewed = n_records");
            case STALE -> where.add("stale > 0");
            case ALL -> { }
        }
        int total;
        try (PreparedStatement s = db.prepareStatement("SELECT count(*) FROM doc " + where)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                total = r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IOException(file + ": search failed: " + e.getMessage(), e);
        }
        return new Page(select(where.toString(), args, "ORDER BY ordinal", pageSize, (long) page * pageSize), total,
                page, pageSize);
    }

    private List<Entry> select(String where, List<?> args, String order, int limit, long offset) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT * FROM doc " + where + " " + order + " LIMIT ? OFFSET ?")) {
            bind(s, args);
            s.setInt(args.size() + 1, limit);
            s.setLong(args.size() + 2, offset);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    for (String t : TYPES) {
                        int n = r.getInt(column(t));
                        if (n > 0) {
                            counts.put(t, n);
                        }
                    }
                    DocumentRef ref = new DocumentRef(r.getString("id"), r.getString("source"), r.getString("sha256"),
                            r.getString("text_path"), r.getString("records_path"), r.getString("rules_sha256"),
                            r.getString("code_sha256"));
                    out.add(new Entry(r.getLong("rowid"), r.getInt("ordinal"), ref, counts, r.getInt("n_records"),
                            r.getInt("reviewed"), r.getInt("stale"), r.getInt("chars"), r.getString("problem")));
                }
            }
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void bind(PreparedStatement s, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
    }

    /** The whole output's counts: a scan of every row, so kept until a sync or a verdict changes them. */
    public synchronized Totals totals() throws IOException {
        if (totals == null) {
            totals = sumAll();
        }
        return totals;
    }

    private Totals sumAll() throws IOException {
        StringJoiner sums = new StringJoiner(", ");
        TYPES.forEach(t -> sums.add("coalesce(sum(" + column(t) + "), 0)"));
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), coalesce(sum(n_records), 0), coalesce(sum(reviewed), 0),"
                     + " coalesce(sum(stale), 0), coalesce(sum(n_records > 0 AND reviewed = n_records), 0), " + sums
                     + ", (SELECT value FROM meta WHERE key = 'failed') FROM doc")) {
            r.next();
            Map<String, Integer> byType = new LinkedHashMap<>();
            for (int i = 0; i < TYPES.size(); i++) {
                byType.put(TYPES.get(i), r.getInt(6 + i));
            }
            String failed = r.getString(6 + TYPES.size());
            return new Totals(r.getInt(1), failed == null ? 0 : Integer.parseInt(failed), r.getInt(2), byType,
                    r.getInt(3), r.getInt(4), r.getInt(5));
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
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
