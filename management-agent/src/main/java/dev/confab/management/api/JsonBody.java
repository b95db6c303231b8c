package dev.confab.management.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.confab.management.resource.ValidationException;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads the body of an API write: at most {@link #MAX_BYTES} (413 beyond, whether the length is
 * declared or the body is chunked), strictly UTF-8 (a malformed byte sequence is refused, never
 * replaced), and exactly one JSON object (no trailing tokens, no duplicate keys, Jackson's nesting
 * limit). Each refusal is a 4xx with the API's JSON error. Stateless and thread-safe.
 */
final class JsonBody {

    /** 1 MiB: a TLS certificate with its key, the largest write, is a fraction of it. */
    static final int MAX_BYTES = 1 << 20;
    private static final String TOO_LARGE = "The request body is too large: the API takes at most " + MAX_BYTES
            + " bytes (1 MiB).";

    private JsonBody() {
    }

    /** The body's JSON object; a body that is empty or only white space is refused. */
    static Map<String, Object> object(Context ctx, ObjectMapper json) throws JsonProcessingException {
        String text = text(ctx);
        if (text.isBlank()) {
            throw new ValidationException("The request has no body: send a JSON object.");
        }
        return parse(text, json);
    }

    /** As {@link #object}, but an empty body is an empty object (commands whose fields are all optional). */
    static Map<String, Object> objectOrEmpty(Context ctx, ObjectMapper json) throws JsonProcessingException {
        String text = text(ctx);
        return text.isBlank() ? Map.of() : parse(text, json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text, ObjectMapper json) throws JsonProcessingException {
        ObjectReader reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        JsonNode node = reader.readTree(text);
        if (node == null || !node.isObject()) {
            throw new ValidationException("The request body must be a JSON object.");
        }
        return json.convertValue(node, Map.class);
    }

    private static String text(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) {
            // the client may still be sending: read the body (when not far too large) so that it reads the answer
            throw OversizedBody.refuseDeclared(ctx, TOO_LARGE);
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                // a body without a length: read on (up to a bound) so that the client, still sending,
                // gets to read the answer instead of a reset connection
                OversizedBody.drain(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw OversizedBody.refusal(ctx, TOO_LARGE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new ValidationException("The request body is not valid UTF-8: " + e.getInputLength()
                    + " byte(s) do not form a character. Send JSON in UTF-8.");
        } catch (CharacterCodingException e) {
            throw new ValidationException("The request body is not valid UTF-8. Send JSON in UTF-8.");
        }
    }
}
