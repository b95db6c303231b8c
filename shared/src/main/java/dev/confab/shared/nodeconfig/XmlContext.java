package dev.confab.shared.nodeconfig;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/** The one JAXB context of the binding; created on first use, then shared (JAXB contexts are thread-safe). */
final class XmlContext {

    private XmlContext() {
    }

    private static final class Holder {
        static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(XmlModel.Root.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("the node configuration binding is broken", e);
            }
        }
    }

    static JAXBContext get() {
        return Holder.CONTEXT;
    }
}
