package io.cairn.reporting;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * A day's costs and losses by DORA cost category (MET-2), of the incidents reported that day, from the latest DORA
 * classification of each: per category (or {@code unspecified} for a total given without categories), the incidents
 * with an amount above zero in it, how many of those amounts are estimates, and their total.
 */
final class CostLineFigures {

    /** One category's figures. */
    static final class Line {
        long incidents;
        long estimated;
        BigDecimal total = BigDecimal.ZERO;
    }

    final Map<String, Line> lines = new TreeMap<>();

    /** Adds an incident's amount in a category; an amount of zero counts nowhere. */
    void add(String category, BigDecimal amount, boolean estimate) {
        if (amount.signum() <= 0) {
            return;
        }
        Line line = lines.computeIfAbsent(category, c -> new Line());
        line.incidents++;
        line.estimated += estimate ? 1 : 0;
        line.total = line.total.add(amount);
    }

    /** Adds another day's figures to these. */
    void add(CostLineFigures other) {
        other.lines.forEach((category, line) -> {
            Line into = lines.computeIfAbsent(category, c -> new Line());
            into.incidents += line.incidents;
            into.estimated += line.estimated;
            into.total = into.total.add(line.total);
        });
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(lines.size());
        for (Map.Entry<String, Line> line : lines.entrySet()) {
            out.writeUTF(line.getKey());
            out.writeLong(line.getValue().incidents);
            out.writeLong(line.getValue().estimated);
            DayFigures.writeDecimal(out, line.getValue().total);
        }
    }

    void read(DataInputStream in) throws IOException {
        for (int n = in.readInt(); n > 0; n--) {
            Line line = lines.computeIfAbsent(in.readUTF(), c -> new Line());
            line.incidents = in.readLong();
            line.estimated = in.readLong();
            line.total = DayFigures.readDecimal(in);
        }
    }
}
