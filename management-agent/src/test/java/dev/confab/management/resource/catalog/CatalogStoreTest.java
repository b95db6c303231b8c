package dev.confab.management.resource.catalog;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The migrated store has a column for every field the catalog keeps, and a table for every list. */
class CatalogStoreTest {

    @Test
    void everyKeptFieldHasItsColumnOrListTable(@TempDir Path dir) {
        List<String> missing = new ArrayList<>();
        try (Store store = Store.open(dir.resolve("confab.db"))) {
            for (ResourceSpec spec : new Catalog(Clock.systemUTC()).all()) {
                if (!spec.api().equals(ResourceNames.CONFIGURATION_API)) {
                    continue;
                }
                Set<String> columns = columns(store, spec.table());
                for (FieldSpec field : spec.fields().values()) {
                    if (field.isColumn() && !columns.contains(field.name())) {
                        missing.add(spec.name() + "." + field.name());
                    }
                    if (field.type() == FieldSpec.Type.RELATED_LIST && field.isStored()) {
                        String table = field.reverseOf() == null ? spec.name() + "__" + field.name()
                                : field.relatedResource() + "__" + field.reverseOf();
                        if (!columns(store, table).containsAll(Set.of("owner_id", "target_id", "position"))) {
                            missing.add(table);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static Set<String> columns(Store store, String table) {
        return Set.copyOf(store.read(handle -> handle.createQuery("SELECT name FROM pragma_table_info(:table)")
                .bind("table", table).mapTo(String.class).list()));
    }
}
