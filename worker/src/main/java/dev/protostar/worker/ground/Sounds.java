package dev.protostar.worker.ground;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a word sounds, as far as it survives between English and Hangul: its consonants, in a few classes, vowels
 * left out. A loanword and the English word it was taken from share one — 크래시 and "crash" (K L S), 텔레메트리 and
 * "telemetry" (T L M T L), 쿠버네티스 and "Kubernetes", 마커스 and "Marcus" — so a question in one language finds a
 * document in the other that writes the word in its own letters.
 *
 * <p>The classes follow how Korean writes English sounds: ㄱ/ㅋ for g, k, c, q; ㄷ/ㅌ for d, t; ㅂ/ㅍ for b, p, f, v;
 * ㅅ/ㅈ/ㅊ for s, z, j, sh, ch; an r before a consonant or at the end is not written (서버 for "server"); h, w and y
 * are no consonants here. Where English spelling is ambiguous ("ch" in "chip" and "Chiara", a "g" before e) every
 * reading is kept. Adjacent equal classes are one ("telemetry" and 텔레: one L). The first vowel is kept too, as the
 * Hangul vowels an English one is written with ("a" as ㅏ, ㅐ, ㅔ or ㅓ): consonants alone make "version" (버전) sound
 * like "Python". A key is the skeleton, a slash and that vowel ({@code KLS/ㅐ}).
 */
final class Sounds {

    /** Shorter skeletons match too many words by chance ("PL" is "Bell", 볼, 불, "pool"). */
    static final int MIN_CONSONANTS = 3;

    private static final char[] INITIAL = {
        'K', 'K', 'N', 'T', 'T', 'L', 'M', 'P', 'P', 'S', 'S', 0, 'S', 'S', 'S', 'K', 'T', 'P', 0
    };
    private static final char[] FINAL = {
        0, 'K', 'K', 'K', 'N', 'N', 'N', 'T', 'L', 'K', 'M', 'L', 'L', 'L', 'P', 'L', 'M', 'P', 'P', 'T', 'T', 'N', 'T',
        'T', 'K', 'T', 'P', 0
    };

    /** The Hangul vowels, folded to seven (ㅑ is ㅏ, ㅝ is ㅓ, ㅟ is ㅣ…), in medial order; ㅡ is none. */
    private static final String FOLDED = "ㅏㅐㅏㅐㅓㅔㅓㅔㅗㅏㅐㅔㅗㅜㅓㅔㅣㅜ-ㅣㅣ";

    /** The Hangul vowels each English vowel letter is written with, as the first vowel of a loanword. */
    private static final java.util.Map<Character, String> WRITTEN_AS =
            java.util.Map.of('a', "ㅏㅐㅔㅓ", 'e', "ㅔㅐㅣㅓ", 'i', "ㅣㅏㅐㅓㅔ", 'o', "ㅗㅏㅓㅜ", 'u', "ㅜㅓㅏ", 'y', "ㅏㅣ");

    private Sounds() {}

    /** Whether the word is written in Hangul syllables. */
    static boolean isHangul(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> c >= '가' && c <= '힣');
    }

    /** Whether the word is written in Latin letters (accents allowed). */
    static boolean isLatin(String word) {
        return !word.isEmpty() && word.codePoints().allMatch(c -> Character.isLetter(c) && c < 0x250);
    }

    /** The word's skeletons: one for Hangul, one per reading of its ambiguous letters for Latin; none for others. */
    static Set<String> of(String word) {
        if (isHangul(word)) {
            return Set.of(hangul(word));
        }
        if (isLatin(word)) {
            return latin(word);
        }
        return Set.of();
    }

    /** The keys of the word whose skeletons are long enough to tell it from chance. */
    static Set<String> distinct(String word) {
        Set<String> keys = new LinkedHashSet<>();
        for (String key : of(word)) {
            if (key.indexOf('/') >= MIN_CONSONANTS) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * The keys a Latin word is indexed under: its skeletons with its first vowel letter ({@code KLS/a}), one per
     * reading — not one per Hangul vowel it may be written with, which {@link #latinKeysHeardAs} expands at lookup.
     */
    static Set<String> latinIndexKeys(String word) {
        Set<String> keys = new LinkedHashSet<>();
        String letters = letters(word);
        char vowel = firstVowel(letters);
        for (String key : latin(word)) {
            if (key.indexOf('/') >= MIN_CONSONANTS) {
                keys.add(skeleton(key) + "/" + (vowel == 0 ? '-' : vowel));
            }
        }
        return keys;
    }

    /** The index keys of the Latin words that a Hangul word's key ({@code KLS/ㅐ}) may be a writing of. */
    static Set<String> latinKeysHeardAs(String hangulKey) {
        String skeleton = skeleton(hangulKey);
        char vowel = hangulKey.charAt(hangulKey.length() - 1);
        Set<String> keys = new LinkedHashSet<>();
        WRITTEN_AS.forEach((letter, vowels) -> {
            if (vowels.indexOf(vowel) >= 0) {
                keys.add(skeleton + "/" + letter);
            }
        });
        if (vowel == 'ㅡ') {
            keys.add(skeleton + "/-");
        }
        return keys;
    }

    /** The skeleton of a key: its consonants. */
    static String skeleton(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    static String hangul(String word) {
        StringBuilder out = new StringBuilder();
        char vowel = 0;
        for (char c : word.toCharArray()) {
            int index = c - '가';
            append(out, INITIAL[index / (21 * 28)]);
            append(out, FINAL[index % 28]);
            char folded = FOLDED.charAt((index % (21 * 28)) / 28);
            // the first vowel that is not the ㅡ Korean adds after a consonant with no vowel of its own ("크래시");
            // a ㅡ before a final consonant is a vowel of the word ("등록")
            if (vowel == 0 && (folded != '-' || index % 28 != 0)) {
                vowel = folded == '-' ? 'ㅡ' : folded;
            }
        }
        return out + "/" + (vowel == 0 ? "ㅡ" : String.valueOf(vowel));
    }

    static Set<String> latin(String word) {
        String w = letters(word);
        List<StringBuilder> readings = new ArrayList<>(List.of(new StringBuilder()));
        for (int i = 0; i < w.length(); ) {
            char c = w.charAt(i);
            char next = i + 1 < w.length() ? w.charAt(i + 1) : 0;
            String sound;
            int used = 1;
            if (c == next && c != 'e' && c != 'o') {
                i++; // a doubled letter is one sound
                continue;
            }
            if (w.startsWith("sch", i) || w.startsWith("tch", i)) {
                sound = "S";
                used = 3;
            } else if (w.startsWith("sh", i)) {
                sound = "S";
                used = 2;
            } else if (w.startsWith("ch", i)) {
                sound = "S|K";
                used = 2;
            } else if (w.startsWith("th", i)) {
                sound = "S|T";
                used = 2;
            } else if (w.startsWith("ph", i)) {
                sound = "P";
                used = 2;
            } else if (w.startsWith("ck", i) || w.startsWith("qu", i)) {
                sound = "K";
                used = 2;
            } else if (w.startsWith("gh", i)) {
                sound = "";
                used = 2;
            } else if (w.startsWith("ng", i)) {
                sound = i + 2 == w.length() ? "N" : "NK";
                used = 2;
            } else {
                sound = switch (c) {
                    case 'b', 'p', 'f', 'v' -> "P";
                    case 'd', 't' -> "T";
                    case 'k', 'q' -> "K";
                    case 'c' -> soft(next) ? "S" : "K";
                    case 'g' -> soft(next) ? "K|S" : "K";
                    case 's', 'z', 'j' -> "S";
                    case 'x' -> "KS";
                    case 'm' -> "M";
                    case 'n' -> "N";
                    case 'l' -> "L";
                    case 'r' -> vowel(next) ? "L" : "";
                    default -> "";
                };
            }
            String[] options = sound.split("\\|", -1);
            List<StringBuilder> grown = new ArrayList<>();
            for (StringBuilder reading : readings) {
                for (String option : options) {
                    StringBuilder copy = new StringBuilder(reading);
                    option.chars().forEach(s -> append(copy, (char) s));
                    grown.add(copy);
                }
            }
            readings = grown.size() > 8 ? grown.subList(0, 8) : grown;
            i += used;
        }
        String vowels = WRITTEN_AS.getOrDefault(firstVowel(w), "ㅡ");
        Set<String> keys = new LinkedHashSet<>();
        for (StringBuilder reading : readings) {
            vowels.chars().forEach(v -> keys.add(reading + "/" + (char) v));
        }
        return keys;
    }

    /** The word's letters a–z, accents folded ("Lucía" is "lucia"), anything else dropped. */
    private static String letters(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }

    /** The word's first vowel letter (a "y" that begins it is a consonant), or 0. */
    private static char firstVowel(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if ("aeiou".indexOf(c) >= 0 || (c == 'y' && i > 0)) {
                return c;
            }
        }
        return 0;
    }

    private static boolean soft(char next) {
        return next == 'e' || next == 'i' || next == 'y';
    }

    private static boolean vowel(char c) {
        return "aeiouy".indexOf(c) >= 0 && c != 0;
    }

    private static void append(StringBuilder out, char sound) {
        if (sound != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != sound)) {
            out.append(sound);
        }
    }
}
