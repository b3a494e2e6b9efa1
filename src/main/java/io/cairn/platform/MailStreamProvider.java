package io.cairn.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Names the stream provider Jakarta Mail asks for each time it encodes or parses a mail, for every mail Cairn sends or
 * reads (notices, notifications, the intake), so that it is loaded by that name: without the name, jakarta.mail-api
 * 2.1 looks for it with a {@link java.util.ServiceLoader} through every jar of the class path each time
 * (jakartaee/mail-api#861), which took a third of the notice sender's time. The provider named is the one that
 * lookup finds, Angus Mail's; a name set already is kept.
 */
@Configuration(proxyBeanMethods = false)
class MailStreamProvider {

    /** The system property that names Jakarta Mail's stream provider, and the one Angus Mail (on the class path) has. */
    static final String PROPERTY = "jakarta.mail.util.StreamProvider";

    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    MailStreamProvider() {
        if (System.getProperty(PROPERTY) == null
                && ClassUtils.isPresent(ANGUS, MailStreamProvider.class.getClassLoader())) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}
