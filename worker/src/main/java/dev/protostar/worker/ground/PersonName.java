package dev.protostar.worker.ground;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The candidate's name as a recruiter may write it: in Hangul with or without spaces ("김지우", "김 지우",
 * "지우 님"), or romanised in any of the usual ways ("Kim Ji-woo", "Jiwoo Kim", "Gim Jiu", "Ji-woo") — a
 * reference to the person the questions are all about, never a term the documents must contain.
 *
 * <p>Romanisations are compared by a phonetic key: Revised Romanisation syllable by syllable, then the
 * spellings people actually use folded together (eo/u, oo/u, ee/i, k/g, p/b, t/d, ch/j), with the few
 * surnames whose common spelling is no romanisation at all (Lee, Park, Choi) listed.
 */
final class PersonName {

    private static final String[] INITIAL = {
        "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"
    };
    private static final String[] MEDIAL = {
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu",
        "ui", "i"
    };
    private static final String[] FINAL = {
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
        "t", "t", "k", "t", "p", "t"
    };

    /** Surnames whose usual spelling no romanisation rule gives. */
    private static final Map<String, List<String>> SURNAMES = Map.ofEntries(
            Map.entry("이", List.of("lee", "yi", "rhee", "rhie")),
            Map.entry("박", List.of("park", "pak")),
            Map.entry("최", List.of("choi", "choe")),
            Map.entry("노", List.of("roh", "noh")),
            Map.entry("류", List.of("ryu", "yoo", "yu")),
            Map.entry("유", List.of("yoo", "yu", "you")),
            Map.entry("임", List.of("lim", "im")),
            Map.entry("나", List.of("na", "ra")),
            Map.entry("신", List.of("shin")),
            Map.entry("심", List.of("shim")),
            Map.entry("손", List.of("sohn")),
            Map.entry("안", List.of("ahn")),
            Map.entry("오", List.of("oh")),
            Map.entry("허", List.of("huh")),
            Map.entry("정", List.of("chung")),
            Map.entry("전", List.of("chun")),
            Map.entry("장", List.of("chang")),
            Map.entry("조", List.of("cho")));

    private static final Pattern HANGUL_NAME = Pattern.compile("[가-힣]{2,4}");
    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}'’-]*");

    /** "정유나 (Yuna Jung)": a romanised name in brackets. */
    private static final Pattern BRACKETED =
            Pattern.compile("[가-힣]{2,4}\\s*\\((\\p{Lu}[\\p{IsLatin}'’-]*(?:\\s+\\p{Lu}[\\p{IsLatin}'’-]*){1,2})\\)");

    /** The Hangul forms ("김지우") and the phonetic keys of every romanisation of each part and whole. */
    private final Set<String> hangul = new LinkedHashSet<>();

    private final Set<String> keys = new LinkedHashSet<>();

    /** How the parts of a name recorded in Latin letters sound ({@link Sounds}): "Marcus Bell" is 마커스 벨. */
    private final Set<String> sounds = new LinkedHashSet<>();

    private PersonName() {}

    /**
     * The name from the candidate's record ("김지우", "Ha-eun Seo", "정유나 (Yuna Jung)"), and from their documents'
     * titles only a romanisation in brackets beside a Hangul name: a title's other words are a job title or
     * "이력서", not a name.
     */
    static PersonName of(String recorded, List<String> titles) {
        PersonName name = new PersonName();
        if (recorded != null) {
            Matcher hangul = HANGUL_NAME.matcher(recorded.strip());
            if (hangul.lookingAt()) {
                name.addHangul(hangul.group());
            }
            List<String> latin = new ArrayList<>();
            Matcher word = LATIN_WORD.matcher(recorded.replaceAll("\\(.*?\\)", " "));
            while (word.find() && latin.size() < 3) {
                latin.add(word.group());
            }
            if (!latin.isEmpty()) {
                name.addLatin(latin);
            }
        }
        for (String written : titles) {
            Matcher bracketed = BRACKETED.matcher(written);
            if (bracketed.find()) {
                name.addLatin(List.of(bracketed.group(1).split("\\s+")));
            }
        }
        if (recorded != null) {
            Matcher bracketed = BRACKETED.matcher(recorded);
            if (bracketed.find()) {
                name.addLatin(List.of(bracketed.group(1).split("\\s+")));
            }
        }
        return name;
    }

    private void addHangul(String full) {
        hangul.add(full);
        String surname = full.substring(0, 1);
        String given = full.substring(1);
        hangul.add(given);
        List<String> surnames = new ArrayList<>(List.of(romanise(surname)));
        surnames.addAll(SURNAMES.getOrDefault(surname, List.of()));
        String givenRoman = romanise(given);
        keys.add(key(givenRoman));
        for (String s : surnames) {
            keys.add(key(s + givenRoman));
            keys.add(key(givenRoman + s));
        }
    }

    private void addLatin(List<String> words) {
        StringBuilder all = new StringBuilder();
        for (String word : words) {
            if (word.length() >= 2) {
                keys.add(key(word));
            }
            for (String part : word.split("[-'’]")) {
                Sounds.of(part).stream()
                        .filter(key -> Sounds.skeleton(key).length() >= 2)
                        .forEach(sounds::add);
            }
            all.append(word);
        }
        keys.add(key(all.toString()));
        keys.add(key(words.getLast() + words.getFirst()));
    }

    /**
     * Whether this Hangul word is the name or the given name — as written in the record, or, for a name
     * recorded only in Latin letters, as it sounds: romanised Korean ("Ha-eun Seo" is "서하은", "하은"), or a
     * foreign name written in Hangul ("Marcus Bell" is "마커스", "벨").
     */
    boolean isHangul(String word) {
        if (hangul.contains(word)) {
            return true;
        }
        if (!hangul.isEmpty()) {
            return false;
        }
        String roman = romanise(word);
        return (roman.length() >= 4 && keys.contains(key(roman)))
                || (Sounds.isHangul(word)
                        && Sounds.skeleton(Sounds.hangul(word)).length() >= 2
                        && sounds.contains(Sounds.hangul(word)));
    }

    Set<String> hangulForms() {
        return hangul;
    }

    /** Whether these Latin words ("Kim Ji-woo", "Jiwoo's") are the name in some romanisation. */
    boolean isRomanised(String words) {
        String cleaned = words.replaceAll("['’]s\\b", "");
        if (cleaned.isBlank()) {
            return false;
        }
        String k = key(cleaned);
        // A name of five letters or more misheard by one sound ("Kiara" for Chiara) is still the name.
        return keys.contains(k)
                || (!cleaned.contains(" ") && k.length() >= 5 && keys.stream().anyMatch(known -> oneApart(known, k)));
    }

    /** Whether two keys differ by at most one letter replaced, added or dropped. */
    static boolean oneApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1 || a.length() < 5) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    boolean isEmpty() {
        return hangul.isEmpty() && keys.isEmpty();
    }

    /** Revised Romanisation, syllable by syllable (as names are romanised: no sound changes between them). */
    static String romanise(String hangulText) {
        StringBuilder out = new StringBuilder();
        for (char c : hangulText.toCharArray()) {
            if (c < '가' || c > '힣') {
                continue;
            }
            int index = c - '가';
            out.append(INITIAL[index / (21 * 28)])
                    .append(MEDIAL[(index % (21 * 28)) / 28])
                    .append(FINAL[index % 28]);
        }
        return out.toString();
    }

    /** Spellings of one sound folded together: "Ji-woo", "Jiwoo" and "Jiu" share a key, as do "Hyeon" and "Hyun". */
    static String key(String romanised) {
        // "Lucía" and "Lucia" are one name: accents folded before anything that is not a-z is dropped.
        String k = Normalizer.normalize(romanised, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
        k = k.replace("oo", "u")
                .replace("eo", "u")
                // "Hayoung" as well as "Hayeong": 영 is often written "young"
                .replace("ou", "u")
                .replace("ee", "i")
                .replace("wu", "u")
                .replace("oi", "oe")
                .replace("ch", "j")
                .replace("sh", "s")
                // "Taeoh", "Noh", "Ahn": an h after a vowel and before no vowel is silent (태오, 노, 안)
                .replaceAll("(?<=[aeiouwy])h(?![aeiouwy])", "")
                .replace("k", "g")
                .replace("p", "b")
                .replace("t", "d");
        return k;
    }
}
