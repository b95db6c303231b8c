package dev.confab.shared.nodeconfig;

import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.dom.DOMSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an untrusted node configuration file, in this order: at most {@value #MAX_BYTES} bytes,
 * UTF-8 only, XML without any DTD (so no entities, local or external), the right root element and
 * schema version, valid against the XSD, then the checks a schema cannot express (gateway in the
 * subnet, validity period, expiry against the injected clock). Every refusal is a
 * {@link NodeConfigException} whose message tells the operator what is wrong and what to do.
 *
 * <p>Thread-safe: each call uses its own parser and validator.
 */
public final class NodeConfigReader {

    /** The largest file accepted: 1 MiB, far above any real configuration. */
    public static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern ENCODING = Pattern.compile("\\A<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final String DOWNLOAD_AGAIN =
            " Upload the pexip-<hostname>.<domain>.xml file exactly as the Management Node made it.";

    private final Clock clock;

    public NodeConfigReader(Clock clock) {
        this.clock = clock;
    }

    /** Reads at most {@value #MAX_BYTES} + 1 bytes of {@code in} and then the file. */
    public NodeConfig read(InputStream in) throws IOException {
        return read(in.readNBytes(MAX_BYTES + 1));
    }

    public NodeConfig read(byte[] file) {
        String text = decode(file);
        Document document = parse(text);
        checkRoot(document.getDocumentElement());
        validate(document);
        NodeConfig config = unmarshal(document);
        NodeConfigChecks.check(config, clock);
        return config;
    }

    private static String decode(byte[] file) {
        if (file.length == 0) {
            throw new NodeConfigException("The file is empty." + DOWNLOAD_AGAIN);
        }
        if (file.length > MAX_BYTES) {
            throw new NodeConfigException("The file is larger than 1 MiB, the most a node accepts; a node"
                    + " configuration file is a few kilobytes, so this is not one." + DOWNLOAD_AGAIN);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new NodeConfigException("The file is not UTF-8 text; node configuration files are always UTF-8."
                    + DOWNLOAD_AGAIN, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Matcher declared = ENCODING.matcher(text);
        if (declared.find() && !declared.group(1).toUpperCase(Locale.ROOT).replace("_", "-").equals("UTF-8")) {
            throw new NodeConfigException("The file declares the encoding " + declared.group(1)
                    + "; node configuration files are always UTF-8." + DOWNLOAD_AGAIN);
        }
        if (!text.stripLeading().startsWith("<")) {
            throw new NodeConfigException("The file is not an XML document (it starts with \""
                    + printable(text.stripLeading()) + "\")." + DOWNLOAD_AGAIN);
        }
        if (text.contains("<!DOCTYPE")) {
            throw new NodeConfigException("The file contains a document type declaration (<!DOCTYPE …>), which a"
                    + " node configuration file never has; files with entity declarations are refused because they"
                    + " can read local files or exhaust memory." + DOWNLOAD_AGAIN);
        }
        return text;
    }

    private static Document parse(String text) {
        try {
            return SecureXml.documentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new NodeConfigException("The file is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage() + "); it may be truncated or damaged."
                    + DOWNLOAD_AGAIN, e);
        } catch (SAXException | IOException e) {
            throw new NodeConfigException("The file cannot be read as XML: " + e.getMessage() + "." + DOWNLOAD_AGAIN, e);
        }
    }

    private static void checkRoot(Element root) {
        if (!XmlModel.ROOT.equals(root.getLocalName()) || !XmlModel.NAMESPACE.equals(root.getNamespaceURI())) {
            throw new NodeConfigException("The file is XML but not a Conferencing Node configuration file: its root"
                    + " element is <" + root.getTagName() + "> instead of <" + XmlModel.ROOT + " xmlns=\""
                    + XmlModel.NAMESPACE + "\">." + DOWNLOAD_AGAIN);
        }
        String version = root.getAttribute("schemaVersion");
        if (!String.valueOf(NodeConfig.SCHEMA_VERSION).equals(version)) {
            throw new NodeConfigException("The file has schema version " + (version.isEmpty() ? "(none)" : version)
                    + ", but this Conferencing Node reads version " + NodeConfig.SCHEMA_VERSION + ". Download the"
                    + " file from a Management Node of the same release as this node.");
        }
    }

    private static void validate(Document document) {
        try {
            SecureXml.validator().validate(new DOMSource(document));
        } catch (SAXException e) {
            throw new NodeConfigException("The file does not match the node configuration schema: " + e.getMessage()
                    + DOWNLOAD_AGAIN, e);
        } catch (IOException e) {
            throw new NodeConfigException("The file cannot be validated: " + e.getMessage(), e);
        }
    }

    private static NodeConfig unmarshal(Document document) {
        try {
            Object root = XmlContext.get().createUnmarshaller().unmarshal(document);
            return XmlMapping.toRecord((XmlModel.Root) root);
        } catch (JAXBException | ClassCastException e) {
            throw new NodeConfigException("The file matches the schema but cannot be bound: " + e + DOWNLOAD_AGAIN, e);
        }
    }

    private static String printable(String text) {
        String head = text.length() > 16 ? text.substring(0, 16) + "…" : text;
        return head.replaceAll("[^\\p{Print}]", "?");
    }
}
