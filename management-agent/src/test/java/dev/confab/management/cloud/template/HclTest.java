package dev.confab.management.cloud.template;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HclTest {

    @Test
    void escapesQuotesBackslashesAndLineBreaksInStrings() {
        assertEquals("\"a \\\"b\\\" c\\\\d\\ne\\r\\tf\"", Hcl.string("a \"b\" c\\d\ne\r\tf"));
    }

    @Test
    void keepsInterpolationAndDirectiveSequencesLiteral() {
        assertEquals("\"$${var.x} %%{if} $$${y}\"", Hcl.string("${var.x} %{if} $${y}"));
    }

    @Test
    void writesControlCharactersAsUnicodeEscapes() {
        assertEquals("\"a\\u0001b\\u007f\"", Hcl.string("a\u0001b\u007f"));
    }

    @Test
    void writesBlocksAttributesObjectsAndHeredocs() {
        String hcl = Hcl.write("made by a test", List.of(Hcl.Block.of("resource", "aws_instance", "a")
                .set("ami", new Hcl.Expression("var.ami"))
                .set("count", 2)
                .set("ebs_optimized", true)
                .set("tags", Map.of("pexip-cloud", "mgr"))
                .set("ids", List.of(new Hcl.Expression("aws_security_group.platform.id")))
                .set("user_data", new Hcl.Heredoc("{\"a\": \"${b}\"}"))));

        assertEquals("""
                # made by a test

                resource "aws_instance" "a" {
                  ami = var.ami
                  count = 2
                  ebs_optimized = true
                  tags = {
                    "pexip-cloud" = "mgr"
                  }
                  ids = [aws_security_group.platform.id]
                  user_data = <<EOT
                {"a": "$${b}"}
                EOT
                }
                """, hcl);
    }

    @Test
    void refusesAHeredocThatWouldEndEarly() {
        assertThrows(IllegalArgumentException.class, () -> new Hcl.Heredoc("a\nEOT\nb"));
    }
}
