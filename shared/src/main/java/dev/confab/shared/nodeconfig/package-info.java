/**
 * The Conferencing Node configuration file: its XSD ({@code nodeconfig/node-configuration-1.xsd}),
 * the JAXB binding (package-private), a hardened {@link dev.confab.shared.nodeconfig.NodeConfigReader}
 * and a {@link dev.confab.shared.nodeconfig.NodeConfigWriter}. The only package that uses JAXB.
 */
@XmlSchema(namespace = XmlModel.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package dev.confab.shared.nodeconfig;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
