package dev.confab.management.web.pages;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.resource.engine.Page;
import dev.confab.management.web.views.Display;
import dev.confab.management.web.views.Labels;
import dev.confab.management.web.views.ListModel;
import dev.confab.management.web.views.ListModel.Header;
import dev.confab.management.web.views.ListModel.Row;
import dev.confab.management.web.views.Lookups;
import dev.confab.management.web.views.ResourceView;
import dev.confab.management.web.views.ResourceView.Column;
import dev.confab.management.web.views.Templates;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A list page: search on the display field, sort by column, pages of {@value ListQuery#DEFAULT_LIMIT}. */
public final class ListPage {

    private final ConfigurationService service;
    private final Templates templates;
    private final Lookups lookups;

    public ListPage(ConfigurationService service, Templates templates, Lookups lookups) {
        this.service = service;
        this.templates = templates;
        this.lookups = lookups;
    }

    public void show(Context ctx, ResourceView view) {
        ResourceSpec spec = view.spec();
        ListLinks links = ListLinks.of(view.href(), ctx.queryParam("q"), ctx.queryParam("order_by"),
                ctx.queryParam("limit"), ctx.queryParam("offset"));
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        view.fixed().forEach((field, value) -> parameters.put(field, List.of(value)));
        boolean searchable = spec.field(spec.displayField()).map(FieldSpec::isFilterable).orElse(false);
        if (searchable && !links.search().isEmpty()) {
            parameters.put(spec.displayField() + ListQuery.Operator.ICONTAINS.suffix, List.of(links.search()));
        }
        links.putPaging(parameters);
        ListQuery query = ListQuery.parse(spec, parameters);
        Page page = service.list(spec, query);
        Map<String, String> names = lookups.namesFor(spec);
        List<Header> headers = new ArrayList<>();
        for (Column column : view.columns()) {
            headers.add(links.header(column, query));
        }
        List<Row> rows = new ArrayList<>();
        boolean linked = view.editable() && view.isCollection();
        for (Map<String, Object> object : page.objects()) {
            List<String> cells = new ArrayList<>();
            view.columns().forEach(column -> cells.add(Display.text(column.value().apply(object), names)));
            long id = ((Number) object.get("id")).longValue();
            rows.add(new Row(id, linked ? view.objectHref(id) : null,
                    Display.text(object.get(spec.displayField()), names), cells));
        }
        long to = page.offset() + page.objects().size();
        ListModel model = new ListModel(view.title(), view.href(), linked ? view.newHref() : null,
                searchable ? "Search by " + Labels.of(spec.displayField()).toLowerCase(java.util.Locale.ROOT) : null,
                links.search(), headers, rows, page.totalCount(), page.objects().isEmpty() ? 0 : page.offset() + 1, to,
                page.offset() > 0 ? links.at(Math.max(0, page.offset() - page.limit())) : null,
                to < page.totalCount() ? links.at(to) : null, view.bulk());
        templates.page(ctx, "list.jte", view.title(), Map.of("list", model));
    }
}
