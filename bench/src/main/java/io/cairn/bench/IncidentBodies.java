package io.cairn.bench;

import java.util.SplittableRandom;
import java.util.UUID;

/** JSON bodies for {@code POST /api/v1/incidents}: what a handler reports, spread like the seeded incidents. */
final class IncidentBodies {

    private static final String[] LEVELS = {"high", "medium", "low"};
    private static final String[] TLPS = {"AMBER", "AMBER", "AMBER", "GREEN", "CLEAR", "AMBER+STRICT", "RED"};

    private IncidentBodies() {}

    static String next(SplittableRandom random, UUID team) {
        Object[] category = Seed.CATEGORIES[random.nextInt(Seed.CATEGORIES.length)];
        String rsitClass = (String) category[0];
        String rsitType = (String) category[1];
        return "{\"title\":" + quote(Vocabulary.title(rsitClass, rsitType, random))
                + ",\"description\":" + quote(Vocabulary.description(rsitClass, rsitType, random))
                + ",\"category\":{\"rsitClass\":\"" + rsitClass + "\",\"rsitType\":\"" + rsitType + "\"}"
                + ",\"impact\":\"" + LEVELS[random.nextInt(3)] + "\",\"urgency\":\"" + LEVELS[random.nextInt(3)]
                + "\",\"tlp\":\"" + TLPS[random.nextInt(TLPS.length)] + "\",\"team\":\"" + team + "\"}";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
