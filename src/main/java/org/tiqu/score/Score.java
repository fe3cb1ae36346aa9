package org.tiqu.score;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A scored prediction set: the report as {@code score.py --json} gives it, its text table,
 * and the example lines of {@code --errors N}.
 */
public record Score(ObjectNode report, List<String> examples) {

    public static Score of(Path goldDir, Path pred) throws IOException {
        return of(goldDir, pred, 0);
    }

    public static Score of(Path goldDir, Path pred, int errors) throws IOException {
        return new Scorer().score(ScoreInput.load(goldDir, pred), errors);
    }

    /** The table followed by the example lines, as score.py prints them. */
    public String table() {
        StringBuilder out = new StringBuilder(ScoreTable.render(report));
        examples.forEach(e -> out.append(e).append('\n'));
        return out.toString();
    }
}
