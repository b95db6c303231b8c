package dev.confab.management.web.views;

import dev.confab.management.web.session.WebGuard;
import dev.confab.management.web.session.WebSession;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Renders the precompiled JTE templates of {@code src/main/jte}. Thread-safe. */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final BooleanSupplier selfSigned;

    public Templates(BooleanSupplier selfSigned) {
        this.selfSigned = selfSigned;
    }

    /** Renders a page inside the layout, for the logged-in administrator of this request. */
    public void page(Context ctx, String template, String title, Map<String, Object> model) {
        WebSession session = WebGuard.session(ctx);
        Map<String, Object> params = new HashMap<>(model);
        params.put("chrome", chrome(ctx, session, title));
        render(ctx, template, params);
    }

    public Chrome chrome(Context ctx, WebSession session, String title) {
        return new Chrome(title, session.user(), session.csrfToken(), ctx.path(), selfSigned.getAsBoolean(),
                session.takeFlash());
    }

    public void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(template, new HashMap<String, Object>(params), output);
        ctx.html(output.toString());
    }
}
