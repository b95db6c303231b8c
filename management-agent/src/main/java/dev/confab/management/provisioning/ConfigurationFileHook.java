package dev.confab.management.provisioning;

import dev.confab.management.api.ApiAuth;
import dev.confab.management.api.ConfigurationApi;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.ResourceNames;
import io.javalin.http.Context;

import java.util.Locale;
import java.util.Map;

/**
 * Answers {@code POST worker_vm} with {@code deployment_type: MANUAL-PROVISION-ONLY} and an SSH
 * password as the reference platform does: 201 with the node's configuration file as an attachment.
 * A client that accepts only JSON gets the created object instead, and no file or token is made.
 */
public final class ConfigurationFileHook implements ConfigurationApi.ResponseHook {

    private final ConfigurationFiles files;

    public ConfigurationFileHook(ConfigurationFiles files) {
        this.files = files;
    }

    @Override
    public boolean answer(ResourceSpec spec, Map<String, Object> input, Map<String, Object> created, Context ctx) {
        if (!spec.name().equals(ResourceNames.WORKER_VM) || !"MANUAL-PROVISION-ONLY".equals(input.get("deployment_type"))
                || !(input.get("password") instanceof String password) || password.isEmpty() || jsonOnly(ctx)) {
            return false;
        }
        ConfigurationFiles.File file = files.create(((Number) created.get("id")).longValue(), ApiAuth.actor(ctx));
        ctx.status(201)
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                .contentType("application/xml; charset=UTF-8")
                .result(file.content());
        return true;
    }

    private static boolean jsonOnly(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return !lower.contains("xml") && !lower.contains("*/*") && !lower.contains("application/octet-stream");
    }
}
