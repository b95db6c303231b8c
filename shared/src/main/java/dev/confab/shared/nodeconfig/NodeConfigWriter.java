package dev.confab.shared.nodeconfig;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link NodeConfig} as the UTF-8 XML file of schema version {@value NodeConfig#SCHEMA_VERSION},
 * validating what it writes against the XSD, so a file it makes is one the reader accepts.
 * Stateless and thread-safe.
 */
public final class NodeConfigWriter {

    private NodeConfigWriter() {
    }

    public static byte[] write(NodeConfig config) {
        try {
            Marshaller marshaller = XmlContext.get().createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setSchema(SecureXml.schema());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(XmlMapping.toXml(config), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e;
            throw new NodeConfigException("The node configuration cannot be written: " + cause.getMessage()
                    + "; check the node's settings.", e);
        }
    }
}
