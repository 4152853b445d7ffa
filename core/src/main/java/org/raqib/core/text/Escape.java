package org.raqib.core.text;

/**
 * Escaping for the markup Raqib writes by hand: alert mail, Atom feeds, backtest reports and the feed simulator's
 * pages. One rule serves XML 1.0 and HTML alike, in element content and in single- or double-quoted attribute
 * values, so article text from the web can never become markup.
 */
public final class Escape {

    private Escape() {}

    /**
     * {@code text} with {@code & < > " '} written as character references, and without the control characters
     * XML 1.0 cannot carry at all (every one below U+0020 but tab, line feed and carriage return), which are dropped
     * rather than breaking the document. {@code null} is the empty string.
     */
    public static String markup(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
