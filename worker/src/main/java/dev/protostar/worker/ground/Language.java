package dev.protostar.worker.ground;

/** The language a question is asked in: answers, refusals and notes follow it. */
public enum Language {
    KOREAN,
    ENGLISH;

    /** Korean when at least a third of the letters are Hangul. */
    public static Language of(String text) {
        int letters = 0;
        int hangul = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL) {
                    hangul++;
                }
            }
        }
        return letters > 0 && hangul * 3 >= letters ? KOREAN : ENGLISH;
    }
}
