package org.tiqu.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tiqu.record.Candidate;

/**
 * The one overlap policy: where candidates overlap, one span wins, chosen by a fixed
 * order — higher priority, then longer span, then earlier start, then rule id —
 * never by hash or arrival order. Mentions of the gold sets never overlap, whatever
 * their types, so the policy runs over all types together.
 */
public final class OverlapResolver {

    static final Comparator<Candidate> PRECEDENCE = Comparator
            .comparingInt(Candidate::priority).reversed()
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.span().length()).reversed())
            .thenComparingInt(c -> c.span().begin())
            .thenComparing(Candidate::rule)
            .thenComparing(c -> c.type().name());

    public record Resolution(List<Candidate> winners, List<Rejection> rejections) {
    }

    public Resolution resolve(List<Candidate> candidates) {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(PRECEDENCE);
        // Winners never overlap one another, so the only one that can block a candidate
        // is the last winner starting before the candidate's end.
        TreeMap<Integer, Candidate> winnersByBegin = new TreeMap<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Candidate c : ordered) {
            Map.Entry<Integer, Candidate> before = winnersByBegin.lowerEntry(c.span().end());
            Candidate blocker = before != null && before.getValue().span().overlaps(c.span()) ? before.getValue() : null;
            if (blocker == null) {
                winnersByBegin.put(c.span().begin(), c);
            } else if (!(blocker.span().equals(c.span()) && blocker.value().equals(c.value()) && blocker.type() == c.type())) {
                rejections.add(new Rejection(c, blocker, "overlaps " + blocker.type() + " " + blocker.span()
                        + " of rule " + blocker.rule() + " (priority " + blocker.priority() + ")"));
            }
        }
        return new Resolution(List.copyOf(winnersByBegin.values()), List.copyOf(rejections));
    }
}
