package dev.confab.management.cloud.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes HCL, the language of Terraform's configuration, from Java values: a {@link Block} holds
 * attributes and nested blocks; an attribute's value is a {@code String} (a quoted template, escaped),
 * a {@link Heredoc}, a {@link Expression} written as it is (a reference such as {@code var.vpc_id}), a
 * {@code Number}, a {@code Boolean}, a {@code List} (a tuple) or a {@code Map} (an object). Literal text
 * never becomes an interpolation: {@code ${} and {@code %{} are doubled into {@code $${} and {@code %%{}.
 * Stateless.
 */
final class Hcl {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String INDENT = "  ";
    private static final String HEREDOC_END = "EOT";

    /** An expression written as it is: a reference, a function call, a type. */
    record Expression(String text) {
    }

    /** Text written as a heredoc: readable for JSON and other text with quotes; ends with a line break. */
    record Heredoc(String text) {
        Heredoc {
            if (text.lines().anyMatch(line -> line.strip().equals(HEREDOC_END))) {
                throw new IllegalArgumentException("a heredoc may not hold a line " + HEREDOC_END);
            }
        }
    }

    /** A block: {@code type "label" … { body }}. */
    record Block(String type, List<String> labels, List<Object> body) {
        Block {
            labels = List.copyOf(labels);
            body = new ArrayList<>(body);
        }

        static Block of(String type, String... labels) {
            return new Block(type, List.of(labels), List.of());
        }

        /** Adds {@code name = value} and returns this block. */
        Block set(String name, Object value) {
            body.add(new Attribute(name, value));
            return this;
        }

        /** Adds a nested block and returns this block. */
        Block add(Block block) {
            body.add(block);
            return this;
        }
    }

    private record Attribute(String name, Object value) {
    }

    private Hcl() {
    }

    /** The blocks, separated by empty lines, after {@code comment} as {@code #} lines. */
    static String write(String comment, List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        comment.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        for (Block block : blocks) {
            out.append('\n');
            block(out, block, "");
        }
        return out.toString();
    }

    private static void block(StringBuilder out, Block block, String indent) {
        out.append(indent).append(block.type());
        block.labels().forEach(label -> out.append(' ').append(string(label)));
        out.append(" {\n");
        for (Object entry : block.body()) {
            if (entry instanceof Block nested) {
                block(out, nested, indent + INDENT);
            } else {
                Attribute attribute = (Attribute) entry;
                out.append(indent).append(INDENT).append(attribute.name()).append(" = ");
                value(out, attribute.value(), indent + INDENT);
                out.append('\n');
            }
        }
        out.append(indent).append("}\n");
    }

    private static void value(StringBuilder out, Object value, String indent) {
        if (value instanceof String text) {
            out.append(string(text));
        } else if (value instanceof Expression expression) {
            out.append(expression.text());
        } else if (value instanceof Heredoc heredoc) {
            out.append("<<").append(HEREDOC_END).append('\n').append(templateEscape(heredoc.text()))
                    .append(heredoc.text().endsWith("\n") ? "" : "\n").append(HEREDOC_END);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            tuple(out, list, indent);
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, indent);
        } else {
            throw new IllegalArgumentException("no HCL for " + value.getClass());
        }
    }

    private static void tuple(StringBuilder out, List<?> list, String indent) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : ", ");
            value(out, list.get(i), indent);
        }
        out.append(']');
    }

    private static void object(StringBuilder out, Map<?, ?> map, String indent) {
        out.append("{\n");
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = entry.getKey().toString();
            out.append(indent).append(INDENT).append(IDENTIFIER.matcher(key).matches() ? key : string(key))
                    .append(" = ");
            value(out, entry.getValue(), indent + INDENT);
            out.append('\n');
        }
        out.append(indent).append('}');
    }

    /** {@code text} as a quoted HCL string that means exactly {@code text}. */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append("\\\"");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return templateEscape(out.append('"').toString());
    }

    /** Doubles the template sequences, so that {@code ${} and {@code %{} stay literal. */
    private static String templateEscape(String text) {
        return text.replace("${", "$${").replace("%{", "%%{");
    }
}
