package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code ssh_authorized_key}: an SSH public key that may log in as admin to the nodes that list it.
 * The key must be well-formed: base64 of an SSH public key blob that names the key's type. The
 * nodes list it in their {@code ssh_authorized_keys}; {@code nodes} is the same list seen from the key.
 */
final class SshAuthorizedKeys implements ResourceRules {

    static final String NAME = ResourceNames.SSH_AUTHORIZED_KEY;
    private static final String[] TYPES = {"ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com"};

    static ResourceSpec spec() {
        return ResourceSpec.builder(NAME, "SSH authorized key")
                .displayField("comment")
                .field(FieldSpec.string("keytype").required().choices(TYPES)
                        .help("Type of the key, as in its authorized_keys line, such as ssh-ed25519."))
                .field(FieldSpec.string("key").required().maxLength(8192)
                        .help("The public key: the base64 part of its authorized_keys line, without type or comment."))
                .field(FieldSpec.string("comment").maxLength(250)
                        .help("A comment, such as the key owner's name."))
                .field(FieldSpec.relatedList("nodes", ResourceNames.WORKER_VM).reverseOf("ssh_authorized_keys")
                        .help(StoredOnly.help("Conferencing Nodes that accept this key: the same list as each"
                                + " node's ssh_authorized_keys.")))
                .rules(new SshAuthorizedKeys())
                .defaultOrder("comment")
                .build();
    }

    @Override
    public void check(Candidate key, StoreView store, FieldErrors errors) {
        if (errors.has("key") || errors.has("keytype")) {
            return;
        }
        String problem = problem(key.text("keytype"), key.text("key"));
        if (problem != null) {
            errors.add("key", problem);
        }
    }

    /** What is wrong with {@code key} as a public key of {@code type}, or null. */
    static String problem(String type, String key) {
        if (key.contains(" ")) {
            return "Give only the base64 part of the key: its type and comment are fields of their own.";
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            return "The key is not base64: give the second part of the key's authorized_keys line.";
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        if (buffer.remaining() < 4) {
            return "The key is too short to be an SSH public key.";
        }
        int length = buffer.getInt();
        if (length <= 0 || length > buffer.remaining()) {
            return "The key is not an SSH public key: it does not start with its type.";
        }
        byte[] named = new byte[length];
        buffer.get(named);
        String inKey = new String(named, StandardCharsets.US_ASCII);
        if (!inKey.equals(type)) {
            return "The key is a " + inKey + " key, not " + type + ": set keytype to " + inKey + ".";
        }
        if (!buffer.hasRemaining()) {
            return "The key holds its type but no key material.";
        }
        return null;
    }
}
