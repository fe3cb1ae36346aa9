package org.tiqu.score;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A scored prediction set: the report as {@code score.py --json} gives it, and its text table. */
public record Score(ObjectNode report) {

    public static Score of(Path goldDir, Path pred) throws IOException {
        return new Score(new Scorer().score(ScoreInput.load(goldDir, pred)));
    }

    public String table() {
        return ScoreTable.render(report);
    }
}
