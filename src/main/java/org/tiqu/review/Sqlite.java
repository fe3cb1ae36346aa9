package org.tiqu.review;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The review's one way to open a SQLite file: write-ahead log, a wait for a busy file, and how durable. */
final class Sqlite {

    private Sqlite() {
    }

    /**
     * @param durable every commit reaches the disk before it returns ({@code synchronous=FULL}):
     *                for verdicts; a cache can lose its last commits to a crash and be made again
     */
    static Connection open(Path file, boolean durable) throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = " + (durable ? "FULL" : "OFF"));
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return db;
    }
}
