package dev.confab.conferencing.cloud;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstanceMetadataTest {

    private Javalin service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void readsTheInstanceTypeWithAnImdsV2Token() throws Exception {
        AtomicInteger tokens = new AtomicInteger();
        service = start(200, config -> {
            config.routes.get("/latest/meta-data/instance-type", ctx -> {
                if (!"token-7".equals(ctx.header("X-aws-ec2-metadata-token"))) {
                    ctx.status(401);
                    return;
                }
                ctx.result("c5.4xlarge\n");
            });
        }, tokens);

        assertEquals(Optional.of("c5.4xlarge"), metadata().instanceType());
        assertEquals(1, tokens.get());
    }

    @Test
    void answersEmptyWhenTheServiceHasNoSuchEntry() throws Exception {
        service = start(200, config -> { }, new AtomicInteger());

        assertEquals(Optional.empty(), metadata().instanceType());
        assertEquals(Optional.empty(), metadata().userData());
    }

    @Test
    void saysWhatWentWrongWhenNoTokenIsGiven() {
        service = start(403, config -> { }, new AtomicInteger());

        IOException refused = assertThrows(IOException.class, () -> metadata().instanceType());
        assertTrue(refused.getMessage().contains("refused a metadata token (HTTP 403)"), refused.getMessage());
    }

    private InstanceMetadata metadata() {
        return new InstanceMetadata("http://127.0.0.1:" + service.port() + "/");
    }

    private static Javalin start(int tokenStatus, java.util.function.Consumer<io.javalin.config.JavalinConfig> routes,
                                 AtomicInteger tokens) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.put("/latest/api/token", ctx -> {
                tokens.incrementAndGet();
                ctx.status(tokenStatus).result(tokenStatus == 200 ? "token-7" : "");
            });
            routes.accept(config);
        }).start("127.0.0.1", 0);
    }
}
