package dev.confab.management.api;

import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each resource's {@code schema/} against the reference's field list kept in
 * {@code src/test/resources/reference-fields/<api>/<resource>.txt}: a field of the reference that
 * the schema lacks fails the build, unless the list says Confab lacks it on purpose.
 */
class ReferenceFieldsTest {

    private static final Catalog CATALOG = new Catalog(Clock.systemUTC());

    @TestFactory
    Stream<DynamicTest> everyResourceHasEveryFieldOfTheReference() throws IOException, URISyntaxException {
        Path root = Path.of(ReferenceFieldsTest.class.getResource("/reference-fields").toURI());
        List<Path> lists;
        try (Stream<Path> files = Files.walk(root)) {
            lists = files.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
        }
        assertFalse(lists.isEmpty(), "no reference field lists in " + root);
        return lists.stream().map(list -> {
            String api = list.getParent().getFileName().toString();
            String resource = list.getFileName().toString().replace(".txt", "");
            return DynamicTest.dynamicTest(api + "/" + resource, () -> assertSchemaHasEveryField(api, resource, list));
        });
    }

    @SuppressWarnings("unchecked")
    private static void assertSchemaHasEveryField(String api, String resource, Path list) {
        ResourceSpec spec = CATALOG.get(api, resource);
        Map<String, Object> fields = (Map<String, Object>) Schema.describe(spec).get("fields");
        List<String> missing = reference(list).stream().filter(field -> !fields.containsKey(field)).toList();
        assertEquals(List.of(), missing, "fields of the reference that " + api + "/" + resource + "/schema/ lacks");
    }

    /** The field names of a list: one a line, without comments and blank lines. */
    private static List<String> reference(Path list) {
        try {
            return Files.readAllLines(list).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
