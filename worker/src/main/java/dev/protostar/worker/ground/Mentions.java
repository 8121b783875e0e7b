package dev.protostar.worker.ground;

import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a candidate's documents state a phrase or a quantity as the question does — checked on the text
 * itself (case and spacing aside; {@code 12000} finds {@code 12,000}), always within that candidate.
 */
@Component
public class Mentions {

    private final JdbcClient jdbc;

    Mentions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A phrase's words in order, spaced as the documents like; a hyphen between them may be a space or none, and a
     * plural "s" may be absent ("Airflow DAGs" finds "Airflow DAG 320개").
     */
    public boolean phrase(UUID candidateId, String phrase) {
        return matches(
                candidateId,
                String.join(
                        "\\s+",
                        Arrays.stream(phrase.replaceAll("['’]", "").strip().split("\\s+"))
                                .map(word -> literal(word).replace("\\-", "[\\s-]?")
                                        + (word.matches(".*\\p{IsLatin}{2}s") ? "?" : ""))
                                .toList()));
    }

    public boolean quantity(UUID candidateId, Question.Quantity quantity) {
        String stated = "(^|[^0-9.,])" + number(quantity.number()) + "\\s*" + quantity.unit();
        // Half said in words ("절반", "halved") is stated as such or as 50%.
        return matches(
                candidateId,
                QuestionReader.HALF.matcher(quantity.surface()).find() ? stated + "|절반|\\mhalf|halved" : stated);
    }

    /** Whether the documents state this attribute (a reason for leaving, a start date) in words of its own. */
    public boolean states(UUID candidateId, AskedAttribute attribute) {
        return matches(candidateId, attribute.stated());
    }

    private boolean matches(UUID candidateId, String regex) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM chunk WHERE candidate_id = ? AND regexp_replace(section || ' ' || text, '[''’]', '', 'g') ~* ?)")
                .params(candidateId, regex)
                .query(Boolean.class)
                .single();
    }

    /** Digits, with thousands separators optional: "12000" also matches "12,000". */
    static String number(String digits) {
        if (!digits.matches("\\d{4,}")) {
            return digits.replace(".", "\\.");
        }
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                pattern.append(",?");
            }
            pattern.append(digits.charAt(i));
        }
        return pattern.toString();
    }

    /** A word as a PostgreSQL regular expression matching it literally. */
    static String literal(String word) {
        StringBuilder out = new StringBuilder();
        for (char c : word.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
