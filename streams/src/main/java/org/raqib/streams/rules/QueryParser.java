package org.raqib.streams.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.raqib.streams.rules.Query.Ending;
import org.raqib.streams.rules.Query.EntityField;
import org.raqib.streams.rules.Query.Scope;
import org.raqib.streams.rules.Query.Terms;
import org.raqib.streams.rules.Query.Word;

/**
 * Reads a rule's query text into a {@link Query} tree. The grammar, loosest binding first:
 *
 * <pre>
 * query   = all ( "OR" all )*
 * all     = unary ( ["AND"] unary )*          juxtaposition means AND
 * unary   = "NOT" unary | near
 * near    = primary [ "NEAR/" n primary ]     keywords, phrases or entity conditions
 * primary = "(" query ")" | ("title:" | "body:") (term | "(" query ")") | condition | term
 * term    = word["~"|"*"] | '"' word["~"|"*"] ... '"'
 * condition = ("entity:" ID | "side:" side | "type:" type) [">=" n] | "source:" name | "lang:" tag
 * </pre>
 *
 * Operators are upper case so that ordinary words (and Latin keywords such as "and") stay keywords. A parser instance
 * reads one query and is not thread-safe; {@link #parse(String, String)} creates one per call.
 */
public final class QueryParser {

    /** The sides an entity can have in {@code entities.tsv}. */
    public static final Set<String> SIDES = Set.of("libya", "sahel", "russia", "external");

    /** The types an entity can have in {@code entities.tsv}. */
    public static final Set<String> TYPES = Set.of("country", "city", "region", "place", "org", "person");

    /** The most words NEAR may allow between its sides; more would be "anywhere in the article" in practice. */
    public static final int MAX_NEAR = 200;

    private static final String FIELDS = "title:, body:, entity:, side:, type:, source: or lang:";

    private final String ruleId;
    private final String text;
    private int pos;

    private QueryParser(String ruleId, String text) {
        this.ruleId = ruleId;
        this.text = text;
    }

    /**
     * Parses {@code query}, written for the rule {@code ruleId}.
     *
     * @throws RuleSyntaxException naming the rule, line and column (within the query) of the first mistake
     */
    public static Query parse(String ruleId, String query) {
        QueryParser parser = new QueryParser(ruleId, query);
        parser.skipSpace();
        if (parser.atEnd()) {
            throw parser.error(0, "the query is empty: write at least one keyword, phrase or condition");
        }
        Query q = parser.parseOr(Scope.ANY);
        parser.skipSpace();
        if (!parser.atEnd()) {
            if (parser.peek() == ')') {
                throw parser.error(parser.pos, "this ')' has no matching '(': remove it or add '(' before it");
            }
            throw parser.error(parser.pos, "unexpected text here: join it with AND, OR or NOT");
        }
        return q;
    }

    private Query parseOr(Scope scope) {
        int start = pos;
        List<Query> parts = new ArrayList<>();
        parts.add(parseAnd(scope));
        while (acceptOperator("OR")) {
            requireOperand("OR");
            parts.add(parseAnd(scope));
        }
        return parts.size() == 1 ? parts.get(0) : new Query.Any(parts, written(start));
    }

    private Query parseAnd(Scope scope) {
        int start = pos;
        List<Query> parts = new ArrayList<>();
        parts.add(parseUnary(scope));
        while (true) {
            if (acceptOperator("AND")) {
                requireOperand("AND");
                parts.add(parseUnary(scope));
            } else if (startsOperand()) {
                parts.add(parseUnary(scope));
            } else {
                break;
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Query.All(parts, written(start));
    }

    private Query parseUnary(Scope scope) {
        int start = pos;
        if (acceptOperator("NOT")) {
            requireOperand("NOT");
            Query part = parseUnary(scope);
            return new Query.Not(part, written(start));
        }
        return parseNear(scope);
    }

    private Query parseNear(Scope scope) {
        int start = pos;
        Query left = parsePrimary(scope);
        skipSpace();
        if (!text.startsWith("NEAR", pos)) {
            return left;
        }
        int opAt = pos;
        pos += 4;
        if (atEnd() || peek() != '/') {
            throw error(opAt, "write NEAR with a distance in words, for example NEAR/10");
        }
        pos++;
        int digitsAt = pos;
        while (!atEnd() && Character.isDigit(peek())) {
            pos++;
        }
        if (digitsAt == pos) {
            throw error(opAt, "write NEAR with a distance in words, for example NEAR/10");
        }
        int distance = parseCount(digitsAt, pos);
        if (distance < 1 || distance > MAX_NEAR) {
            throw error(digitsAt, "NEAR's distance must be between 1 and " + MAX_NEAR + " words");
        }
        requireOperand("NEAR");
        int rightAt = pos;
        Query right = parsePrimary(scope);
        if (!Query.Near.locatable(left)) {
            throw error(start, "NEAR joins keywords, phrases, entity conditions or OR-groups of them, such as"
                    + " (وقود OR ذهب); put one before it");
        }
        if (!Query.Near.locatable(right)) {
            throw error(rightAt, "NEAR joins keywords, phrases, entity conditions or OR-groups of them, such as"
                    + " (وقود OR ذهب); put one after it");
        }
        if (left instanceof Terms l && right instanceof Terms r && l.scope() != r.scope()) {
            throw error(start, "both sides of NEAR must be in the same field (title: or body:)");
        }
        return new Query.Near(left, right, distance, written(start));
    }

    private Query parsePrimary(Scope scope) {
        skipSpace();
        if (atEnd()) {
            throw error(pos, "the query ends too early: something is missing after the last operator");
        }
        int start = pos;
        char c = peek();
        if (c == '(') {
            return parseGroup(scope);
        }
        if (c == ')') {
            throw error(pos, "nothing between '(' and ')', or an operator before ')': put a keyword there");
        }
        if (c == '"') {
            return parsePhrase(scope);
        }
        int colon = fieldColon();
        if (colon < 0) {
            return parseWord(scope);
        }
        String field = text.substring(pos, colon).toLowerCase(Locale.ROOT);
        pos = colon + 1;
        switch (field) {
            case "title", "body" -> {
                Scope inner = field.equals("title") ? Scope.TITLE : Scope.BODY;
                if (scope != Scope.ANY && scope != inner) {
                    throw error(start, "'" + field + ":' inside '" + scope.name().toLowerCase(Locale.ROOT)
                            + ":(...)': a word cannot be in both fields; move it out of the group");
                }
                if (atEnd() || Character.isWhitespace(peek())) {
                    throw error(start, "write the keyword right after '" + field + ":', without a space");
                }
                if (peek() == '(') {
                    return parseGroup(inner);
                }
                Terms t = (Terms) (peek() == '"' ? parsePhrase(inner) : parseWord(inner));
                // The hit should show the field too, as the analyst wrote it.
                return new Terms(t.words(), inner, written(start));
            }
            case "entity", "side", "type" -> {
                return parseEntity(field, start);
            }
            case "source", "lang" -> {
                String value = readValue();
                if (value.isEmpty()) {
                    throw error(start, "write a value right after '" + field + ":', for example "
                            + (field.equals("lang") ? "lang:ar" : "source:aljazeera"));
                }
                String lower = value.toLowerCase(Locale.ROOT);
                return field.equals("lang") ? new Query.Lang(lower, written(start))
                        : new Query.Source(lower, written(start));
            }
            default -> throw error(start, "unknown field '" + field + ":'; use " + FIELDS
                    + " (to search for a word with a colon, put it in quotes)");
        }
    }

    private Query parseGroup(Scope scope) {
        int open = pos;
        pos++;
        skipSpace();
        if (!atEnd() && peek() == ')') {
            throw error(open, "empty parentheses: put keywords or conditions between '(' and ')'");
        }
        Query inner = parseOr(scope);
        skipSpace();
        if (atEnd() || peek() != ')') {
            throw error(open, "this '(' is never closed: add ')' where the group ends");
        }
        pos++;
        return inner;
    }

    private Query parsePhrase(Scope scope) {
        int open = pos;
        int close = text.indexOf('"', open + 1);
        if (close < 0) {
            throw error(open, "the phrase that starts here has no closing quote (\"): add one where it ends");
        }
        String inside = text.substring(open + 1, close);
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < inside.length()) {
            while (i < inside.length() && Character.isWhitespace(inside.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < inside.length() && !Character.isWhitespace(inside.charAt(i))) {
                i++;
            }
            if (s < i) {
                words.add(word(inside.substring(s, i), open + 1 + s));
            }
        }
        if (words.isEmpty()) {
            throw error(open, "empty phrase: write words between the quotes or remove them");
        }
        pos = close + 1;
        return new Terms(words, scope, written(open));
    }

    private Query parseWord(Scope scope) {
        int start = pos;
        while (!atEnd() && isWordChar(peek())) {
            pos++;
        }
        if (start == pos) {
            throw error(start, "unexpected '" + peek() + "': quote it (\"...\") to search for it");
        }
        String w = text.substring(start, pos);
        if (w.equals("AND") || w.equals("OR") || w.startsWith("NEAR")) {
            throw error(start, w + " needs a keyword or condition on both sides");
        }
        return new Terms(List.of(word(w, start)), scope, written(start));
    }

    private Word word(String raw, int at) {
        Ending ending = Ending.EXACT;
        String w = raw;
        if (w.endsWith("~")) {
            ending = Ending.INFLECTED;
            w = w.substring(0, w.length() - 1);
        } else if (w.endsWith("*")) {
            ending = Ending.PREFIX;
            w = w.substring(0, w.length() - 1);
        }
        if (w.isEmpty() || w.indexOf('~') >= 0 || w.indexOf('*') >= 0) {
            throw error(at, "'~' (plural and feminine endings) and '*' (any ending) go once, at the end of a word,"
                    + " for example مهاجر~ or تهريب*");
        }
        if (ending == Ending.PREFIX && w.codePointCount(0, w.length()) < 3) {
            throw error(at, "'" + raw + "' is too short for '*': write at least three letters before it");
        }
        return new Word(w, ending);
    }

    private Query parseEntity(String field, int start) {
        int valueAt = pos;
        String value = readValue();
        int gt = value.indexOf(">=");
        int min = 1;
        String name = value;
        if (gt >= 0) {
            name = value.substring(0, gt);
            String count = value.substring(gt + 2);
            if (count.isEmpty() || !count.chars().allMatch(Character::isDigit)) {
                throw error(valueAt + gt, "write the least count as digits after '>=', for example " + field
                        + ":" + (field.equals("entity") ? "LY" : "sahel") + ">=2");
            }
            min = parseCount(valueAt + gt + 2, valueAt + value.length());
            if (min < 1) {
                throw error(valueAt + gt, "the least count after '>=' must be 1 or more");
            }
        } else if (value.indexOf('>') >= 0 || value.indexOf('=') >= 0) {
            throw error(valueAt, "write a least count as '>=N' with no spaces, for example entity:LY>=2");
        }
        if (name.isEmpty()) {
            throw error(start, "write a value right after '" + field + ":', for example "
                    + switch (field) {
                        case "entity" -> "entity:KHALIFA_HAFTAR";
                        case "side" -> "side:sahel";
                        default -> "type:person";
                    });
        }
        return switch (field) {
            case "entity" -> {
                if (!name.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'))) {
                    throw error(valueAt, "'" + name + "' is not an entity id: ids are written as in entities.tsv,"
                            + " in Latin capitals, digits and '_' (for example KHALIFA_HAFTAR)");
                }
                yield new Query.Entity(EntityField.ID, name.toUpperCase(Locale.ROOT), min, written(start));
            }
            case "side" -> {
                String side = name.toLowerCase(Locale.ROOT);
                if (!SIDES.contains(side)) {
                    throw error(valueAt, "unknown side '" + name + "'; use libya, sahel, russia or external");
                }
                yield new Query.Entity(EntityField.SIDE, side, min, written(start));
            }
            default -> {
                String type = name.toLowerCase(Locale.ROOT);
                if (!TYPES.contains(type)) {
                    throw error(valueAt, "unknown type '" + name
                            + "'; use country, city, region, place, org or person");
                }
                yield new Query.Entity(EntityField.TYPE, type, min, written(start));
            }
        };
    }

    private int parseCount(int from, int to) {
        String digits = text.substring(from, to);
        if (digits.length() > 6) {
            throw error(from, "the number " + digits + " is too large");
        }
        return Integer.parseInt(digits);
    }

    /** The index of the ':' if a field name ({@code letters:}) starts here, otherwise -1. */
    private int fieldColon() {
        int i = pos;
        while (i < text.length() && text.charAt(i) < 128 && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i > pos && i < text.length() && text.charAt(i) == ':' ? i : -1;
    }

    private String readValue() {
        int s = pos;
        while (!atEnd() && isWordChar(peek())) {
            pos++;
        }
        return text.substring(s, pos);
    }

    private boolean acceptOperator(String op) {
        skipSpace();
        if (text.startsWith(op, pos) && (pos + op.length() == text.length()
                || !isWordChar(text.charAt(pos + op.length())))) {
            pos += op.length();
            return true;
        }
        return false;
    }

    private void requireOperand(String op) {
        skipSpace();
        if (atEnd() || peek() == ')') {
            throw error(pos, op + " needs a keyword, phrase or condition after it");
        }
        for (String other : List.of("AND", "OR")) {
            if (text.startsWith(other, pos) && (pos + other.length() == text.length()
                    || !isWordChar(text.charAt(pos + other.length())))) {
                throw error(pos, op + " is followed by " + other + ": put a keyword or condition between them");
            }
        }
    }

    private boolean startsOperand() {
        skipSpace();
        if (atEnd() || peek() == ')') {
            return false;
        }
        return !(startsWithOperator("OR") || text.startsWith("NEAR", pos));
    }

    private boolean startsWithOperator(String op) {
        return text.startsWith(op, pos)
                && (pos + op.length() == text.length() || !isWordChar(text.charAt(pos + op.length())));
    }

    private static boolean isWordChar(char c) {
        return !Character.isWhitespace(c) && c != '(' && c != ')' && c != '"';
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private String written(int start) {
        return text.substring(start, pos).strip();
    }

    private RuleSyntaxException error(int at, String problem) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleSyntaxException(ruleId, line, at - lineStart + 1, problem);
    }
}
