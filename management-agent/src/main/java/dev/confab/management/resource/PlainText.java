package dev.confab.management.resource;

import java.util.Locale;

/**
 * What a text field may hold: printable text. Every string a write stores is checked here, because
 * names, descriptions and aliases reach the nodes' files, logs and terminals: a control character
 * (NUL, ESC and its terminal escape sequences, a line break in a one-line value), a bidirectional
 * override, isolate or mark (text displayed in another order than it is stored), a lone UTF-16
 * surrogate (no character at all, which UTF-8 cannot carry) or U+FFFD (the stand-in for bytes that
 * were not UTF-8) is refused, never removed or replaced. Multi-line fields (PEM certificates and
 * keys) may also hold tabs and line breaks. Stateless.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code value} of {@code field} is not plain text, naming the first offending character; null if it is. */
    public static String problem(String field, String value, boolean multiLine) {
        for (int offset = 0, position = 1; offset < value.length(); position++) {
            int character = value.codePointAt(offset);
            String why = refused(character, multiLine);
            if (why != null) {
                return field + " contains " + codePoint(character) + " (" + why + ") at character " + position
                        + ": this field takes " + (multiLine ? "printable text and line breaks" : "one line of printable text")
                        + " only. Remove it.";
            }
            offset += Character.charCount(character);
        }
        return null;
    }

    private static String refused(int character, boolean multiLine) {
        if (multiLine && (character == '\t' || character == '\n' || character == '\r')) {
            return null;
        }
        return switch (character) {
            case 0 -> "NUL, a control character";
            case 0x1B -> "ESC, a control character that starts terminal escape sequences";
            case '\t' -> "a tab, a control character";
            case '\n', '\r', 0x85, 0x2028, 0x2029 -> "a line break";
            case 0x200E, 0x200F, 0x061C -> "an invisible bidirectional mark, which changes the order text is shown in";
            case 0xFFFD -> "the replacement character, which stands for bytes that were not valid UTF-8";
            default -> {
                if (character < 0x20 || (character >= 0x7F && character <= 0x9F)) {
                    yield "a control character";
                }
                if ((character >= 0x202A && character <= 0x202E) || (character >= 0x2066 && character <= 0x2069)) {
                    yield "a bidirectional override or isolate, which shows text in another order than it is stored";
                }
                if (Character.isSurrogate((char) character) && character <= 0xFFFF) {
                    yield "half of a UTF-16 surrogate pair, not a character";
                }
                yield null;
            }
        };
    }

    private static String codePoint(int character) {
        return "U+" + String.format(Locale.ROOT, "%04X", character);
    }
}
